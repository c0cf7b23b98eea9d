package org.civic311.platform.tenancy.application;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.civic311.platform.shared.domain.TenantId;

/**
 * Every row of one city, wherever it is, found from the schema rather than listed in code: a table
 * added by a later migration is exported and erased without touching this port (ADR 0018).
 *
 * <p>Reading ({@link #count}, {@link #read}) happens inside the caller's transaction bound to the
 * city ({@code @TenantTransactional}), so row-level security decides what is seen. Erasing runs in
 * a transaction of its own as the owner role (the application role may not delete a city's logs),
 * still bound to the city so row-level security keeps another city's rows out of reach.
 */
public interface CityTables {

  /** A column: its name, and whether it holds bytes (a photo) rather than text. */
  /**
   * A column of a city table. {@code secret}: its comment starts with {@code civic311:secret} (a
   * sealed credential, a key hash, a resident's link), so it does not leave the deployment.
   */
  record Column(String name, boolean binary, boolean secret) {}

  /** Receives a table's rows one by one: each value is text, bytes ({@code byte[]}) or null. */
  @FunctionalInterface
  interface Rows {
    void row(List<Object> values) throws IOException;
  }

  /** The tables with a {@code tenant_id} column (city-owned rows), parents before children. */
  List<String> tenantTables();

  /** The columns of {@code table}, in the table's order. */
  List<Column> columns(String table);

  /** How many rows of {@code table} the current city has. */
  long count(String table);

  /**
   * Every row of {@code table} of the current city, in primary-key order, values as PostgreSQL
   * writes them as text (bytes as bytes).
   */
  void read(String table, Rows rows) throws IOException;

  /**
   * Deletes the city: every row of it in every table that holds city data (a {@code tenant_id}
   * column or a foreign key to {@code tenant}), children before parents, then its {@code tenant}
   * row, and records {@code action} in the operator's audit log with {@code detail} (given the rows
   * deleted per table), all in one transaction. Only when its deletion was scheduled for {@code
   * dueBy} or earlier.
   *
   * @return the rows deleted per table; empty when the city no longer exists (erased already)
   * @throws IllegalStateException when the city's deletion is not scheduled, or not yet due
   */
  Optional<Map<String, Long>> erase(
      TenantId city,
      OffsetDateTime dueBy,
      String operator,
      String action,
      Function<Map<String, Long>, String> detail);
}
