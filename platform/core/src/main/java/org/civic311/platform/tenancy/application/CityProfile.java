package org.civic311.platform.tenancy.application;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.civic311.platform.shared.domain.TenantId;
import org.civic311.platform.tenancy.domain.Tenant;

/**
 * An immutable snapshot of a city, safe to cache and share between threads. {@code offboardAt} is
 * when its data is to be deleted, while it is leaving (ADR 0018).
 */
public record CityProfile(
    TenantId id,
    String slug,
    String jurisdictionId,
    String displayName,
    ZoneId timeZone,
    List<String> locales,
    boolean active,
    Optional<String> hostName,
    Optional<OffsetDateTime> offboardAt,
    Optional<MapCentre> mapCentre) {

  /** Where the resident portal's map opens (WGS 84). */
  public record MapCentre(java.math.BigDecimal latitude, java.math.BigDecimal longitude) {}

  static CityProfile of(Tenant tenant) {
    return new CityProfile(
        tenant.id(),
        tenant.slug(),
        tenant.jurisdictionId(),
        tenant.displayName(),
        tenant.timeZone(),
        List.copyOf(tenant.locales()),
        tenant.isActive(),
        tenant.hostName(),
        tenant.offboardAt(),
        tenant.mapCentre().map(c -> new MapCentre(c[0], c[1])));
  }
}
