package org.civic311.platform.routing.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.civic311.platform.routing.domain.WeeklyRange.DayTime;

/**
 * A city's hours: weekly opening ranges in its time zone, holidays (whole or partial days) and
 * dated overrides. Answers whether the city is open at an instant, when that changes, and when a
 * service-level target counted in business hours falls due, across nights, weekends, holidays and
 * daylight-saving changes.
 *
 * <p>Local times are turned into instants with the zone's rules: a range starting in the
 * spring-forward gap starts at the end of the gap; one in the fall-back overlap uses the earlier
 * offset. Overrides win over everything; of two overlapping overrides the later-starting one wins.
 */
public final class OpeningHours {
  /** How far ahead the next change and a due date are looked for: past this, there is none. */
  static final int HORIZON_DAYS = 3 * 366;

  /** The first, cheap look ahead: most changes are within a fortnight. */
  private static final int NEAR_DAYS = 16;

  private final ZoneId zone;
  private final List<WeeklyRange> weekly;
  private final List<Holiday> holidays;
  private final List<HoursOverride> overrides;

  /**
   * @throws IllegalArgumentException naming the entry ({@code weekly[2]: ...}) that is wrong
   */
  public OpeningHours(
      ZoneId zone,
      List<WeeklyRange> weekly,
      List<Holiday> holidays,
      List<HoursOverride> overrides) {
    if (zone == null) {
      throw new IllegalArgumentException("time_zone: is required");
    }
    this.zone = zone;
    this.weekly = List.copyOf(weekly == null ? List.of() : weekly);
    this.holidays = List.copyOf(holidays == null ? List.of() : holidays);
    this.overrides =
        (overrides == null ? List.<HoursOverride>of() : overrides)
            .stream().sorted(Comparator.comparing(HoursOverride::from)).toList();
    for (int i = 0; i < this.weekly.size(); i++) {
      for (int j = i + 1; j < this.weekly.size(); j++) {
        if (this.weekly.get(i).overlaps(this.weekly.get(j))) {
          throw new IllegalArgumentException(
              "weekly["
                  + j
                  + "]: "
                  + describe(this.weekly.get(j))
                  + " overlaps "
                  + describe(this.weekly.get(i)));
        }
      }
    }
  }

