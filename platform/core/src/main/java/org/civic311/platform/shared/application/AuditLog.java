package org.civic311.platform.shared.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.civic311.platform.shared.domain.AuditEntry;

/**
 * The current city's audit history. Callers record inside their own tenant transaction, so a change
 * and its audit entry commit or roll back together.
 */
@ApplicationScoped
public class AuditLog {
  @Inject EntityManager em;
  @Inject Clock clock;

  public void record(String subject, String actor, String before, String after) {
    em.persist(AuditEntry.of(subject, actor, before, after, clock));
  }

  /** One recorded change, as the consoles show it. */
  public record Entry(
      OffsetDateTime at, String actor, String subject, String before, String after) {}

  /** The newest entries first, for one subject or (null) all. */
  @TenantTransactional
  public List<Entry> recent(String subject, int limit) {
    var query =
        em.createQuery(
                "select a from AuditEntry a"
                    + (subject == null ? "" : " where a.subject = :subject")
                    + " order by a.at desc, a.id",
                AuditEntry.class)
            .setMaxResults(Math.max(1, Math.min(limit, 500)));
    if (subject != null) {
      query.setParameter("subject", subject);
    }
    return query.getResultList().stream()
        .map(e -> new Entry(e.at(), e.actor(), e.subject(), e.before(), e.after()))
        .toList();
  }
}
