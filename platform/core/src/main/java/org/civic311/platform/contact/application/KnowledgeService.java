package org.civic311.platform.contact.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.civic311.platform.contact.domain.KnowledgeArticle;
import org.civic311.platform.contact.domain.KnowledgeBase;
import org.civic311.platform.shared.application.AuditLog;
import org.civic311.platform.shared.application.TenantTransactional;

/** The current city's knowledge base: agents search and read it, administrators write it. */
@ApplicationScoped
public class KnowledgeService {
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject KnowledgeBase articles;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** An article as agents read it and administrators write it. */
  @JsonbPropertyOrder({"slug", "topic", "title", "body", "keywords", "locale", "updatedAt"})
  public record Article(
      String slug,
      String topic,
      String title,
      String body,
      List<String> keywords,
      String locale,
      java.time.OffsetDateTime updatedAt) {
    static Article of(KnowledgeArticle a) {
      return new Article(
          a.slug(), a.topic(), a.title(), a.body(), a.keywords(), a.locale(), a.updatedAt());
    }
  }

  /** A search hit: the snippet marks matches with « and », to be shown as text. */
  @JsonbPropertyOrder({"slug", "topic", "title", "snippet", "locale"})
  public record Hit(String slug, String topic, String title, String snippet, String locale) {}

  /**
   * @throws IllegalArgumentException ({@code q: ...}) for an empty or overlong query
   */
  @TenantTransactional
  public List<Hit> search(String query, String locale, int limit) {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("q: what to search for is required");
    }
    if (query.length() > 200) {
      throw new IllegalArgumentException("q: at most 200 characters");
    }
    String l = locale == null || !KnowledgeArticle.LOCALES.contains(locale) ? "en" : locale;
    return articles.search(query.strip(), l, Math.max(1, Math.min(limit, 50))).stream()
        .map(h -> new Hit(h.slug(), h.topic(), h.title(), h.snippet(), h.locale()))
        .toList();
  }

  @TenantTransactional
  public Optional<Article> read(String slug) {
    return articles.find(slug).map(Article::of);
  }

  @TenantTransactional
  public List<Article> all() {
    return articles.all().stream().map(Article::of).toList();
  }

  /**
   * Creates or rewrites the article {@code slug}. Audited.
   *
   * @throws IllegalArgumentException naming the field; nothing is stored then
   */
  @TenantTransactional
  public Article write(
      String slug,
      String topic,
      String title,
      String body,
      List<String> keywords,
      String locale,
      String actor) {
    Optional<KnowledgeArticle> existing = articles.find(slug);
    String before = existing.map(a -> JSON.toJson(Article.of(a))).orElse(null);
    KnowledgeArticle article = existing.orElseGet(() -> KnowledgeArticle.create(slug, clock));
    article.write(topic, title, body, keywords, locale, clock);
    if (existing.isEmpty()) {
      articles.add(article);
    }
    Article after = Article.of(article);
    audit.record("knowledge:" + slug, actor, before, JSON.toJson(after));
    return after;
  }
}
