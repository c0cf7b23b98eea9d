package org.civic311.platform.contact.domain;

import java.util.List;
import java.util.Optional;

/** The current city's knowledge base. */
public interface KnowledgeBase {
  Optional<KnowledgeArticle> find(String slug);

  List<KnowledgeArticle> all();

  void add(KnowledgeArticle article);

  /** One search hit: the article, a snippet with the matches marked, and its rank. */
  record Hit(String slug, String topic, String title, String snippet, String locale, double rank) {}

  /**
   * Full-text search in {@code locale}'s language (all articles of the city are searched; those of
   * the language rank as the database's text search ranks them).
   */
  List<Hit> search(String query, String locale, int limit);
}
