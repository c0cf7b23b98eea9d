package org.civic311.platform.notification.application;

import java.util.List;
import java.util.Locale;

/**
 * The texts of the pages a resident's mail links to (confirm, unsubscribe), in the language of that
 * mail: the links carry it as {@code lang}. Unknown or missing languages read English.
 */
public final class PageTexts {
  /** The languages with a {@code mail} bundle. */
  public static final List<String> LANGUAGES = List.of("en", "fr", "es");

  private final String language;
  private final MailTexts texts;

  private PageTexts(String language) {
    this.language = language;
    this.texts = new MailTexts(language);
  }

  /** The texts in {@code language} when there are any, otherwise in English. */
  public static PageTexts in(String language) {
    String tag = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
    return new PageTexts(LANGUAGES.contains(tag) ? tag : "en");
  }

  public String language() {
    return language;
  }

  public String text(String key, Object... args) {
    return texts.text("page." + key, args);
  }
}
