package org.civic311.platform.request.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.civic311.platform.request.domain.RequestFilter;
import org.civic311.platform.request.domain.RequestFinder;
import org.civic311.platform.request.domain.ServiceRequest;

/**
 * JPQL over the request table (tenant-filtered by EclipseLink and row-level security). A number
 * prefix is a range of UUIDs, so it uses the primary key; text is a case-insensitive substring with
 * {@code %} and {@code _} taken literally.
 */
@ApplicationScoped
public class JpaRequestFinder implements RequestFinder {
  @Inject EntityManager em;

  @Override
  public java.util.List<ServiceRequest> find(RequestFilter f) {
    StringBuilder jpql = new StringBuilder("select r from ServiceRequest r where 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    if (f.idFrom() != null) {
      jpql.append(" and r.id between :idFrom and :idTo");
      parameters.put("idFrom", f.idFrom());
      parameters.put("idTo", f.idTo());
    }
    if (f.text() != null && !f.text().isBlank()) {
      jpql.append(
          " and (lower(r.description) like :text escape '!'"
              + " or lower(r.location.address) like :text escape '!')");
      parameters.put("text", "%" + literal(f.text().strip().toLowerCase(Locale.ROOT)) + "%");
    }
    if (!f.categoryIds().isEmpty()) {
      jpql.append(" and r.categoryId in :categories");
      parameters.put("categories", f.categoryIds());
    }
    if (!f.statuses().isEmpty()) {
      jpql.append(" and r.status in :statuses");
      parameters.put("statuses", f.statuses());
    }
    if (f.from() != null) {
      jpql.append(" and r.createdAt >= :from");
      parameters.put("from", f.from());
    }
    if (f.to() != null) {
      jpql.append(" and r.createdAt < :to");
      parameters.put("to", f.to());
    }
    if (f.assignee() != null) {
      jpql.append(" and r.assignedTo = :assignee");
      parameters.put("assignee", f.assignee());
    }
    if (f.unassigned()) {
      jpql.append(" and r.assignedTo is null");
    }
    jpql.append(
        f.oldestFirst() ? " order by r.createdAt, r.id" : " order by r.createdAt desc, r.id");
    TypedQuery<ServiceRequest> typed = em.createQuery(jpql.toString(), ServiceRequest.class);
    parameters.forEach(typed::setParameter);
    return typed.setFirstResult(f.offset()).setMaxResults(f.limit()).getResultList();
  }

  /** The text with LIKE's wildcards and the escape character taken literally. */
  static String literal(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
