package org.civic311.platform.tenancy.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.civic311.platform.shared.application.DatabaseUnavailableException;
import org.civic311.platform.shared.domain.TenantId;
import org.civic311.platform.shared.infrastructure.Database;
import org.civic311.platform.tenancy.application.CityTables;

/**
 * {@link CityTables} on PostgreSQL's catalogue. Table and column names come from the catalogue only
 * (never from a caller), and are quoted.
 *
 * <p>Reads use the connection of the current JPA transaction, which {@code @TenantTransactional}
 * has bound to the city. Erasure connects as the owner role: the application role may not delete
 * from the append-only logs (contacts, audit, request history). Row-level security is forced on the
 * owner too, so the erasing transaction is bound to the city like any other, and each delete also
 * names the city in its {@code where}: two walls, as everywhere.
 */
@ApplicationScoped
public class JdbcCityTables implements CityTables {
  /** Tables of the schema with a tenant_id column. */
  private static final String TENANT_TABLES =
      "select c.relname from pg_class c join pg_attribute a on a.attrelid = c.oid"
          + " where c.relkind in ('r', 'p') and c.relnamespace = current_schema()::regnamespace"
          + " and a.attname = 'tenant_id' and not a.attisdropped";

  /** Tables of the schema with a one-column foreign key to tenant, and that column. */
  private static final String POINTING_AT_TENANT =
      "select t.relname, a.attname from pg_constraint k"
          + " join pg_class t on t.oid = k.conrelid"
          + " join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]"
          + " where k.contype = 'f' and k.confrelid = 'tenant'::regclass"
          + " and t.relnamespace = current_schema()::regnamespace and array_length(k.conkey, 1) = 1";

  /** Every foreign key between two tables of the schema: child, parent. */
  /** The columns of a table (in the current schema) marked {@code civic311:secret}. */
  private static final String SECRET_COLUMNS =
      "select a.attname from pg_attribute a where a.attrelid = to_regclass(?) and a.attnum > 0"
          + " and not a.attisdropped"
          + " and col_description(a.attrelid, a.attnum) like 'civic311:secret%'";

  private static final String FOREIGN_KEYS =
      "select t.relname, p.relname from pg_constraint k"
          + " join pg_class t on t.oid = k.conrelid join pg_class p on p.oid = k.confrelid"
          + " where k.contype = 'f' and t.relnamespace = current_schema()::regnamespace"
          + " and p.relnamespace = current_schema()::regnamespace and t.oid <> p.oid";

  private static final String PRIMARY_KEY =
      "select a.attname from pg_index x join pg_attribute a on a.attrelid = x.indrelid"
          + " and a.attnum = any(x.indkey) where x.indrelid = ?::regclass and x.indisprimary"
          + " order by array_position(x.indkey::int2[], a.attnum)";

  @Inject EntityManager em;
  @Inject Database database;
  @Inject Clock clock;

  @Override
  public List<String> tenantTables() {
    try {
      Connection c = bound();
      Set<String> tables = new TreeSet<>(strings(c, TENANT_TABLES));
      return parentsFirst(tables, foreignKeys(c));
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("City tables: " + e.getMessage());
    }
  }

