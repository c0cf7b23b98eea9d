package org.civic311.platform.routing.application;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.civic311.platform.routing.domain.CityTime;
import org.civic311.platform.routing.domain.Holiday;
import org.civic311.platform.routing.domain.HolidayRule;
import org.civic311.platform.routing.domain.HoursOverride;
import org.civic311.platform.routing.domain.OpeningHours;
import org.civic311.platform.routing.domain.WeeklyRange;
import org.civic311.platform.routing.domain.WeeklyRange.DayTime;
import org.civic311.platform.shared.application.Rules;

/**
 * A city's hours as administrators write them and as they are stored: weekday ranges, holidays
 * (whole days, or open {@code opens}–{@code closes} only) and dated overrides: ISO 8601 date-times,
 * with an offset or in the city's local time ({@link CityTime}), shown with the city's offset.
 */
@JsonbPropertyOrder({"timeZone", "weekly", "holidays", "overrides"})
public record HoursDocument(
    @jakarta.json.bind.annotation.JsonbProperty("time_zone") String timeZone,
    List<Range> weekly,
    List<Day> holidays,
    List<Override> overrides) {

  /** The same document, stating the time zone it is read in. */
  public HoursDocument inZone(java.time.ZoneId zone) {
    return new HoursDocument(zone.getId(), weekly, holidays, overrides);
  }

  /** One weekday range, e.g. {@code MONDAY 08:00–16:30}. */
  @JsonbPropertyOrder({"day", "opens", "closes"})
  public record Range(String day, String opens, String closes) {}

  /** One holiday; {@code opens}/{@code closes} only for a partial day. */
  @JsonbPropertyOrder({"name", "rule", "opens", "closes"})
  public record Day(String name, String rule, String opens, String closes) {}

  /** One dated override. */
  @JsonbPropertyOrder({"from", "until", "open", "message"})
  public record Override(String from, String until, Boolean open, String message) {}

  /**
   * The hours this document describes in {@code zone}.
   *
   * @throws IllegalArgumentException naming the entry and field ({@code weekly[1].closes: ...})
   */
  public OpeningHours toHours(ZoneId zone) {
    List<WeeklyRange> ranges = ranges("weekly", weekly);
    List<Holiday> days = new ArrayList<>();
    List<Day> h = holidays == null ? List.of() : holidays;
    for (int i = 0; i < h.size(); i++) {
      Day d = h.get(i);
      days.add(
          Rules.at(
              "holidays[" + i + "]",
              () ->
                  d == null
                      ? fail("is empty")
                      : new Holiday(
                          d.name(),
                          HolidayRule.parse(d.rule()),
                          d.opens() == null ? null : DayTime.parse("opens", d.opens()),
                          d.closes() == null ? null : DayTime.parse("closes", d.closes()))));
    }
    List<HoursOverride> exceptions = new ArrayList<>();
    List<Override> o = overrides == null ? List.of() : overrides;
    for (int i = 0; i < o.size(); i++) {
      Override x = o.get(i);
      exceptions.add(
          Rules.at(
              "overrides[" + i + "]",
              () ->
                  x == null
                      ? fail("is empty")
                      : new HoursOverride(
                          CityTime.parse("from", x.from(), zone),
                          CityTime.parse("until", x.until(), zone),
                          Boolean.TRUE.equals(x.open()),
                          x.message())));
    }
    if (ranges.size() > 100 || days.size() > 100 || exceptions.size() > 200) {
      throw new IllegalArgumentException(
          "weekly: too many entries (100 ranges, 100 holidays, 200 overrides at most)");
    }
    return new OpeningHours(zone, ranges, days, exceptions);
  }

  /** The document of {@code hours}, as it is stored and shown. */
  public static HoursDocument of(OpeningHours hours) {
    return new HoursDocument(
        null,
        rangesOf(hours.weekly()),
        hours.holidays().stream()
            .map(
                d ->
                    new Day(
                        d.name(),
                        d.rule().text(),
                        d.partial() ? d.opens().toString() : null,
                        d.partial() ? d.closes().toString() : null))
            .toList(),
        hours.overrides().stream()
            .map(
                x ->
                    new Override(
                        CityTime.format(x.from(), hours.zone()),
                        CityTime.format(x.until(), hours.zone()),
                        x.open(),
                        x.message()))
            .toList());
  }

  /**
   * Weekly ranges as written, each error named {@code field[i].…}.
   *
   * @throws IllegalArgumentException naming the range and field
   */
  static List<WeeklyRange> ranges(String field, List<Range> written) {
    List<WeeklyRange> ranges = new ArrayList<>();
    List<Range> w = written == null ? List.of() : written;
    if (w.size() > 100) {
      throw new IllegalArgumentException(field + ": at most 100 ranges");
    }
    for (int i = 0; i < w.size(); i++) {
      Range r = w.get(i);
      ranges.add(
          Rules.at(
              field + "[" + i + "]",
              () ->
                  r == null
                      ? fail("is empty")
                      : WeeklyRange.of(day(r.day()), r.opens(), r.closes())));
    }
    return ranges;
  }

  /** Weekly ranges as they are stored and shown. */
  static List<Range> rangesOf(List<WeeklyRange> ranges) {
    return ranges.stream()
        .map(r -> new Range(r.day().name(), r.opens().toString(), r.closes().toString()))
        .toList();
  }

  private static <T> T fail(String message) {
    throw new IllegalArgumentException(message);
  }

  private static DayOfWeek day(String day) {
    try {
      return DayOfWeek.valueOf(day == null ? "" : day.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("day: '" + day + "' is not a weekday like MONDAY");
    }
  }
}
