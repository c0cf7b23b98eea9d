package org.civic311.platform.shared.application;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the request paths read over and over from a city's configuration (its categories, hours and
 * Open311 API keys), kept per city and checked on every use against the city's configuration
 * version (ADR 0022). The version rises when a transaction that changed any of it commits, on any
 * instance, and the statement that binds a transaction to its city reads it in the same round trip:
 * a cached value is used only while nothing changed since it was read, and it is never served to
 * another city (the city is part of every key).
 *
 * <p>Use it in a {@link TenantTransactional} method that only reads the city's configuration: a
 * transaction that changed it sees, through the cache, the configuration as it was committed (what
 * it read after its own change is never kept).
 */
public interface CityCache {
  /**
   * The value {@code name} of {@code kind} for the transaction's city: the cached one if it is
   * current, otherwise what {@code load} reads (kept when present and read from committed data).
   * Outside a city's transaction, {@code load} itself.
   */
  <T> Optional<T> get(String kind, String name, Supplier<Optional<T>> load);
}
