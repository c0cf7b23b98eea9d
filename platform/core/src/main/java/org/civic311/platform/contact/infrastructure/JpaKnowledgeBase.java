package org.civic311.platform.contact.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civic311.platform.contact.domain.KnowledgeArticle;
import org.civic311.platform.contact.domain.KnowledgeBase;
import org.civic311.platform.shared.application.CurrentTenant;

/**
 * The knowledge base in PostgreSQL. Search is SQL (text search has no JPQL), run on the
 * transaction's own connection, which the tenant binding has already set to the city: row-level
 * security keeps it to the city, and the explicit {@code tenant_id} lets the index lead with it.
 */
@ApplicationScoped
public class JpaKnowledgeBase implements KnowledgeBase {
  private static final String SEARCH =
      "select slug, topic, title, locale,"
          + " ts_headline(cfg, body, q, 'StartSel=«,StopSel=»,MaxFragments=2,MaxWords=25,MinWords=8'),"
          + " ts_rank(search, q) as rank"
          + " from kb_article,"
          + " (select case ? when 'fr' then 'french'::regconfig when 'es' then 'spanish'::regconfig"
          + "   else 'english'::regconfig end as cfg) c,"
          + " websearch_to_tsquery(c.cfg, ?) q"
          + " where tenant_id = ? and search @@ q"
          + " order by rank desc, title limit ?";

  @Inject EntityManager em;

  @Override
  public Optional<KnowledgeArticle> find(String slug) {
    return em.createQuery(
            "select a from KnowledgeArticle a where a.slug = :slug", KnowledgeArticle.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<KnowledgeArticle> all() {
    return em.createQuery(
            "select a from KnowledgeArticle a order by a.topic, a.title", KnowledgeArticle.class)
        .getResultList();
  }

  @Override
  public void add(KnowledgeArticle article) {
    em.persist(article);
  }

  @Override
  public List<Hit> search(String query, String locale, int limit) {
    Connection connection = em.unwrap(Connection.class);
    try (PreparedStatement s = connection.prepareStatement(SEARCH)) {
      s.setString(1, locale);
      s.setString(2, query);
      s.setObject(3, CurrentTenant.require().value());
      s.setInt(4, limit);
      List<Hit> hits = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          hits.add(
              new Hit(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(5),
                  rs.getString(4),
                  rs.getDouble(6)));
        }
      }
      return hits;
    } catch (SQLException e) {
      throw new IllegalStateException("Knowledge base search failed: " + e.getMessage(), e);
    }
  }
}
