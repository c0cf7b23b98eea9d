package org.civic311.platform.request.api.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PortalTextsTest {

  @Test
  void everyLanguageHasEveryKeyWithTheSameArguments() {
    PortalTexts english = PortalTexts.in("en");
    for (String language : List.of("fr", "es")) {
      PortalTexts other = PortalTexts.in(language);
      assertThat(other.keys()).as(language).containsExactlyInAnyOrderElementsOf(english.keys());
      for (String key : english.keys()) {
        assertThat(arguments(other.text(key)))
            .as(language + " " + key)
            .isEqualTo(arguments(english.text(key)));
        assertThat(other.text(key)).as(language + " " + key).isNotBlank();
      }
    }
  }

  @Test
  void everyTextThePagesNameIsInTheBundles() throws Exception {
    PortalTexts english = PortalTexts.in("en");
    Pattern placeholder = Pattern.compile("\\{\\{t:([a-zA-Z0-9_.]+)}}");
    for (String page :
        List.of("layout.html", "home.html", "report.html", "status.html", "my-requests.html")) {
      try (var in = PortalShell.class.getResourceAsStream(page)) {
        Matcher m = placeholder.matcher(new String(in.readAllBytes(), "UTF-8"));
        while (m.find()) {
          assertThat(english.keys()).as(page).contains(m.group(1));
        }
      }
    }
  }

  @Test
  void thePageSpeaksTheAskedLanguageOnlyWhenTheCityOffersIt() {
    List<String> calgary = List.of("en", "fr", "es");
    assertThat(PortalTexts.choose("fr", null, calgary)).isEqualTo("fr");
    assertThat(PortalTexts.choose("es-MX", null, calgary)).isEqualTo("es");
    assertThat(PortalTexts.choose("fr", null, List.of("en"))).isEqualTo("en");
    assertThat(PortalTexts.choose("de", null, calgary)).isEqualTo("en");
  }

  @Test
  void withoutALanguageTheBrowsersBestOfferedOneWinsThenTheCitysFirst() {
    assertThat(PortalTexts.choose(null, "de-DE,fr-CA;q=0.8,en;q=0.5", List.of("en", "fr")))
        .isEqualTo("fr");
    assertThat(PortalTexts.choose(null, "de", List.of("fr", "en"))).isEqualTo("fr");
    assertThat(PortalTexts.choose(null, "not a ;; header ===", List.of("en"))).isEqualTo("en");
    // a city of languages the portal does not speak gets English
    assertThat(PortalTexts.choose(null, null, List.of("de"))).isEqualTo("en");
    assertThat(PortalTexts.offered(List.of("en-CA", "fr-CA", "de"))).containsExactly("en", "fr");
  }

  @Test
  void theTextsArgumentsAreFilledInAndApostrophesKept() {
    assertThat(PortalTexts.in("fr").text("home.follow.unknown", "abc"))
        .isEqualTo("Il n'y a pas de demande abc dans cette ville. Vérifiez le numéro.");
    assertThat(PortalTexts.in("es").forScripts())
        .containsKey("meToo")
        .doesNotContainKey("js.meToo");
  }

  @Test
  void thePolicyAllowsTheTileServersOrigin() {
    assertThat(PortalShell.tileOrigin("https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
        .isEqualTo("https://tile.openstreetmap.org");
    assertThat(PortalShell.tileOrigin("https://{s}.tile.example.org:8443/{z}/{x}/{y}.png"))
        .isEqualTo("https://*.tile.example.org:8443");
    assertThat(PortalShell.tileOrigin("/tiles/{z}/{x}/{y}.png")).isNull();
    assertThat(PortalShell.tileOrigin("javascript:alert(1)")).isNull();
  }

  private static List<String> arguments(String text) {
    return Pattern.compile("\\{\\d}").matcher(text).results().map(r -> r.group()).sorted().toList();
  }
}
