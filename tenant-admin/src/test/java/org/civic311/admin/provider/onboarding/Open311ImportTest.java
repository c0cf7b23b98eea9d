package org.civic311.admin.provider.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class Open311ImportTest {
  private final Open311Import guarded = importer(false);

  private static Open311Import importer(boolean allowPrivate) {
    Open311Import i = new Open311Import();
    i.allowPrivateNetworks = allowPrivate;
    i.timeout = Duration.ofSeconds(3);
    return i;
  }

  @Test
  void refusesPrivateAndLoopbackAddressesUnlessAllowed() {
    for (String url :
        new String[] {
          "http://127.0.0.1/open311/v2/",
          "http://10.1.2.3/",
          "http://192.168.0.10/",
          "http://169.254.169.254/latest/",
          "http://[::1]/",
          "http://[fd00::1]/",
          "http://0.0.0.0/"
        }) {
      assertThatThrownBy(() -> guarded.check(url))
          .as(url)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("catalogue_url: ")
          .hasMessageContaining("private network");
    }
    assertThat(importer(true).check("http://127.0.0.1:8080/open311/v2").toString())
        .isEqualTo("http://127.0.0.1:8080/open311/v2/");
  }

  @Test
  void refusesAddressesThatAreNotPlainHttp() {
    for (String url :
        new String[] {
          "ftp://example.org/",
          "file:///etc/passwd",
          "http://user:secret@example.org/",
          "https://example.org/open311/v2/?x=1",
          "not a url",
          " ",
          "mailto:clerk@example.org"
        }) {
      assertThatThrownBy(() -> importer(true).check(url))
          .as(url)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("catalogue_url: ");
    }
  }

  @Test
  void takesAPastedServicesListAsItsBase() {
    Open311Import open = importer(true);
    assertThat(open.check("https://127.0.0.1/open311/v2/services.json").toString())
        .isEqualTo("https://127.0.0.1/open311/v2/");
    assertThat(open.check("http://127.0.0.1:9/georeport/v2/discovery.json").toString())
        .isEqualTo("http://127.0.0.1:9/georeport/v2/");
  }

  @Test
  void makesServiceCodesCategoryCodes() {
    assertThat(Open311Import.code("POTHOLE")).isEqualTo("pothole");
    assertThat(Open311Import.code("Street Light / Out")).isEqualTo("street-light-out");
    assertThat(Open311Import.code("001")).isEqualTo("001");
    assertThat(Open311Import.code("--tree__fallen--")).isEqualTo("tree_fallen");
    assertThat(Open311Import.code("???")).isEmpty();
  }
}
