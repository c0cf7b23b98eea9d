package org.civic311.platform.tenancy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.civic311.platform.tenancy.domain.Tenant;
import org.civic311.platform.tenancy.domain.TenantRepository;

/** Registers cities. Only the operator's console (admin.provider) calls it. */
@ApplicationScoped
public class TenantRegistry {
  @Inject TenantRepository tenants;
  @Inject TenantDirectory directory;
  @jakarta.annotation.Resource jakarta.transaction.TransactionSynchronizationRegistry transactions;
  @Inject Clock clock;

  /**
   * Registers a new active city.
   *
   * @throws IllegalArgumentException naming the invalid field, or the slug already taken
   */
  @Transactional
  public CityProfile register(NewCity city) {
    return register(city, null, null);
  }

  /**
   * Registers a new active city with what the operator knows of it (both may be null). The row is
   * written at once (flushed), so tenant-owned rows of the city can follow in the same transaction.
   *
   * @throws IllegalArgumentException naming the invalid field, or the slug already taken
   */
  @Transactional
  public CityProfile register(NewCity city, Integer population, String contactEmail) {
    if (tenants.findBySlug(city.slug()).isPresent()) {
      throw new IllegalArgumentException("slug: '" + city.slug() + "' is already taken");
    }
    Tenant tenant =
        Tenant.register(
            city.slug(),
            city.jurisdictionId(),
            city.displayName(),
            city.timeZone(),
            city.locales(),
            city.hostName(),
            clock);
    tenant.recordContact(population, contactEmail);
    tenants.add(tenant);
    directory.invalidate();
    return CityProfile.of(tenant);
  }

  /**
   * Suspends a city: it keeps its data and answers nothing (see {@code CityRequestFilter}). This
   * instance forgets its directory at once; others see it within {@link TenantDirectory#TTL}.
   *
   * @return the city, or empty when there is none with this id
   */
  @Transactional
  public java.util.Optional<CityProfile> suspend(
      org.civic311.platform.shared.domain.TenantId city) {
    return change(city, Tenant::suspend);
  }

  /** Serves a suspended city again; {@link #suspend} for the directory. */
  @Transactional
  public java.util.Optional<CityProfile> resume(org.civic311.platform.shared.domain.TenantId city) {
    return change(city, Tenant::resume);
  }

  /** The city as the database has it now (not the directory's snapshot); empty when gone. */
  @Transactional
  public java.util.Optional<CityProfile> fresh(org.civic311.platform.shared.domain.TenantId city) {
    return tenants.find(city).map(CityProfile::of);
  }

  /**
   * The city leaves: suspended at once, its data to be deleted at {@code at} (ADR 0018).
   *
   * @return the city, or empty when there is none with this id
   * @throws IllegalStateException when its deletion is already scheduled
   */
  @Transactional
  public java.util.Optional<CityProfile> scheduleOffboarding(
      org.civic311.platform.shared.domain.TenantId city, java.time.OffsetDateTime at) {
    return change(city, t -> t.scheduleOffboarding(at));
  }

  /**
   * Keeps a leaving city after all (it stays suspended).
   *
   * @return the city, or empty when there is none with this id
   * @throws IllegalStateException when no deletion is scheduled
   */
  @Transactional
  public java.util.Optional<CityProfile> cancelOffboarding(
      org.civic311.platform.shared.domain.TenantId city) {
    return change(city, Tenant::cancelOffboarding);
  }

  /**
   * Sets where the resident portal's map opens for {@code city} (both null: nowhere in particular).
   *
   * @throws IllegalArgumentException ({@code map_centre: ...}) for a point that is not one
   */
  @Transactional
  public java.util.Optional<CityProfile> centreMap(
      org.civic311.platform.shared.domain.TenantId city,
      java.math.BigDecimal latitude,
      java.math.BigDecimal longitude) {
    return change(city, t -> t.centreMapOn(latitude, longitude));
  }

  private java.util.Optional<CityProfile> change(
      org.civic311.platform.shared.domain.TenantId city,
      java.util.function.Consumer<Tenant> change) {
    java.util.Optional<Tenant> tenant = tenants.find(city);
    tenant.ifPresent(change);
    directory.invalidate();
    return tenant.map(CityProfile::of);
  }

  /**
   * Sets the current city's IANA time zone (its hours, due dates and the phone lines' open hours
   * are read in it). Other instances see it when their directory refreshes (at most {@link
   * TenantDirectory#TTL}).
   *
   * @throws IllegalArgumentException ({@code time_zone: ...}) for an unknown zone
   */
  @Transactional
  public CityProfile moveCurrentCityTo(String zone) {
    org.civic311.platform.shared.domain.TenantId id =
        org.civic311.platform.shared.application.CurrentTenant.require();
    Tenant tenant =
        tenants.all().stream()
            .filter(t -> t.id().equals(id))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("No city " + id));
    tenant.moveTo(zone);
    // after the commit: a reload before it would cache the old zone for the directory's TTL
    transactions.registerInterposedSynchronization(
        new jakarta.transaction.Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            directory.invalidate();
          }
        });
    return CityProfile.of(tenant);
  }
}
