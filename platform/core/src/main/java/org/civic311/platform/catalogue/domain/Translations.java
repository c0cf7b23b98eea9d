package org.civic311.platform.catalogue.domain;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Texts in other languages, kept as a JSON object from language tag ({@code fr}, {@code es}, {@code
 * fr-CA}) to text. Guarantees well-formed tags, trimmed non-empty texts within their length, and at
 * most {@value #MAX_LANGUAGES} languages.
 */
final class Translations {
  static final int MAX_LANGUAGES = 20;
  private static final Pattern TAG = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");

  /** Looked up once: {@code Json}'s static methods look the provider up on every call. */
  private static final jakarta.json.spi.JsonProvider JSON =
      jakarta.json.spi.JsonProvider.provider();

  private Translations() {}

  static Map<String, String> read(String json) {
    Map<String, String> texts = new TreeMap<>();
    if (json == null || json.isBlank() || json.equals("{}")) {
      return texts;
    }
    try (var reader = JSON.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      object.forEach(
          (tag, text) -> {
            if (text instanceof JsonString s) {
              texts.put(tag, s.getString());
            }
          });
    }
    return texts;
  }

  /**
   * The texts as JSON; blank texts are dropped (a language without a translation falls back).
   *
   * @throws IllegalArgumentException ({@code field.tag: ...}) for a malformed tag or a long text
   */
  static String write(String field, Map<String, String> texts, int max) {
    JsonObjectBuilder object = JSON.createObjectBuilder();
    if (texts == null) {
      return "{}";
    }
    if (texts.size() > MAX_LANGUAGES) {
      throw new IllegalArgumentException(field + ": at most " + MAX_LANGUAGES + " languages");
    }
    if (texts.keySet().stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException(field + ": a language tag is required");
    }
    for (Map.Entry<String, String> e : new TreeMap<>(texts).entrySet()) {
      if (!TAG.matcher(e.getKey()).matches()) {
        throw new IllegalArgumentException(
            field + "." + e.getKey() + ": is not a language tag such as fr, es or fr-CA");
      }
      String text = e.getValue() == null ? "" : e.getValue().strip();
      if (text.length() > max) {
        throw new IllegalArgumentException(
            field + "." + e.getKey() + ": at most " + max + " characters");
      }
      if (!text.isEmpty()) {
        object.add(e.getKey(), text);
      }
    }
    return object.build().toString();
  }
}
