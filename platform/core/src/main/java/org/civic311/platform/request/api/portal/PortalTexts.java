package org.civic311.platform.request.api.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The resident portal's texts in one language, from the resource bundles {@code portal_en}, {@code
 * portal_fr} and {@code portal_es} (UTF-8) beside this class. Every string a resident reads comes
 * from them: rendered into the page on the server, or handed to the page's scripts as JSON. A text
 * with arguments names them {@code {0}}, {@code {1}}; apostrophes are written once (no
 * MessageFormat).
 */
public final class PortalTexts {
  /** The languages the portal speaks; a city offers some of them. */
  public static final List<String> LANGUAGES = List.of("en", "fr", "es");

  private static final String BUNDLE = "org.civic311.platform.request.api.portal.portal";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final String language;
  private final ResourceBundle bundle;

  private PortalTexts(String language) {
    this.language = language;
    this.bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language), NO_FALLBACK);
  }

  /** The texts in {@code language}, one of {@link #LANGUAGES}. */
  public static PortalTexts in(String language) {
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("No portal texts in '" + language + "'");
    }
    return new PortalTexts(language);
  }

  /**
   * The language a page is shown in: the one asked for ({@code lang}) when the city offers it, else
   * the best of the browser's ({@code Accept-Language}) that the city offers, else the city's
   * first. Only languages the portal speaks count; a city that offers none of them gets English.
   */
  public static String choose(String asked, String acceptLanguage, List<String> cityLocales) {
    List<String> offered = offered(cityLocales);
    String base = base(asked);
    if (offered.contains(base)) {
      return base;
    }
    if (acceptLanguage != null && !acceptLanguage.isBlank()) {
      try {
        String best = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage.strip()), offered);
        if (best != null) {
          return best;
        }
      } catch (IllegalArgumentException malformed) {
        // a malformed header counts as none
      }
    }
    return offered.get(0);
  }

  /** The city's languages that the portal speaks, in the city's order (never empty). */
  public static List<String> offered(List<String> cityLocales) {
    List<String> offered =
        cityLocales.stream().map(PortalTexts::base).filter(LANGUAGES::contains).distinct().toList();
    return offered.isEmpty() ? List.of("en") : offered;
  }

  private static String base(String tag) {
    if (tag == null) {
      return "";
    }
    String t = tag.strip().toLowerCase(Locale.ROOT);
    int dash = t.indexOf('-');
    return dash > 0 ? t.substring(0, dash) : t;
  }

  public String language() {
    return language;
  }

  public Locale locale() {
    return Locale.forLanguageTag(language);
  }

  /**
   * The text {@code key} with {@code {0}}, {@code {1}}, ... replaced by {@code args}.
   *
   * @throws MissingResourceException when the bundle lacks the key (a test keeps them complete)
   */
  public String text(String key, Object... args) {
    String text = bundle.getString(key);
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }

  /** The texts the pages' scripts use: every key under {@code js.}, without the prefix. */
  public Map<String, String> forScripts() {
    Map<String, String> out = new LinkedHashMap<>();
    bundle.keySet().stream()
        .filter(k -> k.startsWith("js."))
        .sorted()
        .forEach(k -> out.put(k.substring(3), bundle.getString(k)));
    return out;
  }

  /** Every key of the bundle, for the test that keeps the three languages complete. */
  public java.util.Set<String> keys() {
    return bundle.keySet();
  }
}
