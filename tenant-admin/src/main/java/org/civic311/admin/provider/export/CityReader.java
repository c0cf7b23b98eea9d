package org.civic311.admin.provider.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civic311.platform.shared.application.TenantTransactional;
import org.civic311.platform.tenancy.application.CityTables;

/**
 * Reads the current city's rows, table by table, in one transaction bound to it: row-level security
 * decides what is read, as for any request of the city. The caller sets the city ({@code
 * CurrentTenant.callAs}, the operator's door).
 */
@ApplicationScoped
public class CityReader {
  @Inject CityTables tables;

  /** Receives the export: each table's columns, then its rows. */
  public interface Sink {
    void table(String table, List<CityTables.Column> columns) throws IOException;

    void row(String table, List<Object> values) throws IOException;

    void endTable(String table) throws IOException;
  }

  /** Rows per city table, in the order they are exported (parents first). */
  @TenantTransactional
  public Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : tables.tenantTables()) {
      counts.put(table, tables.count(table));
    }
    return counts;
  }

  /**
   * Counts, then reads every table into {@code sink}, all in one transaction. {@code counted}
   * receives the counts before the first row.
   */
  @TenantTransactional
  public void read(java.util.function.Consumer<Map<String, Long>> counted, Sink sink)
      throws IOException {
    counted.accept(counts());
    for (String table : tables.tenantTables()) {
      sink.table(table, tables.columns(table));
      tables.read(table, values -> sink.row(table, values));
      sink.endTable(table);
    }
  }
}
