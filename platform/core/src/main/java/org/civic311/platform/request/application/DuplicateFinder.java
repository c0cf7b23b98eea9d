package org.civic311.platform.request.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.catalogue.application.CategorySummary;
import org.civic311.platform.request.domain.RequestSettings;
import org.civic311.platform.request.domain.ServiceRequest;
import org.civic311.platform.request.domain.ServiceRequestRepository;
import org.civic311.platform.shared.application.AuditLog;
import org.civic311.platform.shared.application.TenantTransactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Open requests of the same category near a point and recent enough to be the same problem: what a
 * channel offers as "me too" or answers with Open311's duplicate error. Distance is measured on the
 * sphere (haversine) after an indexed box search. Radius and age are the city's own ({@link
 * RequestSettings}), or else the deployment's defaults ({@code
 * civic311.request.duplicate-radius-metres}, {@code civic311.request.duplicate-max-age}).
 */
@ApplicationScoped
public class DuplicateFinder {
  private static final double EARTH_RADIUS_METRES = 6_371_000;

  @Inject ServiceRequestRepository requests;
  @Inject CatalogueService catalogue;
  @Inject RequestIntakeService intake;
  @Inject Clock clock;
  @Inject AuditLog audit;

  @Inject
  @ConfigProperty(name = "civic311.request.duplicate-radius-metres", defaultValue = "50")
  int radiusMetres;

  @Inject
  @ConfigProperty(name = "civic311.request.duplicate-max-age", defaultValue = "P14D")
  Duration maxAge;

  /**
   * How far the portal looks for open requests to offer "me too" on before a report is sent: at
   * least this, or the city's duplicate radius when that is wider (also when the rule is off).
   */
  @Inject
  @ConfigProperty(name = "civic311.request.nearby-radius-metres", defaultValue = "100")
  int nearbyRadiusMetres;

  /** The most open requests {@link #nearby} lists. */
  public static final int NEARBY_LIMIT = 10;

  /** An open request near a point, and how far it is, in whole metres. */
  public record Nearby(RequestSummary request, int metres) {}

  /** The rule in force in the current city: its own, or the deployment's defaults. */
  public record Rule(int radiusMetres, int maxAgeDays, boolean cityOwn) {
    /** As the audit history keeps it. */
    String json() {
      return "{\"duplicate_radius_metres\":"
          + radiusMetres
          + ",\"duplicate_max_age_days\":"
          + maxAgeDays
          + ",\"city_own\":"
          + cityOwn
          + "}";
    }
  }

  @TenantTransactional
  public Rule rule() {
    return requests
        .settings()
        .map(s -> new Rule(s.radiusMetres(), s.maxAgeDays(), true))
        .orElse(new Rule(radiusMetres, (int) maxAge.toDays(), false));
  }

  /**
   * Sets the current city's rule.
   *
   * @throws IllegalArgumentException naming the field out of range
   */
  @TenantTransactional
  public Rule change(int radius, int maxAgeDays, String actor) {
    Rule before = rule();
    RequestSettings settings = requests.settings().orElseGet(RequestSettings::create);
    settings.change(radius, maxAgeDays, clock);
    requests.saveSettings(settings);
    Rule after = new Rule(radius, maxAgeDays, true);
    audit.record("duplicate-rule", actor, before.json(), after.json());
    return after;
  }

  /** Nearby open requests of {@code categoryCode}, nearest first; empty without coordinates. */
  @TenantTransactional
  public List<RequestSummary> openNear(String categoryCode, BigDecimal lat, BigDecimal lon) {
    if (lat == null || lon == null || categoryCode == null) {
      return List.of();
    }
    Rule rule = rule();
    if (rule.radiusMetres() == 0) {
      return List.of();
    }
    var category = catalogue.byCode(categoryCode);
    if (category.isEmpty()) {
      return List.of();
    }
    return within(category.get(), lat, lon, rule.radiusMetres(), rule.maxAgeDays()).stream()
        .map(Nearby::request)
        .toList();
  }

  /**
   * The open requests of a public category near a point that a resident may support instead of
   * reporting (the portal asks before it sends a report): within the city's duplicate radius or
   * {@code civic311.request.nearby-radius-metres}, whichever is wider, and the rule's age; nearest
   * first, at most {@link #NEARBY_LIMIT}.
   *
   * @throws IllegalArgumentException naming {@code service_code} (not a public category of the
   *     city), {@code lat} or {@code long} (out of range)
   */
  @TenantTransactional
  public List<Nearby> nearby(String categoryCode, BigDecimal lat, BigDecimal lon) {
    CategorySummary category =
        catalogue
            .byCode(categoryCode == null ? "" : categoryCode)
            .filter(c -> c.active() && !c.staffOnly())
            .orElseThrow(() -> new UnknownServiceCode(categoryCode));
    // the same range checks as a report's
    org.civic311.platform.request.domain.Location.of(lat, lon, null);
    Rule rule = rule();
    return within(
            category,
            lat,
            lon,
            Math.max(rule.radiusMetres(), nearbyRadiusMetres),
            rule.maxAgeDays())
        .stream()
        .limit(NEARBY_LIMIT)
        .toList();
  }

  private List<Nearby> within(
      CategorySummary category, BigDecimal lat, BigDecimal lon, int radiusMetres, int maxAgeDays) {
    double dLat = Math.toDegrees(radiusMetres / EARTH_RADIUS_METRES);
    double dLon = dLat / Math.max(Math.cos(Math.toRadians(lat.doubleValue())), 0.01);
    MathContext m = MathContext.DECIMAL64;
    List<ServiceRequest> box =
        requests.openInBox(
            UUID.fromString(category.id()),
            lat.subtract(BigDecimal.valueOf(dLat), m),
            lat.add(BigDecimal.valueOf(dLat), m),
            lon.subtract(BigDecimal.valueOf(dLon), m),
            lon.add(BigDecimal.valueOf(dLon), m),
            OffsetDateTime.now(clock).minusDays(maxAgeDays));
    Map<String, CategorySummary> byId = intake.categoriesById();
    return box.stream()
        .filter(r -> metres(lat, lon, r) <= radiusMetres)
        .sorted((a, b) -> Double.compare(metres(lat, lon, a), metres(lat, lon, b)))
        .map(
            r ->
                new Nearby(
                    RequestIntakeService.summarise(r, byId), (int) Math.round(metres(lat, lon, r))))
        .toList();
  }

  static double metres(BigDecimal lat, BigDecimal lon, ServiceRequest r) {
    return haversine(
        lat.doubleValue(),
        lon.doubleValue(),
        r.location().latitude().orElseThrow().doubleValue(),
        r.location().longitude().orElseThrow().doubleValue());
  }

  static double haversine(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = Math.toRadians(lat2 - lat1);
    double dl = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
