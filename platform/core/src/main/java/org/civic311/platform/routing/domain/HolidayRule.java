package org.civic311.platform.routing.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a holiday falls, as a rule a city administrator can write and read:
 *
 * <ul>
 *   <li>{@code fixed 12-25}: the same date every year;
 *   <li>{@code nth 1 MONDAY 09}: the first Monday of September ({@code nth last MONDAY 05} for the
 *       last);
 *   <li>{@code on-or-before 05-24 MONDAY}: the Monday on or before 24 May (Victoria Day);
 *   <li>{@code easter -2}: two days before Western Easter Sunday (Good Friday);
 *   <li>{@code date 2026-12-24}: one day only.
 * </ul>
 */
public record HolidayRule(
    String text, Kind kind, int month, int day, int nth, DayOfWeek weekday, LocalDate date) {

  enum Kind {
    FIXED,
    NTH,
    ON_OR_BEFORE,
    EASTER,
    DATE
  }

  private static final Pattern FIXED = Pattern.compile("FIXED (\\d\\d)-(\\d\\d)");
  private static final Pattern NTH = Pattern.compile("NTH ([1-5]|LAST) ([A-Z]+) (\\d\\d)");
  private static final Pattern ON_OR_BEFORE =
      Pattern.compile("ON-OR-BEFORE (\\d\\d)-(\\d\\d) ([A-Z]+)");
  private static final Pattern EASTER = Pattern.compile("EASTER ([+-]?\\d{1,2})");
  private static final Pattern DATE = Pattern.compile("DATE (\\d{4}-\\d\\d-\\d\\d)");

  /**
   * @throws IllegalArgumentException ({@code rule: ...}) saying which forms are accepted
   */
  public static HolidayRule parse(String rule) {
    String text = rule == null ? "" : rule.strip().replaceAll("\\s+", " ");
    String upper = text.toUpperCase(Locale.ROOT);
    try {
      Matcher m;
      if ((m = FIXED.matcher(upper)).matches()) {
        MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        return new HolidayRule(
            text,
            Kind.FIXED,
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            0,
            null,
            null);
      }
      if ((m = NTH.matcher(upper)).matches()) {
        int month = Month.of(Integer.parseInt(m.group(3))).getValue();
        int nth = m.group(1).equals("LAST") ? -1 : Integer.parseInt(m.group(1));
        return new HolidayRule(text, Kind.NTH, month, 0, nth, DayOfWeek.valueOf(m.group(2)), null);
      }
      if ((m = ON_OR_BEFORE.matcher(upper)).matches()) {
        MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        return new HolidayRule(
            text,
            Kind.ON_OR_BEFORE,
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            0,
            DayOfWeek.valueOf(m.group(3)),
            null);
      }
      if ((m = EASTER.matcher(upper)).matches()) {
        return new HolidayRule(text, Kind.EASTER, 0, Integer.parseInt(m.group(1)), 0, null, null);
      }
      if ((m = DATE.matcher(upper)).matches()) {
        return new HolidayRule(text, Kind.DATE, 0, 0, 0, null, LocalDate.parse(m.group(1)));
      }
    } catch (RuntimeException invalid) {
      throw new IllegalArgumentException("rule: '" + text + "' names no real date");
    }
    throw new IllegalArgumentException(
        "rule: '"
            + text
            + "' is not one of: fixed MM-DD, nth N|last WEEKDAY MM, on-or-before MM-DD WEEKDAY,"
            + " easter ±DAYS, date YYYY-MM-DD");
  }

  /** The holiday's date in {@code year}, if it falls in that year. */
  public Optional<LocalDate> dateIn(int year) {
    return switch (kind) {
      case FIXED ->
          MonthDay.of(month, day).isValidYear(year)
              ? Optional.of(LocalDate.of(year, month, day))
              : Optional.empty();
      case NTH ->
          Optional.of(
                  LocalDate.of(year, month, 1)
                      .with(
                          nth < 0
                              ? TemporalAdjusters.lastInMonth(weekday)
                              : TemporalAdjusters.dayOfWeekInMonth(nth, weekday)))
              .filter(d -> d.getMonthValue() == month);
      case ON_OR_BEFORE ->
          Optional.of(
              // 29 February in a common year: the 28th
              LocalDate.of(year, month, MonthDay.of(month, day).isValidYear(year) ? day : day - 1)
                  .with(TemporalAdjusters.previousOrSame(weekday)));
      case EASTER -> Optional.of(easterSunday(year).plusDays(day)).filter(d -> d.getYear() == year);
      case DATE -> date.getYear() == year ? Optional.of(date) : Optional.empty();
    };
  }

  /** Western Easter Sunday (the anonymous Gregorian algorithm). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }

  @Override
  public String toString() {
    return text;
  }
}