  @Override
  public List<Column> columns(String table) {
    Connection c = bound();
    try (PreparedStatement s =
            c.prepareStatement("select * from " + quoted(table) + " where false");
        PreparedStatement marked = c.prepareStatement(SECRET_COLUMNS)) {
      Set<String> secret = new TreeSet<>();
      marked.setString(1, table);
      try (ResultSet rs = marked.executeQuery()) {
        while (rs.next()) {
          secret.add(rs.getString(1));
        }
      }
      try (ResultSet rs = s.executeQuery()) {
        return columns(rs.getMetaData(), secret);
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("City tables: " + e.getMessage());
    }
  }

  @Override
  public long count(String table) {
    try (PreparedStatement s = bound().prepareStatement("select count(*) from " + quoted(table));
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("City tables: " + e.getMessage());
    }
  }

  @Override
  public void read(String table, Rows rows) throws IOException {
    try {
      Connection c = bound();
      List<String> key = strings(c, PRIMARY_KEY, table);
      List<Column> columns = columns(table);
      boolean binary = columns.stream().anyMatch(Column::binary);
      StringBuilder sql = new StringBuilder("select * from ").append(quoted(table));
      if (!key.isEmpty()) {
        sql.append(" order by ")
            .append(String.join(", ", key.stream().map(JdbcCityTables::quoted).toList()));
      }
      try (PreparedStatement s = c.prepareStatement(sql.toString())) {
        // a cursor (the transaction is open): a few rows in memory at a time, photos one by one
        s.setFetchSize(binary ? 1 : 500);
        try (ResultSet rs = s.executeQuery()) {
          int n = columns.size();
          while (rs.next()) {
            List<Object> values = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
              values.add(columns.get(i - 1).binary() ? rs.getBytes(i) : rs.getString(i));
            }
            rows.row(values);
          }
        }
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("City tables: " + e.getMessage());
    }
  }

  @Override
  public Optional<Map<String, Long>> erase(
      TenantId city,
      OffsetDateTime dueBy,
      String operator,
      String action,
      Function<Map<String, Long>, String> detail) {
    try (Connection c = asOwner()) {
      c.setAutoCommit(false);
      try {
        Optional<Map<String, Long>> erased = erase(c, city, dueBy, operator, action, detail);
        c.commit();
        return erased;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("Erasing city " + city + ": " + e.getMessage());
    }
  }

  private Optional<Map<String, Long>> erase(
      Connection c,
      TenantId city,
      OffsetDateTime dueBy,
      String operator,
      String action,
      Function<Map<String, Long>, String> detail)
      throws SQLException {
    // the tenant row locked first: a cancellation or a second eraser waits, then sees the outcome
    try (PreparedStatement lock =
        c.prepareStatement("select offboard_at from tenant where id = ? for update")) {
      lock.setObject(1, city.value());
      try (ResultSet rs = lock.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
        if (at == null) {
          throw new IllegalStateException("The city's deletion is not scheduled");
        }
        if (at.isAfter(dueBy)) {
          throw new IllegalStateException("The city's deletion is not due until " + at);
        }
      }
    }
    try (PreparedStatement bind =
        c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
      bind.setString(1, city.toString());
      bind.execute();
    }
    try (PreparedStatement defer = c.prepareStatement("set constraints all deferred")) {
      defer.execute();
    }
    Map<String, String> cityColumn = new TreeMap<>();
    for (String table : strings(c, TENANT_TABLES)) {
      cityColumn.put(table, "tenant_id");
    }
    try (PreparedStatement s = c.prepareStatement(POINTING_AT_TENANT);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        cityColumn.putIfAbsent(rs.getString(1), rs.getString(2));
      }
    }
    List<String> order = new ArrayList<>(parentsFirst(cityColumn.keySet(), foreignKeys(c)));
    java.util.Collections.reverse(order); // children first
    Map<String, Long> deleted = new LinkedHashMap<>();
    for (String table : order) {
      try (PreparedStatement delete =
          c.prepareStatement(
              "delete from "
                  + quoted(table)
                  + " where "
                  + quoted(cityColumn.get(table))
                  + " = ?")) {
        delete.setObject(1, city.value());
        deleted.put(table, (long) delete.executeUpdate());
      }
    }
    try (PreparedStatement delete = c.prepareStatement("delete from tenant where id = ?")) {
      delete.setObject(1, city.value());
      deleted.put("tenant", (long) delete.executeUpdate());
    }
    try (PreparedStatement audit =
        c.prepareStatement(
            "insert into operator_audit (id, at, operator, action, city_id, detail)"
                + " values (?, ?, ?, ?, ?, ?)")) {
      audit.setObject(1, UUID.randomUUID());
      audit.setObject(2, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
      audit.setString(3, operator == null || operator.isBlank() ? "system" : operator);
      audit.setString(4, action);
      audit.setObject(5, city.value());
      audit.setString(6, detail.apply(deleted));
      audit.executeUpdate();
    }
    return Optional.of(deleted);
  }

  /** The current JPA transaction's connection, bound to its city by the interceptor. */
  private Connection bound() {
    return em.unwrap(Connection.class);
  }

  private Connection asOwner() throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", database.ownerUser());
    login.setProperty("password", database.ownerPassword());
    Connection c = new org.postgresql.Driver().connect(database.url(), login);
    if (c == null) {
      throw new SQLException("Not a PostgreSQL URL: " + database.displayUrl());
    }
    return c;
  }

  private static List<Column> columns(ResultSetMetaData meta, Set<String> secret)
      throws SQLException {
    List<Column> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      String name = meta.getColumnName(i);
      columns.add(
          new Column(name, "bytea".equals(meta.getColumnTypeName(i)), secret.contains(name)));
    }
    return columns;
  }

  private static Map<String, Set<String>> foreignKeys(Connection c) throws SQLException {
    Map<String, Set<String>> parents = new TreeMap<>();
    try (PreparedStatement s = c.prepareStatement(FOREIGN_KEYS);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        parents.computeIfAbsent(rs.getString(1), t -> new TreeSet<>()).add(rs.getString(2));
      }
    }
    return parents;
  }

  /**
   * {@code tables} ordered so that a table comes after every table of the set it has a foreign key
   * to; ties by name. A cycle (none today) ends the order with its tables by name: every key is
   * then checked at commit, where the deferrable ones are checked anyway.
   */
  static List<String> parentsFirst(Set<String> tables, Map<String, Set<String>> parentsOf) {
    List<String> order = new ArrayList<>();
    Set<String> left = new TreeSet<>(tables);
    boolean progress = true;
    while (!left.isEmpty() && progress) {
      progress = false;
      for (String table : List.copyOf(left)) {
        boolean ready =
            parentsOf.getOrDefault(table, Set.of()).stream()
                .noneMatch(p -> left.contains(p) && !p.equals(table));
        if (ready) {
          order.add(table);
          left.remove(table);
          progress = true;
        }
      }
    }
    order.addAll(left);
    return order;
  }

  private static List<String> strings(Connection c, String sql, String... args)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setString(i + 1, args[i]);
      }
      List<String> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  private static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
