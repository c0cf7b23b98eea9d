package org.civic311.integrations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorSettingsTest {
  private static SaveIntegration open311(String url, String key, Map<String, String> codes) {
    return new SaveIntegration(
        "open311",
        url,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "lethbridge.ca",
        key,
        codes,
        null,
        null,
        null);
  }

  private static SaveIntegration sftp(String url, String user, String pin, String format) {
    return new SaveIntegration(
        "sftp", url, null, null, user, "pw", null, null, null, null, null, null, null, null, null,
        null, pin, format);
  }

  @Test
  void anOpen311IntegrationKeepsItsBaseUrlJurisdictionAndMappingButNotItsKey() {
    RemoteOpen311.Settings s =
        RemoteOpen311.settings(
            open311("https://311.example.org/open311/v2/", "k", Map.of("pothole", "POT")));
    assertThat(s.resolve("requests.json"))
        .isEqualTo("https://311.example.org/open311/v2/requests.json");
    assertThat(s.remoteCode("pothole")).contains("POT");
    assertThat(s.remoteCode("graffiti")).isEmpty();
    String options = s.optionsJson();
    assertThat(options).contains("lethbridge.ca").contains("POT").doesNotContain("\"k\"");
    RemoteOpen311.Settings back = RemoteOpen311.of(s.url(), options);
    assertThat(back.jurisdictionId()).isEqualTo("lethbridge.ca");
    assertThat(back.serviceCodes()).isEqualTo(Map.of("pothole", "POT"));
  }

  @Test
  void aBadOpen311IntegrationNamesTheField() {
    assertThatThrownBy(() -> RemoteOpen311.settings(open311("https://x.org/v2", "k", Map.of())))
        .hasMessageStartingWith("service_codes:");
    assertThatThrownBy(
            () -> RemoteOpen311.settings(open311("ftp://x.org/v2", "k", Map.of("a", "b"))))
        .hasMessageStartingWith("url:");
    assertThatThrownBy(
            () -> RemoteOpen311.settings(open311("https://x.org/v2?a=1", "k", Map.of("a", "b"))))
        .hasMessageStartingWith("url:");
    assertThatThrownBy(
            () -> RemoteOpen311.settings(open311("https://x.org/v2", "k", Map.of("a", "\n"))))
        .hasMessageStartingWith("service_codes:");
  }

  @Test
  void anSftpIntegrationNeedsAHostKeyFingerprintAndAKnownFormat() {
    String pin = "SHA256:" + "a".repeat(43);
    SftpDrop.Settings s =
        SftpDrop.settings(sftp("sftp://files.example.org:2222/in/roads", "u", pin, null));
    assertThat(s.host()).isEqualTo("files.example.org");
    assertThat(s.port()).isEqualTo(2222);
    assertThat(s.directory()).isEqualTo("/in/roads");
    assertThat(s.format()).isEqualTo("json");
    assertThat(SftpDrop.of(s.url(), s.optionsJson())).isEqualTo(s);
    assertThat(SftpDrop.settings(sftp("sftp://f.org", "u", pin + "=", "CSV")).port()).isEqualTo(22);
    assertThatThrownBy(() -> SftpDrop.settings(sftp("sftp://f.org/x", "u", null, null)))
        .hasMessageStartingWith("host_key_fingerprint:");
    assertThatThrownBy(() -> SftpDrop.settings(sftp("sftp://f.org/x", "u", "MD5:aa", null)))
        .hasMessageStartingWith("host_key_fingerprint:");
    assertThatThrownBy(() -> SftpDrop.settings(sftp("https://f.org/x", "u", pin, null)))
        .hasMessageStartingWith("url:");
    assertThatThrownBy(() -> SftpDrop.settings(sftp("sftp://me@f.org/x", "u", pin, null)))
        .hasMessageStartingWith("url:");
    assertThatThrownBy(() -> SftpDrop.settings(sftp("sftp://f.org/x", "a b", pin, null)))
        .hasMessageStartingWith("username:");
    assertThatThrownBy(() -> SftpDrop.settings(sftp("sftp://f.org/x", "u", pin, "xml")))
        .hasMessageStartingWith("format:");
  }

  @Test
  void withoutTheDeploymentsConsentOpen311AndSftpServersInPrivateNetworksAreRefused() {
    IntegrationSettings settings = new IntegrationSettings(); // production's default: false
    for (String url :
        new String[] {
          "http://127.0.0.1:8080/open311/v2",
          "sftp://10.1.2.3/drop",
          "sftp://169.254.169.254/latest",
          "sftp://localhost:2222/drop"
        }) {
      WebhookAddress address = new WebhookAddress(java.net.URI.create(url));
      assertThatThrownBy(() -> settings.checkNetwork(address))
          .as(url)
          .hasMessageStartingWith("url:")
          .hasMessageContaining("private network");
    }
    settings.allowPrivateNetworks = true; // the demo and the tests
    settings.checkNetwork(new WebhookAddress(java.net.URI.create("sftp://127.0.0.1/drop")));
  }
}
