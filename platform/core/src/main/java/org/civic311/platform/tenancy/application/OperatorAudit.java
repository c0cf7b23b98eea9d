package org.civic311.platform.tenancy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.platform.shared.domain.TenantId;
import org.civic311.platform.tenancy.domain.OperatorAuditEntry;

/**
 * The operator's audit log: every provider action, across cities. {@link #record} joins the
 * caller's transaction (an action and its entry commit or roll back together) and needs no city:
 * the table is global.
 */
@ApplicationScoped
public class OperatorAudit {
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject EntityManager em;
  @Inject TenantDirectory directory;
  @Inject Clock clock;

  /** Records {@code action} by {@code operator} on {@code city} (null: none), with details. */
  @Transactional
  public void record(String operator, String action, TenantId city, Map<String, ?> detail) {
    em.persist(
        OperatorAuditEntry.of(
            operator, action, city, JSON.toJson(detail == null ? Map.of() : detail), clock));
  }

  /** One recorded action, as the console shows it; {@code city} is the slug while it exists. */
  public record Entry(
      OffsetDateTime at, String operator, String action, String city, String detail) {}

  /** The newest entries first, about one city or (null) all, at most {@code limit} (1–500). */
  @Transactional
  public List<Entry> recent(Optional<CityProfile> city, int limit) {
    Map<TenantId, String> slugs =
        directory.all().stream()
            .collect(java.util.stream.Collectors.toMap(CityProfile::id, CityProfile::slug));
    var query =
        em.createQuery(
                "select a from OperatorAuditEntry a"
                    + (city.isPresent() ? " where a.cityId = :city" : "")
                    + " order by a.at desc, a.id",
                OperatorAuditEntry.class)
            .setMaxResults(Math.max(1, Math.min(limit, 500)));
    city.ifPresent(c -> query.setParameter("city", c.id().value()));
    return query.getResultList().stream()
        .map(
            e ->
                new Entry(
                    e.at(),
                    e.operator(),
                    e.action(),
                    e.city().map(c -> slugs.getOrDefault(c, c.toString())).orElse(null),
                    e.detail()))
        .toList();
  }
}
