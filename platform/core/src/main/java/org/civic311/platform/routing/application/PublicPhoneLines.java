package org.civic311.platform.routing.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civic311.platform.routing.domain.Holiday;

/**
 * What residents may know of the city's phone lines: the numbers they dial, and whether the city is
 * open now. For the resident portal and the public API; where calls go is not part of it.
 */
@ApplicationScoped
public class PublicPhoneLines {
  @Inject HoursService hours;
  @Inject PhoneRoutingService routing;

  /**
   * One way to call the city.
   *
   * @param kind {@code main}, {@code outside}, {@code tty} or {@code after_hours}
   * @param number E.164
   * @param display as people of its country write it
   * @param shortCode what residents dial inside city limits ({@code 311}), or null
   */
  public record Line(String kind, String number, String display, String shortCode, String label) {}

  /** Open or closed now, until when, and the message or holiday in force. */
  public record Now(
      boolean open, Optional<Instant> until, Optional<String> message, Optional<String> holiday) {}

  /** The city's entry points, in its administrator's order; empty when it has none. */
  public List<Line> numbers() {
    return routing.entryPoints().stream()
        .map(
            e ->
                new Line(
                    e.kind(), e.number().e164(), e.number().national(), e.shortCode(), e.label()))
        .toList();
  }

  /** Whether the city is open now; empty when it has not published its hours. */
  public Optional<Now> now() {
    return hours
        .now()
        .map(s -> new Now(s.open(), s.until(), s.message(), s.holiday().map(Holiday::name)));
  }
}
