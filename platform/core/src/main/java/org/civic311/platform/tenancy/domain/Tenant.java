package org.civic311.platform.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.civic311.platform.shared.domain.TenantId;

/**
 * A city served by this deployment: the tenant. Global by design (it does not extend {@code
 * TenantOwned}): it is the row that every tenant-owned row points at.
 *
 * <p>Guarantees: the slug is a lowercase URL segment, the jurisdiction id a lowercase domain, the
 * time zone a valid IANA zone and at least one locale is offered.
 */
// Not in EclipseLink's shared cache: another replica may change it (suspension, numbers).
@org.eclipse.persistence.annotations.Cache(
    isolation = org.eclipse.persistence.config.CacheIsolationType.ISOLATED)
@Entity
@Table(name = "tenant")
public class Tenant {
  private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,39}");
  private static final Pattern DOMAIN =
      Pattern.compile("(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String slug;

  @Column(name = "jurisdiction_id", nullable = false, unique = true)
  private String jurisdictionId;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "time_zone", nullable = false)
  private String timeZone;

  @Column(nullable = false)
  private String locales;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TenantStatus status;

  @Column(name = "host_name")
  private String hostName;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  private Integer population;

  @Column(name = "contact_email")
  private String contactEmail;

  @Column(name = "offboard_at")
  private OffsetDateTime offboardAt;

  @Column(name = "map_lat")
  private java.math.BigDecimal mapLatitude;

  @Column(name = "map_long")
  private java.math.BigDecimal mapLongitude;

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

  protected Tenant() {}

  /** A new, active city. Throws {@link IllegalArgumentException} naming the first bad field. */
  public static Tenant register(
      String slug,
      String jurisdictionId,
      String displayName,
      String timeZone,
      List<String> locales,
      String hostName,
      Clock clock) {
    Tenant tenant = new Tenant();
    tenant.id = UUID.randomUUID();
    tenant.slug = requireMatch("slug", slug, SLUG);
    tenant.jurisdictionId = requireMatch("jurisdiction_id", jurisdictionId, DOMAIN);
    tenant.displayName = requireText("display_name", displayName, 120);
    tenant.timeZone = requireZone(timeZone);
    tenant.locales = String.join(",", requireLocales(locales));
    tenant.hostName = hostName == null ? null : requireMatch("host_name", hostName, DOMAIN);
    tenant.status = TenantStatus.ACTIVE;
    tenant.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    return tenant;
  }

  public TenantId id() {
    return new TenantId(id);
  }

  public String slug() {
    return slug;
  }

  public String jurisdictionId() {
    return jurisdictionId;
  }

  public String displayName() {
    return displayName;
  }

  public ZoneId timeZone() {
    return ZoneId.of(timeZone);
  }

  public List<String> locales() {
    return Arrays.asList(locales.split(","));
  }

  public TenantStatus status() {
    return status;
  }

  public boolean isActive() {
    return status == TenantStatus.ACTIVE;
  }

  public Optional<String> hostName() {
    return Optional.ofNullable(hostName);
  }

  /**
   * Moves the city to another IANA time zone (its hours and due dates are read in it).
   *
   * @throws IllegalArgumentException ({@code time_zone: ...}) for an unknown zone
   */
  public void moveTo(String zone) {
    timeZone = requireZone(zone);
  }

  /**
   * Records what the operator knows of the city: its population and the address to write to.
   *
   * @throws IllegalArgumentException ({@code population: ...} or {@code contact_email: ...})
   */
  public void recordContact(Integer population, String contactEmail) {
    if (population != null && population < 0) {
      throw new IllegalArgumentException("population: must be 0 or more");
    }
    if (contactEmail != null
        && (contactEmail.length() > 254 || !EMAIL.matcher(contactEmail).matches())) {
      throw new IllegalArgumentException(
          "contact_email: '" + contactEmail + "' is not an e-mail address");
    }
    this.population = population;
    this.contactEmail = contactEmail;
  }

  public Optional<Integer> population() {
    return Optional.ofNullable(population);
  }

  public Optional<String> contactEmail() {
    return Optional.ofNullable(contactEmail);
  }

  /**
   * Where the resident portal's map opens (WGS 84), or nowhere in particular when both are null.
   *
   * @throws IllegalArgumentException ({@code map_centre: ...}) for one without the other, or a
   *     point out of range
   */
  public void centreMapOn(java.math.BigDecimal latitude, java.math.BigDecimal longitude) {
    if ((latitude == null) != (longitude == null)) {
      throw new IllegalArgumentException("map_centre: latitude and longitude go together");
    }
    if (latitude != null
        && (latitude.abs().compareTo(java.math.BigDecimal.valueOf(90)) > 0
            || longitude.abs().compareTo(java.math.BigDecimal.valueOf(180)) > 0)) {
      throw new IllegalArgumentException("map_centre: is not a point on the earth");
    }
    this.mapLatitude =
        latitude == null ? null : latitude.setScale(6, java.math.RoundingMode.HALF_UP);
    this.mapLongitude =
        longitude == null ? null : longitude.setScale(6, java.math.RoundingMode.HALF_UP);
  }

  /** Where the portal's map opens: latitude then longitude, or empty. */
  public Optional<java.math.BigDecimal[]> mapCentre() {
    return mapLatitude == null
        ? Optional.empty()
        : Optional.of(new java.math.BigDecimal[] {mapLatitude, mapLongitude});
  }

  public void suspend() {
    status = TenantStatus.SUSPENDED;
  }

  /**
   * Serves the city again.
   *
   * @throws IllegalStateException while its deletion is scheduled: cancel that first
   */
  public void resume() {
    if (offboardAt != null) {
      throw new IllegalStateException(
          "The city is scheduled for deletion at " + offboardAt + "; cancel that first");
    }
    status = TenantStatus.ACTIVE;
  }

  /**
   * The city leaves: it is suspended at once and its data is to be deleted at {@code at}, unless
   * {@link #cancelOffboarding() cancelled} before.
   *
   * @throws IllegalStateException when its deletion is already scheduled
   */
  public void scheduleOffboarding(OffsetDateTime at) {
    if (offboardAt != null) {
      throw new IllegalStateException(
          "The city is already scheduled for deletion at " + offboardAt);
    }
    status = TenantStatus.SUSPENDED;
    offboardAt = at.withOffsetSameInstant(ZoneOffset.UTC);
  }

  /**
   * Keeps the city after all; it stays suspended until resumed.
   *
   * @throws IllegalStateException when no deletion is scheduled
   */
  public void cancelOffboarding() {
    if (offboardAt == null) {
      throw new IllegalStateException("The city is not scheduled for deletion");
    }
    offboardAt = null;
  }

  /** When the city's data is to be deleted, if it is leaving. */
  public Optional<OffsetDateTime> offboardAt() {
    return Optional.ofNullable(offboardAt);
  }

  private static String requireMatch(String field, String value, Pattern pattern) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(field + ": '" + value + "' is not valid");
    }
    return value;
  }

  private static String requireText(String field, String value, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(field + ": must be 1 to " + max + " characters");
    }
    return value.strip();
  }

  private static String requireZone(String zone) {
    // a region (America/Edmonton), never a fixed offset (+05:00, UTC+1) that ignores daylight time
    if (zone == null || !ZoneId.getAvailableZoneIds().contains(zone.strip())) {
      throw new IllegalArgumentException("time_zone: '" + zone + "' is not an IANA time zone");
    }
    try {
      return ZoneId.of(Objects.requireNonNull(zone.strip())).getId();
    } catch (DateTimeException | NullPointerException e) {
      throw new IllegalArgumentException("time_zone: '" + zone + "' is not an IANA time zone");
    }
  }

  private static List<String> requireLocales(List<String> locales) {
    if (locales == null || locales.isEmpty()) {
      throw new IllegalArgumentException("locales: at least one locale is required");
    }
    for (String locale : locales) {
      if (locale == null
          || !Locale.forLanguageTag(locale).toLanguageTag().equals(locale)
          || locale.equals("und")) {
        throw new IllegalArgumentException("locales: '" + locale + "' is not a language tag");
      }
    }
    return locales;
  }
}
