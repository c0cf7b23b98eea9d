package org.civic311.platform.notification.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.civic311.platform.notification.domain.NotificationRepository;
import org.civic311.platform.notification.domain.NotificationSettings;
import org.civic311.platform.notification.domain.StaffSubscription;
import org.civic311.platform.notification.domain.Subscription;
import org.civic311.platform.shared.application.DatabaseUnavailableException;

/**
 * {@link NotificationRepository} with JPA for the entities and plain SQL on the transaction's
 * connection for the two ledgers (suppression list, sent log). That SQL is not filtered by
 * EclipseLink: row-level security keeps it inside the city, and every statement names the city
 * explicitly too.
 */
@ApplicationScoped
public class JpaNotificationRepository implements NotificationRepository {
  @Inject EntityManager em;

  @Override
  public Optional<Subscription> subscription(UUID requestId, String email) {
    return em.createQuery(
            "select s from Subscription s where s.requestId = :r and s.email = :e",
            Subscription.class)
        .setParameter("r", requestId)
        .setParameter("e", email)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Subscription> byUnsubscribeToken(String token) {
    return one("select s from Subscription s where s.unsubscribeToken = :t", token);
  }

  @Override
  public Optional<Subscription> byConfirmToken(String token) {
    return one("select s from Subscription s where s.confirmToken = :t", token);
  }

  private Optional<Subscription> one(String jpql, String token) {
    return em.createQuery(jpql, Subscription.class)
        .setParameter("t", token)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Subscription> receiving(UUID requestId) {
    return em.createQuery(
            "select s from Subscription s where s.requestId = :r and s.confirmedAt is not null"
                + " and s.unsubscribedAt is null order by s.createdAt",
            Subscription.class)
        .setParameter("r", requestId)
        .getResultList();
  }

  @Override
  public List<Subscription> ofAddress(String email) {
    return em.createQuery("select s from Subscription s where s.email = :e", Subscription.class)
        .setParameter("e", email)
        .getResultList();
  }

  @Override
  public void add(Subscription subscription) {
    em.persist(subscription);
  }

  @Override
  public List<StaffSubscription> staff() {
    return em.createQuery(
            "select s from StaffSubscription s order by s.email", StaffSubscription.class)
        .getResultList();
  }

  @Override
  public List<StaffSubscription> staffOf(String department) {
    return em.createQuery(
            "select s from StaffSubscription s where s.department = :d order by s.email",
            StaffSubscription.class)
        .setParameter("d", department)
        .getResultList();
  }

  @Override
  public Optional<StaffSubscription> staffSubscription(UUID id) {
    return em.createQuery(
            "select s from StaffSubscription s where s.id = :id", StaffSubscription.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(StaffSubscription subscription) {
    em.persist(subscription);
  }

  @Override
  public void remove(StaffSubscription subscription) {
    em.remove(subscription);
  }

  @Override
  public Optional<NotificationSettings> settings() {
    return em.createQuery("select s from NotificationSettings s", NotificationSettings.class)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(NotificationSettings settings) {
    em.persist(settings);
  }

  @Override
  public boolean suppressed(String email) {
    return sql(
        "select 1 from notification_suppression where tenant_id = " + CITY + " and email = ?",
        s -> {
          s.setString(1, email);
          try (ResultSet rs = s.executeQuery()) {
            return rs.next();
          }
        });
  }

  @Override
  public void suppress(String email, String reason, String detail) {
    sql(
        "insert into notification_suppression (tenant_id, email, reason, detail, created_at)"
            + " values ("
            + CITY
            + ", ?, ?, ?, now()) on conflict (tenant_id, email) do nothing",
        s -> {
          s.setString(1, email);
          s.setString(2, reason);
          s.setString(
              3, detail == null ? null : detail.substring(0, Math.min(500, detail.length())));
          return s.executeUpdate();
        });
  }

  @Override
  public boolean unsuppress(String email) {
    return sql(
            "delete from notification_suppression where tenant_id = " + CITY + " and email = ?",
            s -> {
              s.setString(1, email);
              return s.executeUpdate();
            })
        > 0;
  }

  @Override
  public List<String[]> suppressions() {
    return sql(
        "select email, reason, coalesce(detail, ''),"
            + " to_char(created_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from notification_suppression"
            + " where tenant_id = "
            + CITY
            + " order by created_at desc limit 1000",
        s -> {
          List<String[]> rows = new ArrayList<>();
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              rows.add(
                  new String[] {
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)
                  });
            }
          }
          return rows;
        });
  }

  @Override
  public boolean markSent(UUID eventId, String recipient, String messageId, String kind) {
    return sql(
            "insert into notification_sent (tenant_id, event_id, recipient, message_id, kind, sent_at)"
                + " values ("
                + CITY
                + ", ?, ?, ?, ?, now()) on conflict (tenant_id, event_id, recipient) do nothing",
            s -> {
              s.setObject(1, eventId);
              s.setString(2, recipient);
              s.setString(3, messageId);
              s.setString(4, kind);
              return s.executeUpdate();
            })
        > 0;
  }

  @Override
  public void unmarkSent(UUID eventId, String recipient) {
    sql(
        "delete from notification_sent where tenant_id = "
            + CITY
            + " and event_id = ? and recipient = ?",
        s -> {
          s.setObject(1, eventId);
          s.setString(2, recipient);
          return s.executeUpdate();
        });
  }

  @Override
  public int sentSince(OffsetDateTime since) {
    return sql(
        "select count(*) from notification_sent where tenant_id = " + CITY + " and sent_at >= ?",
        s -> {
          s.setObject(1, since);
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }

  @Override
  public int confirmationsSince(String email, OffsetDateTime since) {
    return sql(
        "select count(*) from notification_sent where tenant_id = "
            + CITY
            + " and sent_at >= ? and recipient = ? and kind in ('confirm', 'stop')",
        s -> {
          s.setObject(1, since);
          s.setString(2, email);
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }

  /** The city bound to the transaction (set by the tenant interceptor). */
  private static final String CITY = "nullif(current_setting('app.tenant_id', true), '')::uuid";

  private interface Work<T> {
    T run(PreparedStatement s) throws SQLException;
  }

  private <T> T sql(String sql, Work<T> work) {
    try (PreparedStatement s = em.unwrap(Connection.class).prepareStatement(sql)) {
      return work.run(s);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("Notification ledger: " + e.getMessage());
    }
  }
}
