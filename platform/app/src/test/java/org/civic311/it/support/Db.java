package org.civic311.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.civic311.devstack.DatabaseBootstrap;

/**
 * Direct JDBC to the test database, as the owner role (fixtures) or as the application role (the
 * walls). Tenant-owned rows are only ever written inside a transaction bound to their city, as the
 * application does, since row-level security is forced on the owner too.
 */
public final class Db {
  private Db() {}

  public static Connection asOwner() throws SQLException {
    return DriverManager.getConnection(
        TestStack.jdbcUrl(), DatabaseBootstrap.OWNER, DatabaseBootstrap.OWNER);
  }

  public static Connection asApp() throws SQLException {
    return DriverManager.getConnection(
        TestStack.jdbcUrl(), DatabaseBootstrap.APP, DatabaseBootstrap.APP);
  }

  /** A city made for one test, with a unique slug. */
  public record TestCity(UUID id, String slug, String jurisdictionId) {}

  /** A city that exists already (a demo city), by its slug. */
  public static TestCity city(String slug) throws SQLException {
    try (Connection c = asOwner();
        PreparedStatement find =
            c.prepareStatement("select id, jurisdiction_id from tenant where slug = ?")) {
      find.setString(1, slug);
      try (ResultSet rs = find.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no city " + slug);
        }
        return new TestCity(rs.getObject(1, UUID.class), slug, rs.getString(2));
      }
    }
  }

  /** Rows of {@code table} that belong to one request of {@code city}. */
  public static long countFor(TestCity city, String table, String requestId) throws SQLException {
    try (Connection c = asOwner()) {
      c.setAutoCommit(false);
      bind(c, city);
      try (PreparedStatement count =
          c.prepareStatement("select count(*) from " + table + " where request_id = ?")) {
        count.setObject(1, UUID.fromString(requestId));
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          long n = rs.getLong(1);
          c.commit();
          return n;
        }
      }
    }
  }

  public static TestCity createCity(String prefix) throws SQLException {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    TestCity city =
        new TestCity(
            UUID.randomUUID(), prefix + "-" + suffix, prefix + "-" + suffix + ".example.org");
    try (Connection c = asOwner();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into tenant (id, slug, jurisdiction_id, display_name, time_zone, locales, status, created_at) "
                    + "values (?, ?, ?, ?, 'America/Edmonton', 'en', 'ACTIVE', ?)")) {
      insert.setObject(1, city.id());
      insert.setString(2, city.slug());
      insert.setString(3, city.jurisdictionId());
      insert.setString(4, "Test city " + city.slug());
      insert.setObject(5, OffsetDateTime.now());
      insert.executeUpdate();
    }
    return city;
  }

  /** Adds a category to {@code city} with the given id (so two cities can share an id). */
  public static void addCategory(TestCity city, UUID id, String code, String name)
      throws SQLException {
    try (Connection c = asOwner()) {
      c.setAutoCommit(false);
      bind(c, city);
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into service_category (tenant_id, id, code, name, groups, keywords, active) "
                  + "values (?, ?, ?, ?, 'Tests', 'test', true)")) {
        insert.setObject(1, city.id());
        insert.setObject(2, id);
        insert.setString(3, code);
        insert.setString(4, name);
        insert.executeUpdate();
      }
      c.commit();
    }
  }

  /** Gives {@code city} an Open311 API key (stored hashed, as the application stores keys). */
  public static void addApiKey(TestCity city, String key) throws SQLException {
    try (Connection c = asOwner()) {
      c.setAutoCommit(false);
      bind(c, city);
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into open311_api_key (tenant_id, id, key_hash, label, created_at)"
                  + " values (?, ?, ?, 'test', now())")) {
        insert.setObject(1, city.id());
        insert.setObject(2, UUID.randomUUID());
        insert.setString(3, org.civic311.platform.shared.domain.Sha256.hex(key));
        insert.executeUpdate();
      }
      c.commit();
    }
  }

  /** Binds the connection's current transaction to {@code city}, as the application does. */
  public static void bind(Connection c, TestCity city) throws SQLException {
    try (PreparedStatement set =
        c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
      set.setString(1, city.id().toString());
      set.execute();
    }
  }

  /** Counts rows of a table the owner sees for {@code city} (for "nothing changed" checks). */
  public static long count(TestCity city, String table) throws SQLException {
    try (Connection c = asOwner()) {
      c.setAutoCommit(false);
      bind(c, city);
      try (ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
        rs.next();
        long n = rs.getLong(1);
        c.commit();
        return n;
      }
    }
  }

  /**
   * Runs {@code sql} as the owner inside a transaction bound to {@code city}, with {@code args};
   * returns the first column of the first row, or the update count as text.
   */
  public static String sql(TestCity city, String sql, Object... args) throws SQLException {
    try (Connection c = asOwner()) {
      c.setAutoCommit(false);
      bind(c, city);
      try (PreparedStatement s = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          s.setObject(i + 1, args[i]);
        }
        String result;
        if (s.execute()) {
          try (ResultSet rs = s.getResultSet()) {
            result = rs.next() ? rs.getString(1) : null;
          }
        } else {
          result = String.valueOf(s.getUpdateCount());
        }
        c.commit();
        return result;
      }
    }
  }

  /**
   * A subscription of {@code email} to {@code requestId}, made directly in the database: returns
   * its unsubscribe token, or (when not {@code confirmed}) its confirmation token.
   */
  public static String subscribe(TestCity city, String requestId, String email, boolean confirmed)
      throws SQLException {
    String unsubscribe = "u-" + UUID.randomUUID();
    String confirm = confirmed ? null : "c-" + UUID.randomUUID();
    sql(
        city,
        "insert into notification_subscription (tenant_id, id, request_id, email, locale, source,"
            + " unsubscribe_token, confirm_token, confirmed_at, created_at)"
            + " values (?::uuid, ?::uuid, ?::uuid, ?, 'en', 'status_page', ?, ?, "
            + (confirmed ? "now()" : "null")
            + ", now())",
        city.id().toString(),
        UUID.randomUUID().toString(),
        requestId,
        email,
        unsubscribe,
        confirm);
    return confirmed ? unsubscribe : confirm;
  }

  /** Outbox deliveries of {@code city} not yet done (claimed, waiting or dead). */
  public static long pendingDeliveries(TestCity city) throws SQLException {
    try (Connection c = asOwner();
        PreparedStatement s =
            c.prepareStatement("select count(*) from outbox_delivery where city_id = ?")) {
      s.setObject(1, city.id());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
