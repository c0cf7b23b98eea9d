package org.civic311.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Deletes every database row of cities a benchmark made, so that the benchmarks after it in the
 * same run find the database as it was (as the owner, each city in its own transaction bound to it,
 * children before parents; the tables are read from the catalog, as the offboarding does).
 * Keycloak's organizations of onboarded cities stay: the test run's Keycloak is thrown away.
 */
public final class CityEraser {
  private CityEraser() {}

  public static void erase(Collection<UUID> cities) throws SQLException {
    try (Connection c = Db.asOwner()) {
      Map<String, String> cityColumn = new TreeMap<>();
      Map<String, Set<String>> parentsOf = new HashMap<>();
      try (PreparedStatement s =
              c.prepareStatement(
                  "select c.relname from pg_class c join pg_attribute a on a.attrelid = c.oid"
                      + " where c.relkind in ('r', 'p')"
                      + " and c.relnamespace = current_schema()::regnamespace"
                      + " and a.attname = 'tenant_id' and not a.attisdropped");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          cityColumn.put(rs.getString(1), "tenant_id");
        }
      }
      try (PreparedStatement s =
              c.prepareStatement(
                  "select t.relname, a.attname from pg_constraint k"
                      + " join pg_class t on t.oid = k.conrelid"
                      + " join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]"
                      + " where k.contype = 'f' and k.confrelid = 'tenant'::regclass"
                      + " and array_length(k.conkey, 1) = 1");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          cityColumn.putIfAbsent(rs.getString(1), rs.getString(2));
        }
      }
      cityColumn.putIfAbsent("outbox_delivery", "city_id");
      try (PreparedStatement s =
              c.prepareStatement(
                  "select t.relname, p.relname from pg_constraint k"
                      + " join pg_class t on t.oid = k.conrelid join pg_class p on p.oid = k.confrelid"
                      + " where k.contype = 'f' and t.oid <> p.oid");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          parentsOf.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
        }
      }
      List<String> childrenFirst = new ArrayList<>();
      Set<String> left = new TreeSet<>(cityColumn.keySet());
      boolean progress = true;
      while (!left.isEmpty() && progress) {
        progress = false;
        for (String table : List.copyOf(left)) {
          boolean ready =
              parentsOf.getOrDefault(table, Set.of()).stream()
                  .noneMatch(p -> left.contains(p) && !p.equals(table));
          if (ready) {
            childrenFirst.add(0, table);
            left.remove(table);
            progress = true;
          }
        }
      }
      childrenFirst.addAll(0, left);
      c.setAutoCommit(false);
      for (UUID city : cities) {
        try (PreparedStatement bind =
            c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
          bind.setString(1, city.toString());
          bind.execute();
        }
        for (String table : childrenFirst) {
          try (PreparedStatement delete =
              c.prepareStatement(
                  "delete from \"" + table + "\" where \"" + cityColumn.get(table) + "\" = ?")) {
            delete.setObject(1, city);
            delete.executeUpdate();
          }
        }
        try (PreparedStatement delete = c.prepareStatement("delete from tenant where id = ?")) {
          delete.setObject(1, city);
          delete.executeUpdate();
        }
        c.commit();
      }
    }
  }
}
