package org.civic311.platform.routing.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One opening range of a weekday, in the city's local time: {@code 08:00}–{@code 16:30}. A range
 * may end at {@code 24:00} (midnight at the end of the day), so a city open around the clock is
 * seven ranges {@code 00:00}–{@code 24:00}.
 */
public record WeeklyRange(DayOfWeek day, DayTime opens, DayTime closes) {
  public WeeklyRange {
    if (day == null) {
      throw new IllegalArgumentException("day: is required");
    }
    DayTime.requireOrdered(opens, closes);
  }

  public static WeeklyRange of(DayOfWeek day, String opens, String closes) {
    return new WeeklyRange(day, DayTime.parse("opens", opens), DayTime.parse("closes", closes));
  }

  boolean overlaps(WeeklyRange other) {
    return day == other.day
        && opens.minute() < other.closes.minute()
        && other.opens.minute() < closes.minute();
  }

  /** A time of day from {@code 00:00} to {@code 24:00} inclusive, to the minute. */
  public record DayTime(int minute) {
    public static final DayTime MIDNIGHT_END = new DayTime(24 * 60);

    public DayTime {
      if (minute < 0 || minute > 24 * 60) {
        throw new IllegalArgumentException("time: must be between 00:00 and 24:00");
      }
    }

    /**
     * @throws IllegalArgumentException naming {@code field} when {@code text} is not HH:MM
     */
    public static DayTime parse(String field, String text) {
      if (text == null || !text.matches("\\d\\d:\\d\\d")) {
        throw new IllegalArgumentException(field + ": '" + text + "' is not a time like 08:30");
      }
      int hours = Integer.parseInt(text.substring(0, 2));
      int minutes = Integer.parseInt(text.substring(3));
      if (minutes > 59 || hours > 24 || (hours == 24 && minutes > 0)) {
        throw new IllegalArgumentException(field + ": '" + text + "' is not a time of day");
      }
      return new DayTime(hours * 60 + minutes);
    }

    static void requireOrdered(DayTime opens, DayTime closes) {
      if (opens == null || closes == null) {
        throw new IllegalArgumentException("opens: and closes are both required");
      }
      if (opens.minute >= closes.minute) {
        throw new IllegalArgumentException(
            "closes: " + closes + " is not after opens " + opens + " (ranges cannot be inverted)");
      }
      if (opens.minute == 24 * 60) {
        throw new IllegalArgumentException("opens: cannot be 24:00");
      }
    }

    /** The local time, or null for {@code 24:00} (the start of the next day). */
    LocalTime localTime() {
      return minute == 24 * 60 ? null : LocalTime.of(minute / 60, minute % 60);
    }

    @Override
    public String toString() {
      return String.format("%02d:%02d", minute / 60, minute % 60);
    }
  }
}
