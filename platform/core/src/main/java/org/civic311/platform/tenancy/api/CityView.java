package org.civic311.platform.tenancy.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.civic311.platform.tenancy.application.CityProfile;

/** A city as the public sees it. */
@JsonbPropertyOrder({"slug", "name", "jurisdictionId", "timeZone", "locales", "mapCentre"})
public record CityView(
    String slug,
    String name,
    @JsonbProperty("jurisdiction_id") String jurisdictionId,
    @JsonbProperty("time_zone") String timeZone,
    List<String> locales,
    @JsonbProperty("map_centre") Point mapCentre) {

  /** A point, WGS 84. */
  @JsonbPropertyOrder({"lat", "lon"})
  public record Point(java.math.BigDecimal lat, @JsonbProperty("long") java.math.BigDecimal lon) {}

  static CityView of(CityProfile city) {
    return new CityView(
        city.slug(),
        city.displayName(),
        city.jurisdictionId(),
        city.timeZone().getId(),
        city.locales(),
        city.mapCentre().map(c -> new Point(c.latitude(), c.longitude())).orElse(null));
  }
}
