package org.civic311.platform.tenancy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.shared.domain.TenantId;
import org.civic311.platform.tenancy.domain.Tenant;
import org.civic311.platform.tenancy.domain.TenantRepository;

/**
 * The one place where a city is resolved from what a caller sent: a URL slug, an Open311
 * jurisdiction id or a host name. Cities change rarely and every request asks, so the directory
 * keeps an immutable snapshot that is reloaded after {@link #TTL} or at once after a change made
 * through this deployment ({@link #invalidate()}). A miss of a slug or jurisdiction asks the table
 * for that one key (an indexed read, no dearer than the request itself), so a city registered by
 * another instance is found at once.
 *
 * <p>Host names are different: every Open311 call on the deployment's shared host name (the usual
 * case, where {@code jurisdiction_id} names the city) asks whether that host is a city's. Those
 * misses are remembered with the snapshot (at most {@link #MAX_ABSENT_HOSTS}), so the shared host
 * costs no query per request; a host name given to a city on another instance is served from the
 * next reload, within {@link #TTL} (until then {@code jurisdiction_id} reaches the city).
 */
@ApplicationScoped
public class TenantDirectory {
  static final Duration TTL = Duration.ofSeconds(30);
  static final int MAX_ABSENT_HOSTS = 1000;

  @Inject TenantRepository tenants;
  @Inject Clock clock;

  private volatile Snapshot snapshot;

  /** Any city with this slug, active or not. */
  public Optional<CityProfile> bySlug(String slug) {
    return lookup(Snapshot::bySlug, slug, tenants::findBySlug);
  }

  public Optional<CityProfile> byJurisdiction(String jurisdictionId) {
    return lookup(Snapshot::byJurisdiction, jurisdictionId, tenants::findByJurisdiction);
  }

  public Optional<CityProfile> byHost(String host) {
    Snapshot s = current();
    String normalised = normalise(host);
    if (s.absentHosts.contains(normalised)) {
      return Optional.empty();
    }
    Optional<CityProfile> found = lookup(Snapshot::byHost, normalised, tenants::findByHost);
    if (found.isEmpty() && s.absentHosts.size() < MAX_ABSENT_HOSTS) {
      s.absentHosts.add(normalised);
    }
    return found;
  }

  /**
   * The city that has host name {@code host}, read through to the table on a miss even when the
   * host was recently no city's: what a check that a host name is free needs.
   */
  public Optional<CityProfile> hostOwner(String host) {
    return lookup(Snapshot::byHost, host, tenants::findByHost);
  }

  private Optional<CityProfile> lookup(
      Function<Snapshot, Map<String, CityProfile>> index,
      String key,
      Function<String, Optional<Tenant>> read) {
    String normalised = normalise(key);
    CityProfile cached = index.apply(current()).get(normalised);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<CityProfile> found = read.apply(normalised).map(CityProfile::of);
    if (found.isPresent()) {
      invalidate(); // the snapshot is behind: take the new city in at the next lookup
    }
    return found;
  }

  /** The active cities, by display name: the public list. */
  public List<CityProfile> active() {
    return current().bySlug.values().stream()
        .filter(CityProfile::active)
        .sorted(Comparator.comparing(CityProfile::displayName))
        .toList();
  }

  /** The city the current request or transaction runs as. */
  public CityProfile currentCity() {
    TenantId id = CurrentTenant.require();
    return current().bySlug.values().stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .or(
            () ->
                tenants.all().stream()
                    .map(CityProfile::of)
                    .filter(c -> c.id().equals(id))
                    .findFirst())
        .orElseThrow(() -> new IllegalStateException("No city " + id));
  }

  /** Every city, active or suspended, by slug: the operator's list. */
  public List<CityProfile> all() {
    return current().bySlug.values().stream()
        .sorted(Comparator.comparing(CityProfile::slug))
        .toList();
  }

  /** Forget the snapshot: the next lookup reads the table again. */
  public void invalidate() {
    snapshot = null;
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    if (s == null || s.loadedAt.plus(TTL).isBefore(clock.instant())) {
      s = load();
      snapshot = s;
    }
    return s;
  }

  private Snapshot load() {
    List<CityProfile> all = tenants.all().stream().map(CityProfile::of).toList();
    return new Snapshot(
        clock.instant(),
        index(all, CityProfile::slug),
        index(all, CityProfile::jurisdictionId),
        all.stream()
            .filter(c -> c.hostName().isPresent())
            .collect(Collectors.toUnmodifiableMap(c -> c.hostName().get(), c -> c)),
        ConcurrentHashMap.newKeySet());
  }

  private static Map<String, CityProfile> index(
      List<CityProfile> all, Function<CityProfile, String> key) {
    return all.stream().collect(Collectors.toUnmodifiableMap(key, c -> c));
  }

  private static String normalise(String key) {
    return key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
  }

  record Snapshot(
      Instant loadedAt,
      Map<String, CityProfile> bySlug,
      Map<String, CityProfile> byJurisdiction,
      Map<String, CityProfile> byHost,
      Set<String> absentHosts) {}
}
