package org.civic311.platform.routing.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Date-times as a city's people type them. A time with an offset ({@code 2026-12-01T10:00-07:00})
 * is that instant; a time without one ({@code 2026-12-01T10:00}) is the city's local time, read
 * with the server's time-zone rules: pages send what was typed and never work out an offset
 * themselves, because a browser's rules can differ from the server's (ADR 0021). In the
 * spring-forward gap the time after the gap is meant; in the autumn overlap, the earlier of the
 * two.
 */
public final class CityTime {
  private CityTime() {}

  /**
   * The instant {@code text} means in {@code zone}.
   *
   * @throws IllegalArgumentException ({@code field: ...}) when it is neither form
   */
  public static Instant parse(String field, String text, ZoneId zone) {
    String t = text == null ? "" : text.strip();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return ZonedDateTime.ofLocal(LocalDateTime.parse(t), zone, null).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            field
                + ": '"
                + text
                + "' is not a date-time: write the city's local time like 2026-12-01T10:00, or"
                + " one with an offset like 2026-12-01T10:00:00-07:00");
      }
    }
  }

  /** {@code at} as the city's wall-clock time with the offset in force then. */
  public static String format(Instant at, ZoneId zone) {
    return at.atZone(zone).toOffsetDateTime().toString();
  }
}