  /** A city that never closes: 00:00–24:00 every day. */
  public static OpeningHours aroundTheClock(ZoneId zone) {
    List<WeeklyRange> all = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      all.add(new WeeklyRange(day, new DayTime(0), DayTime.MIDNIGHT_END));
    }
    return new OpeningHours(zone, all, List.of(), List.of());
  }

  public ZoneId zone() {
    return zone;
  }

  public List<WeeklyRange> weekly() {
    return weekly;
  }

  public List<Holiday> holidays() {
    return holidays;
  }

  public List<HoursOverride> overrides() {
    return overrides;
  }

  /** Open or closed at {@code t}, until when, and the message of an override in force. */
  public record Status(
      boolean open, Optional<Instant> until, Optional<String> message, Optional<Holiday> holiday) {}

  public Status at(Instant t) {
    Optional<Instant> until = nextChange(t, NEAR_DAYS);
    if (until.isEmpty()) {
      until = nextChange(t, HORIZON_DAYS);
    }
    boolean open = isOpen(t);
    Optional<String> message =
        overrideAt(t).map(HoursOverride::message).filter(m -> m != null && !m.isBlank());
    LocalDate today = t.atZone(zone).toLocalDate();
    return new Status(open, until, message, holidayOn(today));
  }

  /** Whether {@code t} falls in an open interval. */
  public boolean isOpen(Instant t) {
    return openIntervals(t.minus(Duration.ofDays(2)), 4).stream().anyMatch(i -> i.contains(t));
  }

  /**
   * The next instant after {@code t} where open turns to closed or back, looking {@code days}
   * ahead; empty when nothing changes in that window (an interval reaching the window's end is not
   * a change).
   */
  private Optional<Instant> nextChange(Instant t, int days) {
    Instant windowStart = t.minus(Duration.ofDays(2));
    List<Interval> intervals = openIntervals(windowStart, days);
    Instant windowEnd =
        windowStart.atZone(zone).toLocalDate().plusDays(days).atStartOfDay(zone).toInstant();
    for (Interval i : intervals) {
      if (i.contains(t)) {
        return i.end.isBefore(windowEnd) ? Optional.of(i.end) : Optional.empty();
      }
      if (i.start.isAfter(t)) {
        return Optional.of(i.start);
      }
    }
    return Optional.empty();
  }

  /**
   * When a target of {@code duration} business (open) time, started at {@code start}, falls due.
   *
   * @throws IllegalStateException when the hours never open enough within the horizon
   */
  public Instant addBusinessTime(Instant start, Duration duration) {
    Duration left = duration;
    if (left.isNegative()) {
      throw new IllegalArgumentException("duration: must not be negative");
    }
    // A fortnight covers almost every target; the horizon is walked only when it does not.
    for (int days : new int[] {NEAR_DAYS, HORIZON_DAYS}) {
      left = duration;
      for (Interval i : openIntervals(start.minus(Duration.ofDays(2)), days)) {
        if (!i.end.isAfter(start)) {
          continue;
        }
        Instant from = i.start.isAfter(start) ? i.start : start;
        Duration available = Duration.between(from, i.end);
        if (available.compareTo(left) >= 0) {
          return from.plus(left);
        }
        left = left.minus(available);
      }
    }
    throw new IllegalStateException(
        "The hours do not open long enough within " + HORIZON_DAYS + " days to count " + duration);
  }

  /** The open time between two instants (for checks and reports). */
  public Duration openTimeBetween(Instant from, Instant to) {
    Duration total = Duration.ZERO;
    long days = Duration.between(from, to).toDays() + 5; // the window starts two days early
    for (Interval i : openIntervals(from.minus(Duration.ofDays(2)), (int) Math.min(days, 5000))) {
      Instant s = i.start.isAfter(from) ? i.start : from;
      Instant e = i.end.isBefore(to) ? i.end : to;
      if (e.isAfter(s)) {
        total = total.plus(Duration.between(s, e));
      }
    }
    return total;
  }

  private Optional<HoursOverride> overrideAt(Instant t) {
    HoursOverride found = null;
    for (HoursOverride o : overrides) {
      if (o.covers(t)) {
        found = o; // sorted by start: the later-starting one wins
      }
    }
    return Optional.ofNullable(found);
  }

  private Optional<Holiday> holidayOn(LocalDate date) {
    return holidays.stream()
        // a rule of next year can fall in this one (on-or-before 01-02 MONDAY: 28 Dec)
        .filter(
            h ->
                h.rule().dateIn(date.getYear()).filter(date::equals).isPresent()
                    || h.rule().dateIn(date.getYear() + 1).filter(date::equals).isPresent())
        .findFirst();
  }

  private record Interval(Instant start, Instant end) {
    boolean contains(Instant t) {
      return !t.isBefore(start) && t.isBefore(end);
    }
  }

  /**
   * The open intervals from the local day of {@code from} for {@code days} days, merged where one
   * ends as the next starts, with overrides applied.
   */
  private List<Interval> openIntervals(Instant from, int days) {
    LocalDate first = from.atZone(zone).toLocalDate();
    List<Interval> base = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      LocalDate date = first.plusDays(d);
      Optional<Holiday> holiday = holidayOn(date);
      if (holiday.isPresent()) {
        if (holiday.get().partial()) {
          base.add(interval(date, holiday.get().opens(), holiday.get().closes()));
        }
        continue;
      }
      for (WeeklyRange r : weekly) {
        if (r.day() == date.getDayOfWeek()) {
          base.add(interval(date, r.opens(), r.closes()));
        }
      }
    }
    base.sort(Comparator.comparing(Interval::start));
    Instant windowStart = first.atStartOfDay(zone).toInstant();
    Instant windowEnd = first.plusDays(days).atStartOfDay(zone).toInstant();
    List<Interval> withOverrides = applyOverrides(base, windowStart, windowEnd);
    return merge(withOverrides);
  }

  private Interval interval(LocalDate date, DayTime opens, DayTime closes) {
    return new Interval(instant(date, opens), instant(date, closes));
  }

  private Instant instant(LocalDate date, DayTime time) {
    return time.localTime() == null
        ? date.plusDays(1).atStartOfDay(zone).toInstant()
        : ZonedDateTime.of(date, time.localTime(), zone).toInstant();
  }

  private List<Interval> applyOverrides(
      List<Interval> base, Instant windowStart, Instant windowEnd) {
    List<Interval> result = base;
    for (HoursOverride o : overrides) {
      List<Interval> next = new ArrayList<>();
      for (Interval i : result) {
        // cut the override's span out of every interval
        if (!i.end.isAfter(o.from()) || !i.start.isBefore(o.until())) {
          next.add(i);
          continue;
        }
        if (i.start.isBefore(o.from())) {
          next.add(new Interval(i.start, o.from()));
        }
        if (i.end.isAfter(o.until())) {
          next.add(new Interval(o.until(), i.end));
        }
      }
      // an opening override counts only inside the window, like the weekly ranges
      Instant from = o.from().isAfter(windowStart) ? o.from() : windowStart;
      Instant until = o.until().isBefore(windowEnd) ? o.until() : windowEnd;
      if (o.open() && from.isBefore(until)) {
        next.add(new Interval(from, until));
      }
      next.sort(Comparator.comparing(Interval::start));
      result = next;
    }
    return result;
  }

  private static List<Interval> merge(List<Interval> sorted) {
    List<Interval> merged = new ArrayList<>();
    for (Interval i : sorted) {
      if (!merged.isEmpty() && !merged.get(merged.size() - 1).end.isBefore(i.start)) {
        Interval last = merged.remove(merged.size() - 1);
        merged.add(new Interval(last.start, i.end.isAfter(last.end) ? i.end : last.end));
      } else {
        merged.add(i);
      }
    }
    return merged;
  }

  private static String describe(WeeklyRange r) {
    return r.day() + " " + r.opens() + "–" + r.closes();
  }
}
