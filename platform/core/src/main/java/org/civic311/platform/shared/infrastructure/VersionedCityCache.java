package org.civic311.platform.shared.infrastructure;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.civic311.platform.shared.application.CityCache;
import org.civic311.platform.shared.application.DatabaseUnavailableException;
import org.civic311.platform.shared.domain.TenantId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link CityCache} on the configuration version that {@link TenantTransactionInterceptor} reads
 * when it binds the transaction to its city. Bounded ({@code civic311.cache.city-entries}); a miss
 * reads through the transaction's own connection and keeps the value only if the city's version has
 * not moved since the binding and the transaction changed no configuration itself.
 */
@ApplicationScoped
public class VersionedCityCache implements CityCache {
  /** The transaction's city version, as the binding statement read it. */
  static final Object VERSION = new Object();

  private static final String STILL_CURRENT =
      "select coalesce((select version from city_config_version where city_id = ?), 0) = ?"
          + " and coalesce(current_setting('app.config_changed', true), '') <> 'on'";

  @Resource TransactionSynchronizationRegistry transactions;
  @Inject EntityManager em;

  @Inject
  @ConfigProperty(name = "civic311.cache.city-entries", defaultValue = "50000")
  long maxEntries;

  private Entries entries;

  @PostConstruct
  void create() {
    entries = new Entries(maxEntries);
  }

  @Override
  public <T> Optional<T> get(String kind, String name, Supplier<Optional<T>> load) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      return load.get();
    }
    Object city = transactions.getResource(TenantTransactionInterceptor.class);
    Object version = transactions.getResource(VERSION);
    if (!(city instanceof TenantId tenant) || !(version instanceof Long bound)) {
      return load.get();
    }
    return entries.get(new Key(tenant, kind, name), bound, load, () -> stillCurrent(tenant, bound));
  }

  /** The city's version is still {@code bound}, and this transaction changed no configuration. */
  private boolean stillCurrent(TenantId city, long bound) {
    // changes this transaction holds in memory reach the database (and its triggers) first: a
    // value found by em.find may be one of them
    em.flush();
    try (PreparedStatement s = em.unwrap(Connection.class).prepareStatement(STILL_CURRENT)) {
      s.setObject(1, city.value());
      s.setLong(2, bound);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("City cache: " + e.getMessage());
    }
  }

  record Key(TenantId city, String kind, String name) {}

  private record Entry(long version, Object value) {}

  /** The entries and the rule for using and keeping them (no database: unit-tested). */
  static final class Entries {
    private final Cache<Key, Entry> cache;

    Entries(long maxEntries) {
      cache = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    /**
     * The entry for {@code key} if it was read at {@code version} or later; otherwise {@code
     * load}'s value, kept when present and {@code unchanged} confirms it was read at {@code
     * version}.
     */
    @SuppressWarnings("unchecked")
    <T> Optional<T> get(
        Key key, long version, Supplier<Optional<T>> load, BooleanSupplier unchanged) {
      Entry cached = cache.getIfPresent(key);
      if (cached != null && cached.version() >= version) {
        return Optional.of((T) cached.value());
      }
      Optional<T> loaded = load.get();
      if (loaded.isPresent() && unchanged.getAsBoolean()) {
        cache
            .asMap()
            .merge(
                key,
                new Entry(version, loaded.get()),
                (old, fresh) -> old.version() > fresh.version() ? old : fresh);
      }
      return loaded;
    }

    long size() {
      cache.cleanUp();
      return cache.estimatedSize();
    }
  }
}
