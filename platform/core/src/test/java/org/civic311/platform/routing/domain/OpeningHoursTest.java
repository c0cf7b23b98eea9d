package org.civic311.platform.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.civic311.platform.routing.domain.WeeklyRange.DayTime;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {
  private static final ZoneId EDMONTON = ZoneId.of("America/Edmonton");

  /** Lethbridge: weekdays 08:00–16:30, the usual Alberta holidays, Christmas Eve mornings. */
  static OpeningHours lethbridge(List<HoursOverride> overrides) {
    List<WeeklyRange> weekly = new ArrayList<>();
    for (DayOfWeek d :
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
      weekly.add(WeeklyRange.of(d, "08:00", "16:30"));
    }
    List<Holiday> holidays =
        List.of(
            new Holiday("Christmas Day", HolidayRule.parse("fixed 12-25"), null, null),
            new Holiday("Boxing Day", HolidayRule.parse("fixed 12-26"), null, null),
            new Holiday(
                "Christmas Eve",
                HolidayRule.parse("fixed 12-24"),
                DayTime.parse("opens", "08:00"),
                DayTime.parse("closes", "12:00")),
            new Holiday("Labour Day", HolidayRule.parse("nth 1 MONDAY 09"), null, null),
            new Holiday("Victoria Day", HolidayRule.parse("on-or-before 05-24 MONDAY"), null, null),
            new Holiday("Good Friday", HolidayRule.parse("easter -2"), null, null));
    return new OpeningHours(EDMONTON, weekly, holidays, overrides);
  }

  private static Instant local(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(EDMONTON).toInstant();
  }

  @Test
  void aWeekdayMorningIsOpenUntilHalfPastFour() {
    OpeningHours.Status s = lethbridge(List.of()).at(local("2026-11-25T10:00"));
    assertThat(s.open()).isTrue();
    assertThat(s.until()).contains(local("2026-11-25T16:30"));
    assertThat(s.message()).isEmpty();
  }

  @Test
  void fridayEveningIsClosedUntilMondayMorning() {
    OpeningHours.Status s = lethbridge(List.of()).at(local("2026-11-27T17:00"));
    assertThat(s.open()).isFalse();
    assertThat(s.until()).contains(local("2026-11-30T08:00"));
  }

  @Test
  void holidaysCloseTheDayAndAPartialDayOpensOnlyItsMorning() {
    OpeningHours hours = lethbridge(List.of());
    // Thursday 24 Dec 2026: mornings only; Friday 25 and Saturday 26 closed
    assertThat(hours.at(local("2026-12-24T11:00")).until()).contains(local("2026-12-24T12:00"));
    OpeningHours.Status afternoon = hours.at(local("2026-12-24T13:00"));
    assertThat(afternoon.open()).isFalse();
    assertThat(afternoon.until()).contains(local("2026-12-28T08:00"));
    assertThat(hours.at(local("2026-12-25T10:00")).holiday().map(Holiday::name))
        .contains("Christmas Day");
  }

  @Test
  void rulesFindTheirDates() {
    assertThat(HolidayRule.parse("nth 1 MONDAY 09").dateIn(2026))
        .contains(LocalDate.of(2026, 9, 7));
    assertThat(HolidayRule.parse("nth last MONDAY 05").dateIn(2027))
        .contains(LocalDate.of(2027, 5, 31));
    assertThat(HolidayRule.parse("on-or-before 05-24 MONDAY").dateIn(2027))
        .contains(LocalDate.of(2027, 5, 24));
    assertThat(HolidayRule.parse("on-or-before 05-24 MONDAY").dateIn(2026))
        .contains(LocalDate.of(2026, 5, 18));
    assertThat(HolidayRule.parse("easter -2").dateIn(2027)).contains(LocalDate.of(2027, 3, 26));
    assertThat(HolidayRule.parse("Easter +1").dateIn(2026)).contains(LocalDate.of(2026, 4, 6));
    assertThat(HolidayRule.parse("fixed 02-29").dateIn(2027)).isEmpty();
    assertThat(HolidayRule.parse("date 2026-12-31").dateIn(2027)).isEmpty();
  }

  @Test
  void badRulesAndRangesNameWhatIsWrong() {
    assertThatThrownBy(() -> HolidayRule.parse("every tuesday"))
        .hasMessageStartingWith("rule:")
        .hasMessageContaining("fixed MM-DD");
    assertThatThrownBy(() -> HolidayRule.parse("fixed 02-30")).hasMessageContaining("no real date");
    assertThatThrownBy(() -> WeeklyRange.of(DayOfWeek.MONDAY, "16:30", "08:00"))
        .hasMessageStartingWith("closes:")
        .hasMessageContaining("inverted");
    assertThatThrownBy(() -> WeeklyRange.of(DayOfWeek.MONDAY, "8am", "16:00"))
        .hasMessageStartingWith("opens:");
    assertThatThrownBy(
            () ->
                new OpeningHours(
                    EDMONTON,
                    List.of(
                        WeeklyRange.of(DayOfWeek.MONDAY, "08:00", "12:00"),
                        WeeklyRange.of(DayOfWeek.MONDAY, "11:00", "16:00")),
                    List.of(),
                    List.of()))
        .hasMessageStartingWith("weekly[1]:")
        .hasMessageContaining("overlaps");
  }

  @Test
  void anEmergencyClosureWinsAndCarriesItsMessage() {
    OpeningHours hours =
        lethbridge(
            List.of(
                new HoursOverride(
                    local("2026-12-01T10:00"),
                    local("2026-12-01T14:00"),
                    false,
                    "Closed for a water main break; call 911 for emergencies.")));
    OpeningHours.Status s = hours.at(local("2026-12-01T11:00"));
    assertThat(s.open()).isFalse();
    assertThat(s.until()).contains(local("2026-12-01T14:00"));
    assertThat(s.message()).contains("Closed for a water main break; call 911 for emergencies.");
    assertThat(hours.at(local("2026-12-01T09:00")).until()).contains(local("2026-12-01T10:00"));
  }

  @Test
  void stormHoursOpenASaturday() {
    OpeningHours hours =
        lethbridge(
            List.of(
                new HoursOverride(
                    local("2026-11-28T09:00"), local("2026-11-28T15:00"), true, "Storm hours")));
    assertThat(hours.at(local("2026-11-28T10:00")).open()).isTrue();
    assertThat(hours.at(local("2026-11-28T10:00")).until()).contains(local("2026-11-28T15:00"));
  }

  @Test
  void aroundTheClockNeverChangesEvenAcrossDaylightSaving() {
    OpeningHours calgary = OpeningHours.aroundTheClock(EDMONTON);
    OpeningHours.Status springForward = calgary.at(local("2027-03-14T01:30"));
    assertThat(springForward.open()).isTrue();
    assertThat(springForward.until()).isEmpty();
    // 24 h of service level on a 25-hour fall-back day is 24 elapsed hours
    Instant start = local("2026-10-31T12:00");
    assertThat(calgary.addBusinessTime(start, Duration.ofHours(24)))
        .isEqualTo(start.plus(Duration.ofHours(24)))
        .isEqualTo(local("2026-11-01T11:00"));
  }

  @Test
  void businessHoursDueDatesSkipNightsWeekendsAndSpringForward() {
    OpeningHours hours = lethbridge(List.of());
    // Friday 12 March 2027 16:00 MST, 2 business hours: 30 min on Friday, 90 min on Monday after
    // the clocks went forward on Sunday 14 March.
    assertThat(hours.addBusinessTime(local("2027-03-12T16:00"), Duration.ofHours(2)))
        .isEqualTo(local("2027-03-15T09:30"))
        .isEqualTo(Instant.parse("2027-03-15T15:30:00Z"));
    // across fall-back (Sunday 1 Nov 2026) and from outside hours
    assertThat(hours.addBusinessTime(local("2026-10-30T20:00"), Duration.ofMinutes(510)))
        .isEqualTo(local("2026-11-02T16:30"));
    // across a holiday weekend: Good Friday 26 March 2027
    assertThat(hours.addBusinessTime(local("2027-03-25T16:00"), Duration.ofHours(1)))
        .isEqualTo(local("2027-03-29T08:30"));
  }

  @Test
  void hoursThatNeverOpenHaveNoNextChangeAndNoDueDate() {
    OpeningHours never = new OpeningHours(EDMONTON, List.of(), List.of(), List.of());
    assertThat(never.at(local("2026-11-25T10:00")).open()).isFalse();
    assertThat(never.at(local("2026-11-25T10:00")).until()).isEmpty();
    assertThatThrownBy(() -> never.addBusinessTime(local("2026-11-25T10:00"), Duration.ofHours(1)))
        .isInstanceOf(IllegalStateException.class);
  }

  /** Properties over many random instants, seeded so a failure can be replayed. */
  @Test
  void propertiesHoldAtRandomInstants() {
    Random random = new Random(311);
    OpeningHours hours =
        lethbridge(
            List.of(
                new HoursOverride(
                    local("2027-03-13T09:00"), local("2027-03-13T12:00"), true, "Storm"),
                new HoursOverride(
                    local("2027-06-02T10:00"), local("2027-06-03T10:00"), false, "Flood")));
    Instant origin = local("2026-09-01T00:00");
    for (int n = 0; n < 400; n++) {
      Instant t = origin.plusSeconds(random.nextInt(60 * 60 * 24 * 400));
      OpeningHours.Status s = hours.at(t);
      assertThat(s.open()).as("at %s", t).isEqualTo(hours.isOpen(t));
      Optional<Instant> change = s.until();
      assertThat(change).as("a weekday city always changes, at %s", t).isPresent();
      Instant mid = t.plus(Duration.between(t, change.get()).dividedBy(2));
      assertThat(hours.isOpen(mid)).as("state holds until the change, %s", t).isEqualTo(s.open());
      assertThat(hours.isOpen(change.get()))
          .as("state flips at the change, %s", t)
          .isNotEqualTo(s.open());

      Duration target = Duration.ofMinutes(1 + random.nextInt(60 * 40));
      Instant due = hours.addBusinessTime(t, target);
      assertThat(hours.openTimeBetween(t, due))
          .as("open time from %s to %s", t, due)
          .isEqualTo(target);
      assertThat(hours.isOpen(due.minusSeconds(1))).as("due while open, %s", t).isTrue();
    }
  }

  @Test
  void rulesNearTheEdgesOfTheCalendarStillFindTheirDay() {
    // 29 February in a common year falls back to the 28th instead of failing
    assertThat(HolidayRule.parse("on-or-before 02-29 MONDAY").dateIn(2027))
        .contains(LocalDate.of(2027, 2, 22));
    // a rule of 2027 that falls in December 2026 closes that December day
    OpeningHours hours =
        new OpeningHours(
            EDMONTON,
            List.of(WeeklyRange.of(DayOfWeek.MONDAY, "08:00", "16:30")),
            List.of(
                new Holiday(
                    "New Year observed",
                    HolidayRule.parse("on-or-before 01-02 MONDAY"),
                    null,
                    null)),
            List.of());
    assertThat(hours.isOpen(local("2026-12-28T10:00"))).isFalse();
    assertThat(hours.isOpen(local("2026-12-21T10:00"))).isTrue();
  }

  @Test
  void aFarAwayOpeningOverrideDoesNotPullADueDateForward() {
    OpeningHours withStormDay =
        lethbridge(
            List.of(
                new HoursOverride(
                    local("2027-03-06T10:00"), local("2027-03-06T14:00"), true, "Storm hours")));
    Instant start = local("2026-11-02T08:00");
    assertThat(withStormDay.addBusinessTime(start, Duration.ofHours(87)))
        .isEqualTo(lethbridge(List.of()).addBusinessTime(start, Duration.ofHours(87)))
        .isEqualTo(local("2026-11-16T10:00"));
  }
}
