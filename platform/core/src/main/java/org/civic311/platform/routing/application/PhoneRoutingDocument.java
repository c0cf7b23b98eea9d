package org.civic311.platform.routing.application;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.civic311.platform.routing.domain.CallAction;
import org.civic311.platform.routing.domain.EntryPoint;
import org.civic311.platform.routing.domain.PhoneNumber;
import org.civic311.platform.shared.application.Rules;

/** A city's phone entry points as administrators write them and as they are stored. */
public record PhoneRoutingDocument(@JsonbProperty("entry_points") List<Entry> entryPoints) {

  /** One entry point. Numbers may be typed nationally ({@code 403-320-3001}) or in E.164. */
  @JsonbPropertyOrder({
    "number",
    "shortCode",
    "kind",
    "label",
    "emergencyPrompt",
    "greetings",
    "languages",
    "inHours",
    "outOfHours",
    "urgent",
    "hours"
  })
  public record Entry(
      String number,
      @JsonbProperty("short_code") String shortCode,
      String kind,
      String label,
      @JsonbProperty("emergency_prompt") Boolean emergencyPrompt,
      Map<String, String> greetings,
      List<String> languages,
      @JsonbProperty("in_hours") Action inHours,
      @JsonbProperty("out_of_hours") Action outOfHours,
      List<Urgent> urgent,
      List<HoursDocument.Range> hours) {}

  /** Where the call goes. */
  @JsonbPropertyOrder({"action", "queue", "forwardTo"})
  public record Action(
      String action, String queue, @JsonbProperty("forward_to") String forwardTo) {}

  /** An urgent category of a trouble line. */
  @JsonbPropertyOrder({"category", "label"})
  public record Urgent(String category, String label) {}

  /**
   * The entry points this document describes, numbers read in {@code region}.
   *
   * @throws IllegalArgumentException naming the entry and field ({@code entry_points[1].number})
   */
  public List<EntryPoint> toEntryPoints(String region) {
    List<Entry> entries = entryPoints == null ? List.of() : entryPoints;
    if (entries.size() > 50) {
      throw new IllegalArgumentException("entry_points: at most 50");
    }
    List<EntryPoint> result = new ArrayList<>();
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      String where = "entry_points[" + i + "]";
      EntryPoint point = Rules.at(where, () -> build(e, region));
      if (!numbers.add(point.number().e164())) {
        throw new IllegalArgumentException(
            where + ".number: " + point.number() + " is listed twice");
      }
      result.add(point);
    }
    return result;
  }

  private static EntryPoint build(Entry e, String region) {
    if (e == null) {
      throw new IllegalArgumentException("is empty");
    }
    return new EntryPoint(
        PhoneNumber.parse("number", e.number(), region),
        e.shortCode() == null || e.shortCode().isBlank() ? null : e.shortCode().strip(),
        e.kind() == null ? null : e.kind().strip().toLowerCase(Locale.ROOT),
        e.label(),
        Boolean.TRUE.equals(e.emergencyPrompt()),
        e.greetings(),
        e.languages(),
        action("in_hours", e.inHours(), region),
        action("out_of_hours", e.outOfHours(), region),
        e.urgent() == null
            ? List.of()
            : e.urgent().stream()
                .map(u -> u == null ? null : new EntryPoint.UrgentOption(u.category(), u.label()))
                .toList(),
        HoursDocument.ranges("hours", e.hours()));
  }

  private static CallAction action(String field, Action a, String region) {
    if (a == null) {
      return null;
    }
    CallAction.Kind kind;
    try {
      kind =
          CallAction.Kind.valueOf(
              a.action() == null ? "" : a.action().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException(
          field + ": '" + a.action() + "' is not one of queue, forward, voicemail, trouble_line");
    }
    try {
      return new CallAction(
          kind,
          a.queue(),
          a.forwardTo() == null ? null : PhoneNumber.parse("forward_to", a.forwardTo(), region));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + "." + e.getMessage(), e);
    }
  }

  /** The document of {@code points}, as stored and shown (numbers in E.164). */
  public static PhoneRoutingDocument of(List<EntryPoint> points) {
    return new PhoneRoutingDocument(
        points.stream()
            .map(
                p ->
                    new Entry(
                        p.number().e164(),
                        p.shortCode(),
                        p.kind(),
                        p.label(),
                        p.emergencyPrompt(),
                        p.greetings(),
                        p.languages(),
                        action(p.inHours()),
                        action(p.outOfHours()),
                        p.urgent().stream().map(u -> new Urgent(u.category(), u.label())).toList(),
                        p.hours().isEmpty() ? null : HoursDocument.rangesOf(p.hours())))
            .toList());
  }

  private static Action action(CallAction a) {
    return new Action(
        a.kind().name().toLowerCase(Locale.ROOT),
        a.queue(),
        a.forwardTo() == null ? null : a.forwardTo().e164());
  }
}
