package org.civic311.platform.reporting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.civic311.platform.shared.application.TenantTransactional;

/**
 * What the current city used over a window, for the operator's billing and capacity planning. A
 * read model over several contexts' tables (by entity name in JPQL, so no context's classes are
 * reached), read inside the city's own tenant transaction: both walls apply as to any city read.
 */
@ApplicationScoped
public class UsageReport {
  @Inject EntityManager em;

  /**
   * One city's usage since {@code since}: contacts logged, service requests created, bytes of the
   * photos stored with them, and the staff who acted (distinct names among contact agents, the
   * city's audit history and request history entries after submission).
   */
  public record CityUsage(long contacts, long serviceRequests, long mediaBytes, long activeStaff) {}

  @TenantTransactional
  public CityUsage since(OffsetDateTime since) {
    long contacts = count("select count(c) from Contact c where c.at >= :since", since);
    long requests =
        count("select count(r) from ServiceRequest r where r.createdAt >= :since", since);
    Long bytes =
        em.createQuery(
                "select sum(m.sizeBytes) from RequestMedia m where m.createdAt >= :since",
                Long.class)
            .setParameter("since", since)
            .getSingleResult();
    Set<String> staff = new TreeSet<>();
    staff.addAll(actors("select distinct c.agent from Contact c where c.at >= :since", since));
    staff.addAll(actors("select distinct a.actor from AuditEntry a where a.at >= :since", since));
    staff.addAll(
        actors(
            "select distinct h.actor from RequestHistoryEntry h where h.seq > 1 and h.at >= :since",
            since));
    return new CityUsage(contacts, requests, bytes == null ? 0 : bytes, staff.size());
  }

  private long count(String jpql, OffsetDateTime since) {
    return em.createQuery(jpql, Long.class).setParameter("since", since).getSingleResult();
  }

  private List<String> actors(String jpql, OffsetDateTime since) {
    return em.createQuery(jpql, String.class).setParameter("since", since).getResultList();
  }
}
