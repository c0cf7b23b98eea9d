package org.civic311.integrations.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.shared.application.DatabaseUnavailableException;
import org.civic311.platform.shared.application.TenantTransactional;

/**
 * The current city's share of the integration consumer's outbox queue, read for the administrator:
 * dead letters and, per department, the backlog. The queue is global, so every statement here names
 * the consumer and the current city; the events, requests, categories and departments it is joined
 * with are read under row-level security in the city's transaction. The department of an event is
 * the one its request's category routes to now.
 */
@ApplicationScoped
public class IntegrationLedger {
  private static final String FROM =
      " from outbox_delivery d"
          + " join outbox_event ev on ev.tenant_id = d.city_id and ev.id = d.event_id"
          + " left join service_request r on r.tenant_id = ev.tenant_id and r.id = ev.request_id"
          + " left join service_category c on c.tenant_id = r.tenant_id and c.id = r.category_id"
          + " left join department dep on dep.tenant_id = c.tenant_id and dep.id = c.department_id"
          + " where d.consumer = ? and d.city_id = ?";

  @Inject EntityManager em;

  /** One event the integration gave up on. */
  public record DeadLetter(
      UUID eventId,
      UUID requestId,
      int seq,
      String type,
      String department,
      int attempts,
      String lastError,
      OffsetDateTime deadAt,
      OffsetDateTime createdAt) {}

  /** The queue of one department: events waiting (or being tried) and given up. */
  public record Backlog(String department, long pending, OffsetDateTime oldestPending, long dead) {}

  @TenantTransactional
  public List<DeadLetter> deadLetters(int limit) {
    return query(
        "select d.event_id, d.request_id, d.seq, ev.type, dep.code, d.attempts, d.last_error,"
            + " d.dead_at, ev.created_at"
            + FROM
            + " and d.dead_at is not null order by d.dead_at desc, d.event_id limit ?",
        s -> s.setInt(3, Math.max(1, Math.min(limit, 500))),
        rs ->
            new DeadLetter(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getInt(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getString(7),
                rs.getObject(8, OffsetDateTime.class),
                rs.getObject(9, OffsetDateTime.class)));
  }

  @TenantTransactional
  public Optional<DeadLetter> deadLetter(UUID eventId) {
    return query(
            "select d.event_id, d.request_id, d.seq, ev.type, dep.code, d.attempts, d.last_error,"
                + " d.dead_at, ev.created_at"
                + FROM
                + " and d.dead_at is not null and d.event_id = ?",
            s -> s.setObject(3, eventId),
            rs ->
                new DeadLetter(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getInt(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getInt(6),
                    rs.getString(7),
                    rs.getObject(8, OffsetDateTime.class),
                    rs.getObject(9, OffsetDateTime.class)))
        .stream()
        .findFirst();
  }

  /** Per department code (empty string: events of requests routed to no department). */
  @TenantTransactional
  public Map<String, Backlog> backlog() {
    Map<String, Backlog> out = new HashMap<>();
    for (Backlog b :
        query(
            "select coalesce(dep.code, ''),"
                + " count(*) filter (where d.dead_at is null),"
                + " min(ev.created_at) filter (where d.dead_at is null),"
                + " count(*) filter (where d.dead_at is not null)"
                + FROM
                + " group by 1",
            s -> {},
            rs ->
                new Backlog(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getObject(3, OffsetDateTime.class),
                    rs.getLong(4)))) {
      out.put(b.department(), b);
    }
    return out;
  }

  /** A department's delivery record ({@code integration_health}). */
  public record Health(
      String department,
      OffsetDateTime lastSuccessAt,
      OffsetDateTime lastFailureAt,
      String lastError,
      int consecutiveFailures,
      long delivered,
      long failed) {}

  @TenantTransactional
  public Map<String, Health> health() {
    return health(null);
  }

  /** One department's delivery record, if it has one. */
  @TenantTransactional
  public Optional<Health> healthOf(String department) {
    return Optional.ofNullable(health(department).get(department));
  }

  private Map<String, Health> health(String department) {
    Map<String, Health> out = new HashMap<>();
    try (PreparedStatement s =
        em.unwrap(Connection.class)
            .prepareStatement(
                "select department, last_success_at, last_failure_at, last_error,"
                    + " consecutive_failures, delivered, failed from integration_health"
                    + (department == null ? "" : " where department = ?"))) {
      if (department != null) {
        s.setString(1, department);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getString(1),
              new Health(
                  rs.getString(1),
                  rs.getObject(2, OffsetDateTime.class),
                  rs.getObject(3, OffsetDateTime.class),
                  rs.getString(4),
                  rs.getInt(5),
                  rs.getLong(6),
                  rs.getLong(7)));
        }
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("Integration health: " + e.getMessage());
    }
    return out;
  }

  private interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, Binder binder, Row<T> row) {
    try (PreparedStatement s = em.unwrap(Connection.class).prepareStatement(sql)) {
      s.setString(1, IntegrationConsumer.NAME);
      s.setObject(2, CurrentTenant.require().value());
      binder.bind(s);
      List<T> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(row.read(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("Integration queue: " + e.getMessage());
    }
  }
}
