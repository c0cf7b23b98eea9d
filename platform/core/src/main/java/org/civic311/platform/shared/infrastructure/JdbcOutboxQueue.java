package org.civic311.platform.shared.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.shared.application.DatabaseUnavailableException;
import org.civic311.platform.shared.application.OutboxQueue;
import org.civic311.platform.shared.application.TenantTransactional;
import org.civic311.platform.shared.domain.TenantId;

/**
 * {@link OutboxQueue} on PostgreSQL. Claims, completions and retries are single autocommit
 * statements on the global {@code outbox_delivery} table; only reading an event's payload happens
 * inside the city's transaction, where row-level security applies.
 */
@ApplicationScoped
public class JdbcOutboxQueue implements OutboxQueue {
  private static final String CLAIM =
      "with due as ("
          + " select d.consumer, d.city_id, d.event_id from outbox_delivery d"
          + " where d.consumer = ? and d.dead_at is null and d.available_at <= now()"
          + " and (d.locked_until is null or d.locked_until < now())"
          // a suspended city's mail and department deliveries wait until it is resumed (ADR 0018)
          + " and exists (select 1 from tenant t where t.id = d.city_id and t.status = 'ACTIVE')"
          + " and not exists (select 1 from outbox_delivery e where e.consumer = d.consumer"
          + " and e.city_id = d.city_id and e.request_id = d.request_id and e.seq < d.seq"
          + " and e.dead_at is null)"
          + " order by d.available_at limit ? for update skip locked)"
          + " update outbox_delivery d set locked_until = now() + make_interval(secs => ?),"
          + " attempts = d.attempts + 1 from due"
          + " where d.consumer = due.consumer and d.city_id = due.city_id"
          + " and d.event_id = due.event_id"
          + " returning d.city_id, d.event_id, d.request_id, d.seq, d.attempts";

  @Resource(lookup = Database.DATASOURCE)
  DataSource dataSource;

  @Inject EntityManager em;

  @Override
  public List<Claim> claim(String consumer, int limit, Duration lease) {
    return run(
        CLAIM,
        s -> {
          s.setString(1, consumer);
          s.setInt(2, limit);
          s.setDouble(3, lease.toMillis() / 1000.0);
          List<Claim> claims = new ArrayList<>();
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              claims.add(
                  new Claim(
                      new TenantId(rs.getObject(1, UUID.class)),
                      rs.getObject(2, UUID.class),
                      rs.getObject(3, UUID.class),
                      rs.getInt(4),
                      rs.getInt(5)));
            }
          }
          return claims;
        });
  }

  @Override
  public List<Backlog> backlog() {
    return run(
        "select consumer, city_id, count(*) filter (where dead_at is null),"
            + " count(*) filter (where dead_at is not null) from outbox_delivery"
            + " group by consumer, city_id",
        s -> {
          List<Backlog> rows = new ArrayList<>();
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              rows.add(
                  new Backlog(
                      rs.getString(1),
                      new TenantId(rs.getObject(2, UUID.class)),
                      rs.getLong(3),
                      rs.getLong(4)));
            }
          }
          return rows;
        });
  }

  @Override
  @TenantTransactional
  public Map<UUID, String[]> events(List<UUID> eventIds) {
    Connection c = em.unwrap(Connection.class);
    try (PreparedStatement s =
        c.prepareStatement("select id, type, payload from outbox_event where id = any(?)")) {
      s.setArray(1, c.createArrayOf("uuid", eventIds.toArray()));
      Map<UUID, String[]> events = new HashMap<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          events.put(rs.getObject(1, UUID.class), new String[] {rs.getString(2), rs.getString(3)});
        }
      }
      return events;
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("Outbox queue: " + e.getMessage());
    }
  }

  @Override
  public void done(String consumer, List<Claim> claims) {
    if (claims.isEmpty()) {
      return;
    }
    run(
        "delete from outbox_delivery where consumer = ? and (city_id, event_id) in"
            + " (select * from unnest(?::uuid[], ?::uuid[]))",
        s -> {
          Connection c = s.getConnection();
          s.setString(1, consumer);
          s.setArray(
              2, c.createArrayOf("uuid", claims.stream().map(x -> x.city().value()).toArray()));
          s.setArray(3, c.createArrayOf("uuid", claims.stream().map(Claim::eventId).toArray()));
          return s.executeUpdate();
        });
  }

  @Override
  public void retry(
      String consumer, Claim claim, Instant at, String reason, boolean countsAsAttempt) {
    update(
        "update outbox_delivery set locked_until = null, available_at = ?, last_error = ?,"
            + " attempts = attempts - ? where consumer = ? and city_id = ? and event_id = ?",
        consumer,
        claim,
        3,
        s -> {
          s.setTimestamp(1, Timestamp.from(at));
          s.setString(2, reason);
          s.setInt(3, countsAsAttempt ? 0 : 1);
        });
  }

  @Override
  public void dead(String consumer, Claim claim, String reason) {
    update(
        "update outbox_delivery set locked_until = null, dead_at = now(), last_error = ?"
            + " where consumer = ? and city_id = ? and event_id = ?",
        consumer,
        claim,
        1,
        s -> s.setString(1, reason));
  }

  @Override
  @TenantTransactional
  public boolean replay(String consumer, UUID eventId) {
    return inCityTransaction(
        "update outbox_delivery set dead_at = null, locked_until = null, attempts = 0,"
            + " available_at = now() where consumer = ? and city_id = ? and event_id = ?"
            + " and dead_at is not null",
        consumer,
        eventId);
  }

  @Override
  @TenantTransactional
  public boolean discard(String consumer, UUID eventId) {
    return inCityTransaction(
        "delete from outbox_delivery where consumer = ? and city_id = ? and event_id = ?"
            + " and dead_at is not null",
        consumer,
        eventId);
  }

  /** One dead row of the current city, changed on the tenant transaction's own connection. */
  private boolean inCityTransaction(String sql, String consumer, UUID eventId) {
    try (PreparedStatement s = em.unwrap(Connection.class).prepareStatement(sql)) {
      s.setString(1, consumer);
      s.setObject(2, CurrentTenant.require().value());
      s.setObject(3, eventId);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("Outbox queue: " + e.getMessage());
    }
  }

  private interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  private interface Work<T> {
    T run(PreparedStatement s) throws SQLException;
  }

  /** Runs an update whose {@code leading} parameters {@code binder} sets; the key comes last. */
  private void update(String sql, String consumer, Claim claim, int leading, Binder binder) {
    run(
        sql,
        s -> {
          binder.bind(s);
          int n = leading + 3;
          s.setString(n - 2, consumer);
          s.setObject(n - 1, claim.city().value());
          s.setObject(n, claim.eventId());
          return s.executeUpdate();
        });
  }

  private <T> T run(String sql, Work<T> work) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      return work.run(s);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("Outbox queue: " + e.getMessage());
    }
  }
}
