package org.civic311.admin.provider.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civic311.platform.shared.application.TenantTransactional;
import org.civic311.platform.tenancy.application.CityTables;

/**
 * Reads the current city's rows, table by table, in one transaction bound to it: row-level security
 * decides what is read, as for any request of the city. Columns marked as secrets in the schema
 * ({@code civic311:secret}: sealed credentials, key hashes, residents' links) are left out. The
 * caller sets the city ({@code CurrentTenant.callAs}, the operator's door).
 */
@ApplicationScoped
public class CityReader {
  @Inject CityTables tables;

  /** Receives the export: each table's columns, then its rows. */
  public interface Sink {
    void table(String table, List<CityTables.Column> columns) throws IOException;

    void row(String table, List<Object> values) throws IOException;

    void endTable(String table) throws IOException;

    /** The columns of {@code table} left out of the export because they hold secrets. */
    default void withheld(String table, List<String> columns) throws IOException {}
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
      List<CityTables.Column> columns = tables.columns(table);
      List<CityTables.Column> kept = columns.stream().filter(c -> !c.secret()).toList();
      if (kept.size() == columns.size()) {
        sink.table(table, columns);
        tables.read(table, values -> sink.row(table, values));
      } else {
        sink.withheld(
            table,
            columns.stream()
                .filter(CityTables.Column::secret)
                .map(CityTables.Column::name)
                .toList());
        sink.table(table, kept);
        tables.read(
            table,
            values -> {
              List<Object> shown = new ArrayList<>(kept.size());
              for (int i = 0; i < columns.size(); i++) {
                if (!columns.get(i).secret()) {
                  shown.add(values.get(i));
                }
              }
              sink.row(table, shown);
            });
      }
      sink.endTable(table);
    }
  }
}
