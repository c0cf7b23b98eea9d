package org.civic311.platform.routing.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.civic311.platform.routing.domain.HoursSchedule;
import org.civic311.platform.routing.domain.HoursScheduleRepository;
import org.civic311.platform.routing.domain.OpeningHours;
import org.civic311.platform.routing.domain.WeeklyRange;
import org.civic311.platform.shared.application.AuditLog;
import org.civic311.platform.shared.application.CityCache;
import org.civic311.platform.shared.application.TenantTransactional;
import org.civic311.platform.tenancy.application.TenantDirectory;

/**
 * The current city's hours: reading them (open now? until when?), counting service-level targets in
 * business hours, and replacing them as a city administrator, with an audit entry.
 */
@ApplicationScoped
public class HoursService {
  static final String AUDIT_SUBJECT = "hours";
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject HoursScheduleRepository schedules;
  @Inject TenantDirectory directory;
  @Inject org.civic311.platform.tenancy.application.TenantRegistry registry;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject CityCache cache;

  /** The city's hours, or empty when it has not set them. */
  @TenantTransactional
  public Optional<OpeningHours> cityHours() {
    ZoneId zone = directory.currentCity().timeZone();
    return cache.get(
        "opening-hours",
        zone.getId(),
        () -> schedules.find(HoursSchedule.CITY).map(s -> parse(s.document()).toHours(zone)));
  }

  /**
   * The hours of a line with its own weekly {@code ranges}: those ranges, in the city's time zone,
   * with the city's holidays and overrides (a holiday or an emergency closure closes every line).
   */
  @TenantTransactional
  public OpeningHours lineHours(List<WeeklyRange> ranges) {
    ZoneId zone = directory.currentCity().timeZone();
    Optional<OpeningHours> city = cityHours();
    return new OpeningHours(
        zone,
        ranges,
        city.map(OpeningHours::holidays).orElse(List.of()),
        city.map(OpeningHours::overrides).orElse(List.of()));
  }

  /** The city's time zone. */
  public ZoneId zone() {
    return directory.currentCity().timeZone();
  }

  /** Open or closed now; empty when the city has not set its hours. */
  @TenantTransactional
  public Optional<OpeningHours.Status> now() {
    Instant at = clock.instant();
    return cityHours().map(h -> h.at(at));
  }

  /**
   * When a target of {@code duration} started at {@code start} falls due: counted in the city's
   * open hours when {@code businessHours} (and the city has set them), else in calendar time; null
   * when the hours never open long enough to count it.
   */
  @TenantTransactional
  public Instant due(Instant start, Duration duration, boolean businessHours) {
    if (!businessHours) {
      return start.plus(duration);
    }
    Optional<OpeningHours> open = cityHours();
    if (open.isEmpty()) {
      return start.plus(duration);
    }
    try {
      return open.get().addBusinessTime(start, duration);
    } catch (IllegalStateException neverOpenEnough) {
      // hours that never open (an emergency closure for months, say): no date can be promised
      return null;
    }
  }

  /**
   * Replaces the city's hours with {@code document}, checked first.
   *
   * @throws IllegalArgumentException naming the entry and field that is wrong; nothing is stored
   */
  @TenantTransactional
  public HoursDocument replace(HoursDocument document, String actor) {
    if (document == null) {
      throw new IllegalArgumentException(
          "weekly: a document with weekly, holidays, overrides is required");
    }
    ZoneId zone = directory.currentCity().timeZone();
    String zoneBefore = zone.getId();
    if (document.timeZone() != null && !document.timeZone().isBlank()) {
      try {
        if (!ZoneId.getAvailableZoneIds().contains(document.timeZone().strip())) {
          throw new java.time.DateTimeException("not a region");
        }
        zone = ZoneId.of(document.timeZone().strip());
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException(
            "time_zone: '"
                + document.timeZone()
                + "' is not an IANA time zone such as America/Edmonton");
      }
    }
    OpeningHours hours = document.toHours(zone);
    // stored without the zone, which is the city's own
    HoursDocument normalised = HoursDocument.of(hours);
    String after = JSON.toJson(normalised);
    if (!zone.getId().equals(zoneBefore)) {
      registry.moveCurrentCityTo(zone.getId());
      audit.record("time-zone", actor, zoneBefore, zone.getId());
    }
    Optional<HoursSchedule> existing = schedules.find(HoursSchedule.CITY);
    String before = existing.map(HoursSchedule::document).orElse(null);
    if (existing.isPresent()) {
      existing.get().replace(after, actor, clock);
    } else {
      schedules.add(HoursSchedule.create(HoursSchedule.CITY, after, actor, clock));
    }
    audit.record(AUDIT_SUBJECT, actor, before, after);
    return normalised.inZone(zone);
  }

  /** The stored document, or empty. */
  @TenantTransactional
  public Optional<HoursDocument> document() {
    ZoneId zone = directory.currentCity().timeZone();
    // the overrides again with the city's offset at each (as stored they may be in UTC), so that
    // pages show the local time without working out an offset with the browser's rules
    return schedules
        .find(HoursSchedule.CITY)
        .map(s -> HoursDocument.of(parse(s.document()).toHours(zone)).inZone(zone));
  }

  private static HoursDocument parse(String json) {
    return JSON.fromJson(json, HoursDocument.class);
  }
}
