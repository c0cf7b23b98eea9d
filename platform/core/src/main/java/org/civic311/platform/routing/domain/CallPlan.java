package org.civic311.platform.routing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a caller gets from an entry point at one moment: the steps in order. The first call of a
 * conversation plans from the top; after the language menu, the plan continues in the chosen
 * locale; after the trouble-line menu, with the chosen urgent category.
 */
public final class CallPlan {
  private CallPlan() {}

  /** One step of what the caller hears or where the call goes. */
  public sealed interface Step {}

  /** "If this is an emergency, hang up and dial 9-1-1." */
  public record EmergencyPrompt(String locale) implements Step {}

  public record Say(String text, String locale) implements Step {}

  /** "For English press 1, pour le français appuyez sur 2." */
  public record LanguageMenu(List<String> locales) implements Step {}

  /** The after-hours menu of urgent categories, one key each. */
  public record UrgentMenu(List<EntryPoint.UrgentOption> options, String locale) implements Step {}

  /** A message played while the city is closed (an override's message, say). */
  public record Closed(String message, String locale) implements Step {}

  public record Enqueue(String queue) implements Step {}

  public record Dial(PhoneNumber number) implements Step {}

  public record Voicemail(String locale) implements Step {}

  /**
   * The steps for a new call to {@code entry}, or (when {@code locale} is chosen) for the rest of
   * it, with the city {@code open} or not and the {@code message} of an override in force.
   */
  public static List<Step> plan(
      EntryPoint entry, boolean open, Optional<String> message, Optional<String> locale) {
    List<Step> steps = new ArrayList<>();
    String first =
        entry.languages().isEmpty()
            ? entry.greetings().keySet().stream().sorted().findFirst().orElse("en")
            : entry.languages().get(0);
    if (locale.isEmpty()) {
      if (entry.emergencyPrompt()) {
        steps.add(new EmergencyPrompt(first));
      }
      if (entry.languages().size() > 1) {
        steps.add(new LanguageMenu(entry.languages()));
        return steps; // the rest follows the caller's choice
      }
    }
    String lang = locale.orElse(first);
    String greeting = entry.greetings().get(lang);
    if (greeting != null) {
      steps.add(new Say(greeting, lang));
    }
    CallAction action = open ? entry.inHours() : entry.outOfHours();
    if (!open) {
      message.ifPresent(m -> steps.add(new Closed(m, lang)));
    }
    switch (action.kind()) {
      case QUEUE -> steps.add(new Enqueue(action.queue()));
      case FORWARD -> steps.add(new Dial(action.forwardTo()));
      case VOICEMAIL -> steps.add(new Voicemail(lang));
      case TROUBLE_LINE -> steps.add(new UrgentMenu(entry.urgent(), lang));
    }
    return steps;
  }
}
