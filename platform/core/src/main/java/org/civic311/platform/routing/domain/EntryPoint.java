package org.civic311.platform.routing.domain;

import java.util.List;
import java.util.Map;

/**
 * One way residents call the city: the number the telephony provider delivers the call to (the 311
 * short code inside city limits arrives on such a number too), what callers hear and where the call
 * goes in and out of hours.
 *
 * @param number the number that receives the calls, E.164
 * @param shortCode what residents dial instead, such as {@code 311} (a label), or null
 * @param kind {@code main}, {@code outside}, {@code tty} or {@code after_hours}
 * @param emergencyPrompt whether the 911 prompt plays first
 * @param greetings what the caller hears, per locale ({@code en}, {@code fr})
 * @param languages the language menu's locales, in menu order; fewer than two means no menu
 * @param inHours what happens while the city is open
 * @param outOfHours what happens while it is closed
 * @param urgent the urgent categories an after-hours trouble line takes (menu order)
 * @param hours the line's own weekly hours (a TTY line staffed fewer hours, say), or empty for the
 *     city's; the city's time zone, holidays and overrides apply to every line
 */
public record EntryPoint(
    PhoneNumber number,
    String shortCode,
    String kind,
    String label,
    boolean emergencyPrompt,
    Map<String, String> greetings,
    List<String> languages,
    CallAction inHours,
    CallAction outOfHours,
    List<UrgentOption> urgent,
    List<WeeklyRange> hours) {

  public static final List<String> KINDS = List.of("main", "outside", "tty", "after_hours");

  /** An entry point that keeps the city's hours. */
  public EntryPoint(
      PhoneNumber number,
      String shortCode,
      String kind,
      String label,
      boolean emergencyPrompt,
      Map<String, String> greetings,
      List<String> languages,
      CallAction inHours,
      CallAction outOfHours,
      List<UrgentOption> urgent) {
    this(
        number,
        shortCode,
        kind,
        label,
        emergencyPrompt,
        greetings,
        languages,
        inHours,
        outOfHours,
        urgent,
        List.of());
  }

  /** The languages the menus speak. */
  public static final List<String> LOCALES = List.of("en", "fr", "es");

  public EntryPoint {
    if (number == null) {
      throw new IllegalArgumentException("number: is required");
    }
    if (shortCode != null && !shortCode.matches("\\d{3,6}")) {
      throw new IllegalArgumentException("short_code: '" + shortCode + "' is not 3 to 6 digits");
    }
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("kind: '" + kind + "' is not one of " + KINDS);
    }
    if (greetings != null
        && greetings.entrySet().stream()
            .anyMatch(
                e ->
                    !LOCALES.contains(e.getKey())
                        || e.getValue() == null
                        || e.getValue().isBlank())) {
      throw new IllegalArgumentException(
          "greetings: each greeting needs a locale of " + LOCALES + " and a text");
    }
    if (languages != null && languages.stream().anyMatch(l -> l == null || !LOCALES.contains(l))) {
      throw new IllegalArgumentException("languages: each must be one of " + LOCALES);
    }
    greetings = Map.copyOf(greetings == null ? Map.of() : greetings);
    languages = List.copyOf(languages == null ? List.of() : languages);
    for (String locale : languages) {
      if (!greetings.containsKey(locale)) {
        throw new IllegalArgumentException(
            "greetings: the language menu offers '" + locale + "' but has no greeting in it");
      }
    }
    if (inHours == null || outOfHours == null) {
      throw new IllegalArgumentException("in_hours: and out_of_hours are both required");
    }
    if (urgent != null && urgent.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("urgent: an entry is empty");
    }
    urgent = List.copyOf(urgent == null ? List.of() : urgent);
    if (hours != null && hours.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("hours: an entry is empty");
    }
    hours = List.copyOf(hours == null ? List.of() : hours);
    for (int i = 0; i < hours.size(); i++) {
      for (int j = i + 1; j < hours.size(); j++) {
        if (hours.get(i).overlaps(hours.get(j))) {
          throw new IllegalArgumentException(
              "hours[" + j + "]: overlaps hours[" + i + "] on " + hours.get(j).day());
        }
      }
    }
    boolean troubleLine =
        inHours.kind() == CallAction.Kind.TROUBLE_LINE
            || outOfHours.kind() == CallAction.Kind.TROUBLE_LINE;
    if (troubleLine && urgent.isEmpty()) {
      throw new IllegalArgumentException(
          "urgent: a trouble line needs the urgent categories it takes");
    }
    if (urgent.size() > 9) {
      throw new IllegalArgumentException("urgent: at most 9 (one key each)");
    }
  }

  /** An urgent category the trouble line takes, as the menu says it. */
  public record UrgentOption(String category, String label) {
    public UrgentOption {
      if (category == null || category.isBlank() || label == null || label.isBlank()) {
        throw new IllegalArgumentException("urgent: each needs a category and a label");
      }
    }
  }
}
