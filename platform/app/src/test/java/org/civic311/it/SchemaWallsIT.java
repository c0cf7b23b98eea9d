package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.civic311.it.support.Db;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.Test;

/**
 * The migrated schema, read back from PostgreSQL's catalogue: every migration applied to the empty
 * test database, and every tenant-owned table (any table with a tenant_id column, so new tables are
 * checked without editing this test) built as the house style requires.
 */
class SchemaWallsIT extends PlatformIT {

  @Test
  void everyMigrationFileWasAppliedToTheEmptyDatabase() throws Exception {
    List<String> files = migrationFiles();
    List<String> applied = new ArrayList<>();
    try (Connection owner = Db.asOwner();
        ResultSet rs =
            owner
                .createStatement()
                .executeQuery(
                    "select script, success from flyway_schema_history where version is not null order by installed_rank")) {
      while (rs.next()) {
        assertThat(rs.getBoolean("success")).as(rs.getString("script")).isTrue();
        applied.add(rs.getString("script"));
      }
    }
    assertThat(applied).isNotEmpty().containsExactlyElementsOf(files);
  }

  @Test
  void everyTenantOwnedTableHasForcedRowLevelSecurityAndAPolicy() throws Exception {
    Map<String, List<Object>> rows =
        query(
            "select c.relname, c.relrowsecurity, c.relforcerowsecurity,"
                + " (select count(*) from pg_policy p where p.polrelid = c.oid) as policies"
                + " from pg_class c join pg_attribute a on a.attrelid = c.oid"
                + " where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace and a.attname = 'tenant_id'");
    assertThat(rows).containsKeys("service_category", "service_request");
    rows.forEach(
        (table, row) -> {
          assertThat(row.get(0)).as(table + " row level security").isEqualTo(true);
          assertThat(row.get(1)).as(table + " forced").isEqualTo(true);
          assertThat((Long) row.get(2)).as(table + " policies").isPositive();
        });
  }

  @Test
  void everyColumnThatHoldsASecretIsMarkedSoThatNoExportCarriesIt() throws Exception {
    Map<String, List<Object>> columns =
        query(
            "select c.relname || '.' || a.attname,"
                + " coalesce(col_description(c.oid, a.attnum), '') like 'civic311:secret%'"
                + " from pg_class c join pg_attribute a on a.attrelid = c.oid"
                + " where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace"
                + " and a.attnum > 0 and not a.attisdropped"
                + " and a.attname ~ '(secret|credential|password|token|key_hash|private_key)'");
    assertThat(columns)
        .containsKeys(
            "department_integration.credentials",
            "department_integration.signing_secret",
            "open311_api_key.key_hash");
    columns.forEach(
        (column, row) ->
            assertThat(row.get(0)).as(column + " marked civic311:secret").isEqualTo(true));
  }

  @Test
  void everyKeyAndIndexOfATenantOwnedTableLeadsWithTenantId() throws Exception {
    Map<String, List<Object>> indexes =
        query(
            "select i.relname as index_name, a.attname as first_column from pg_index x"
                + " join pg_class t on t.oid = x.indrelid join pg_class i on i.oid = x.indexrelid"
                + " join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]"
                + " where t.relnamespace = 'public'::regnamespace and exists"
                + " (select 1 from pg_attribute ta where ta.attrelid = t.oid and ta.attname = 'tenant_id')");
    assertThat(indexes).isNotEmpty();
    indexes.forEach((index, row) -> assertThat(row.get(0)).as(index).isEqualTo("tenant_id"));
  }

  @Test
  void everyForeignKeyOfATenantOwnedTableCarriesTenantId() throws Exception {
    Map<String, List<Object>> keys =
        query(
            "select c.conname, (select a.attname from pg_attribute a where a.attrelid = c.conrelid and a.attnum = c.conkey[1])"
                + " from pg_constraint c join pg_class t on t.oid = c.conrelid"
                + " where c.contype = 'f' and t.relnamespace = 'public'::regnamespace and exists"
                + " (select 1 from pg_attribute ta where ta.attrelid = t.oid and ta.attname = 'tenant_id')");
    assertThat(keys).isNotEmpty();
    keys.forEach((key, row) -> assertThat(row.get(0)).as(key).isEqualTo("tenant_id"));
  }

  /** First column is the key, the rest the values. */
  private static Map<String, List<Object>> query(String sql) throws Exception {
    Map<String, List<Object>> result = new java.util.TreeMap<>();
    try (Connection owner = Db.asOwner();
        ResultSet rs = owner.createStatement().executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> values = new ArrayList<>();
        for (int i = 2; i <= columns; i++) {
          values.add(rs.getObject(i));
        }
        result.put(rs.getString(1), values);
      }
    }
    return result;
  }

  /** The migration scripts shipped in the core jar, in version order. */
  static List<String> migrationFiles() throws IOException, URISyntaxException {
    URL location = Db.class.getClassLoader().getResource("db/migration/V001__create_tenant.sql");
    assertThat(location).as("the core jar's migrations on the class path").isNotNull();
    if ("jar".equals(location.getProtocol())) {
      try (FileSystem jar = FileSystems.newFileSystem(location.toURI(), Map.of())) {
        return list(jar.getPath("/db/migration"));
      }
    }
    return list(Path.of(location.toURI()).getParent());
  }

  private static List<String> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".sql"))
          .sorted()
          .toList();
    }
  }
}
