package org.civic311.platform.routing.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.routing.domain.CallPlan;
import org.civic311.platform.routing.domain.CityTime;
import org.civic311.platform.routing.domain.EntryPoint;
import org.civic311.platform.routing.domain.OpeningHours;
import org.civic311.platform.routing.domain.PhoneNumber;
import org.civic311.platform.routing.domain.PhoneRoutingRepository;
import org.civic311.platform.routing.domain.PhoneRoutingSchedule;
import org.civic311.platform.shared.application.AuditLog;
import org.civic311.platform.shared.application.TenantTransactional;
import org.civic311.platform.tenancy.application.PhoneDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The current city's phone routing: its entry points, and what a call to one of them gets at a
 * moment (the 911 prompt, greetings, the language menu, the queue, forwarding, voicemail or the
 * after-hours trouble line), decided from the city's hours.
 */
@ApplicationScoped
public class PhoneRoutingService {
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject PhoneRoutingRepository routing;
  @Inject PhoneDirectory directory;
  @Inject HoursService hours;
  @Inject AuditLog audit;
  @Inject CatalogueService catalogue;
  @Inject Clock clock;

  /** Where numbers typed without a country code are read (ISO 3166, e.g. CA). */
  @Inject
  @ConfigProperty(name = "civic311.routing.default-region", defaultValue = "CA")
  String region;

  /** What a call gets: the entry point, whether the city is open, and the steps. */
  public record Decision(EntryPoint entryPoint, boolean open, List<CallPlan.Step> steps) {}

  /** A decision as the administrator's console shows it: each step a small map. */
  @jakarta.json.bind.annotation.JsonbPropertyOrder({"number", "label", "open", "steps"})
  public record DecisionSummary(
      String number,
      String label,
      String caller,
      boolean open,
      List<java.util.Map<String, Object>> steps) {}

  /**
   * {@link #decide}, described for people. {@code caller} (optional, as typed) is the caller's
   * number: it does not change the route, and is given back in E.164 for the agent's screen pop.
   *
   * @throws IllegalArgumentException ({@code caller: ...}) when the caller's number is not valid
   */
  @TenantTransactional
  public DecisionSummary describe(
      String dialled, String caller, Instant at, Optional<String> locale) {
    String callerE164 = caller == null || caller.isBlank() ? null : normalise("caller", caller);
    Decision d = decide(dialled, at, locale);
    return new DecisionSummary(
        d.entryPoint().number().e164(),
        d.entryPoint().label(),
        callerE164,
        d.open(),
        d.steps().stream().map(PhoneRoutingService::step).toList());
  }

  @TenantTransactional
  public List<EntryPoint> entryPoints() {
    return routing
        .find()
        .map(s -> JSON.fromJson(s.document(), PhoneRoutingDocument.class).toEntryPoints(region))
        .orElse(List.of());
  }

  /**
   * Replaces the city's entry points; each number must be one the operator assigned to the city.
   *
   * @throws IllegalArgumentException naming the entry and field, or a number of another city
   */
  @TenantTransactional
  public PhoneRoutingDocument replace(PhoneRoutingDocument document, String actor) {
    if (document == null) {
      throw new IllegalArgumentException("entry_points: a list of entry points is required");
    }
    List<EntryPoint> points = document.toEntryPoints(region);
    for (int i = 0; i < points.size(); i++) {
      for (EntryPoint.UrgentOption u : points.get(i).urgent()) {
        if (catalogue.byCode(u.category()).filter(c -> c.active()).isEmpty()) {
          throw new IllegalArgumentException(
              "entry_points["
                  + i
                  + "].urgent: '"
                  + u.category()
                  + "' is not in this city's catalogue");
        }
      }
    }
    PhoneRoutingDocument normalised = PhoneRoutingDocument.of(points);
    String after = JSON.toJson(normalised);
    Optional<PhoneRoutingSchedule> existing = routing.find();
    String before = existing.map(PhoneRoutingSchedule::document).orElse(null);
    directory.requireAssigned(
        points.stream().map(p -> p.number().e164()).collect(Collectors.toSet()));
    if (existing.isPresent()) {
      existing.get().replace(after, actor, clock);
    } else {
      routing.add(PhoneRoutingSchedule.create(after, actor, clock));
    }
    audit.record("phone-routing", actor, before, after);
    return normalised;
  }

  /**
   * What a call to {@code dialled} gets at {@code at}; {@code locale} once the caller chose a
   * language (empty for a new call).
   *
   * @throws IllegalArgumentException ({@code number: ...}) when the city has no such entry point
   */
  @TenantTransactional
  public Decision decide(String dialled, Instant at, Optional<String> locale) {
    PhoneNumber number = PhoneNumber.parse("number", dialled, region);
    EntryPoint entry =
        entryPoints().stream()
            .filter(p -> p.number().equals(number))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "number: " + number + " is not one of this city's entry points"));
    Optional<OpeningHours> cityHours =
        entry.hours().isEmpty() ? hours.cityHours() : Optional.of(hours.lineHours(entry.hours()));
    // a city that has not set its hours is treated as open: calls reach the queue
    OpeningHours.Status status =
        cityHours
            .map(h -> h.at(at))
            .orElse(
                new OpeningHours.Status(
                    true, Optional.empty(), Optional.empty(), Optional.empty()));
    Optional<String> chosen = locale.filter(entry.greetings()::containsKey);
    return new Decision(
        entry, status.open(), CallPlan.plan(entry, status.open(), status.message(), chosen));
  }

  @TenantTransactional
  public Optional<PhoneRoutingDocument> document() {
    return routing.find().map(s -> JSON.fromJson(s.document(), PhoneRoutingDocument.class));
  }

  /**
   * A number as E.164, read in the deployment's default region.
   *
   * @throws IllegalArgumentException ({@code field: ...}) when it is not a valid number
   */
  public String normalise(String field, String number) {
    return PhoneNumber.parse(field, number, region).e164();
  }

  public Instant now() {
    return clock.instant();
  }

  /**
   * The instant {@code at} means in the current city: blank is now; a time without an offset is the
   * city's local time ({@link CityTime}).
   *
   * @throws IllegalArgumentException ({@code at: ...}) when it is not a date-time
   */
  @TenantTransactional
  public Instant at(String at) {
    return at == null || at.isBlank() ? now() : CityTime.parse("at", at, hours.zone());
  }

  private static java.util.Map<String, Object> step(CallPlan.Step step) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    if (step instanceof CallPlan.EmergencyPrompt p) {
      m.put("step", "emergency_prompt");
      m.put("locale", p.locale());
    } else if (step instanceof CallPlan.Say s) {
      m.put("step", "say");
      m.put("text", s.text());
      m.put("locale", s.locale());
    } else if (step instanceof CallPlan.Closed c) {
      m.put("step", "closed_message");
      m.put("text", c.message());
    } else if (step instanceof CallPlan.LanguageMenu l) {
      m.put("step", "language_menu");
      m.put("locales", l.locales());
    } else if (step instanceof CallPlan.UrgentMenu u) {
      m.put("step", "urgent_menu");
      m.put("categories", u.options().stream().map(o -> o.category()).toList());
    } else if (step instanceof CallPlan.Enqueue q) {
      m.put("step", "queue");
      m.put("queue", q.queue());
    } else if (step instanceof CallPlan.Dial d) {
      m.put("step", "forward");
      m.put("number", d.number().e164());
    } else if (step instanceof CallPlan.Voicemail v) {
      m.put("step", "voicemail");
    }
    return m;
  }
}
