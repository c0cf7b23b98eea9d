package org.civic311.platform.contact.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.civic311.platform.shared.domain.TenantOwned;

/**
 * An information article of a city's knowledge base: what an agent reads to a caller ("When is my
 * garbage day?"). Plain text: pages show it escaped, never as HTML. Searched by the database's
 * full-text search in the article's language.
 */
@Entity
@Table(name = "kb_article")
public class KnowledgeArticle extends TenantOwned {
  public static final List<String> LOCALES = List.of("en", "fr", "es");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  @Id private UUID id;

  @Column(nullable = false)
  private String slug;

  @Column(nullable = false)
  private String topic;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String body;

  @Column(nullable = false)
  private String keywords;

  @Column(nullable = false)
  private String locale;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected KnowledgeArticle() {}

  public static KnowledgeArticle create(String slug, Clock clock) {
    if (slug == null || slug.length() > 80 || !SLUG.matcher(slug).matches()) {
      throw new IllegalArgumentException(
          "slug: '" + slug + "' must be lowercase words joined by - (at most 80)");
    }
    KnowledgeArticle a = new KnowledgeArticle();
    a.id = UUID.randomUUID();
    a.slug = slug;
    a.updatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    return a;
  }

  /**
   * @throws IllegalArgumentException naming the field
   */
  public void write(
      String newTopic,
      String newTitle,
      String newBody,
      List<String> newKeywords,
      String newLocale,
      Clock clock) {
    String l =
        newLocale == null || newLocale.isBlank()
            ? "en"
            : newLocale.strip().toLowerCase(Locale.ROOT);
    if (!LOCALES.contains(l)) {
      throw new IllegalArgumentException("locale: '" + newLocale + "' is not one of " + LOCALES);
    }
    topic = require("topic", newTopic, 80);
    title = require("title", newTitle, 200);
    body = require("body", newBody, 20_000);
    keywords =
        String.join(
            "; ",
            newKeywords == null
                ? List.of()
                : newKeywords.stream()
                    .filter(java.util.Objects::nonNull)
                    .map(String::strip)
                    .filter(k -> !k.isEmpty())
                    .distinct()
                    .toList());
    if (keywords.length() > 1000) {
      throw new IllegalArgumentException("keywords: at most 1000 characters in all");
    }
    locale = l;
    updatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static String require(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": is required");
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(field + ": at most " + max + " characters");
    }
    return value.strip();
  }

  public UUID id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String topic() {
    return topic;
  }

  public String title() {
    return title;
  }

  public String body() {
    return body;
  }

  public List<String> keywords() {
    return keywords.isEmpty() ? List.of() : List.of(keywords.split("; "));
  }

  public String locale() {
    return locale;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
