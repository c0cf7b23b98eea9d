package org.civic311.platform.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailTextsTest {
  @Test
  void everyLanguageHasEveryText() throws Exception {
    Properties english = bundle("en");
    for (String language : PageTexts.LANGUAGES) {
      assertThat(bundle(language).stringPropertyNames())
          .as("keys of mail_%s.properties", language)
          .isEqualTo(english.stringPropertyNames());
    }
  }

  @Test
  void theDigestCountsInTheRightNumber() {
    MailTexts en = new MailTexts("en");
    assertThat(en.text("subject.digest", "Lethbridge", 0, "Roads"))
        .isEqualTo("[Lethbridge] no new requests for Roads");
    assertThat(en.text("subject.digest", "Lethbridge", 1, "Roads"))
        .isEqualTo("[Lethbridge] 1 new request for Roads");
    assertThat(en.text("subject.digest", "Lethbridge", 12, "Roads"))
        .isEqualTo("[Lethbridge] 12 new requests for Roads");
    assertThat(new MailTexts("fr").text("intro.digest", 1, "Voirie"))
        .startsWith("1 nouvelle demande est arrivée");
  }

  @Test
  void pagesSpeakTheLanguageOfTheLinkAndEnglishOtherwise() {
    assertThat(PageTexts.in("fr").text("confirm.button"))
        .isEqualTo("Confirmer les avis par courriel");
    assertThat(PageTexts.in("ES").language()).isEqualTo("es");
    assertThat(PageTexts.in("de").language()).isEqualTo("en");
    assertThat(PageTexts.in(null).text("failed.409")).contains("already used");
    assertThat(PageTexts.in("fr").text("failed.title")).isEqualTo("Ce lien n'a pas fonctionné");
  }

  private static Properties bundle(String language) throws Exception {
    Properties p = new Properties();
    try (InputStream in =
        MailTextsTest.class.getResourceAsStream("mail_" + language + ".properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
