package org.civic311.integrations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookAddressTest {
  @Test
  void takesHttpAndHttpsUrlsWithTheirQuery() {
    assertThat(WebhookAddress.parse(" https://works.example.org/hooks/311?b=2&a=1 ").toString())
        .isEqualTo("https://works.example.org/hooks/311?b=2&a=1");
    assertThat(WebhookAddress.parse("http://localhost:8089/in").host()).isEqualTo("localhost");
  }

  @Test
  void refusesOtherSchemesRelativeAddressesCredentialsAndFragments() {
    for (String bad :
        new String[] {
          "ftp://works.example.org/in",
          "file:///etc/passwd",
          "/relative/path",
          "works.example.org/in",
          "https://user:pass@works.example.org/in",
          "https://works.example.org/in#part",
          "https://exa mple.org/",
          "",
          "https://" + "a".repeat(2000) + ".org/"
        }) {
      assertThatThrownBy(() -> WebhookAddress.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("url: ");
    }
  }
}
