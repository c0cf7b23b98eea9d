package org.civic311.platform.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

public class CallPlanTest {
  public static final PhoneNumber ON_CALL = PhoneNumber.parse("forward_to", "403-555-0199", "CA");

  public static EntryPoint lethbridge311() {
    return new EntryPoint(
        PhoneNumber.parse("number", "403-320-3001", "CA"),
        "311",
        "main",
        "311 and 403-320-3001",
        true,
        Map.of("en", "Thank you for calling the City of Lethbridge 311."),
        List.of("en"),
        new CallAction(CallAction.Kind.QUEUE, "lethbridge-311", null),
        new CallAction(CallAction.Kind.TROUBLE_LINE, null, ON_CALL),
        List.of(
            new EntryPoint.UrgentOption("water-main-break", "a water main break"),
            new EntryPoint.UrgentOption("sewer-backup", "a sewer backup")));
  }

  public static EntryPoint calgary311() {
    return new EntryPoint(
        PhoneNumber.parse("number", "+1 403 268 2489", "CA"),
        "311",
        "main",
        "Calgary 311",
        true,
        Map.of("en", "Thank you for calling.", "fr", "Merci d'avoir appelé."),
        List.of("en", "fr"),
        new CallAction(CallAction.Kind.QUEUE, "calgary-311", null),
        new CallAction(CallAction.Kind.VOICEMAIL, null, null),
        List.of());
  }

  @Test
  void numbersAreNormalisedToE164() {
    assertThat(PhoneNumber.parse("number", "(403) 320-3001", "CA").e164())
        .isEqualTo("+14033203001");
    assertThatThrownBy(() -> PhoneNumber.parse("number", "12", "CA"))
        .hasMessageStartingWith("number:");
    assertThatThrownBy(() -> PhoneNumber.parse("number", "call me", "CA"))
        .hasMessageStartingWith("number:");
  }

  @Test
  void inHoursTheCallerHearsThe911PromptTheGreetingAndJoinsTheQueue() {
    assertThat(CallPlan.plan(lethbridge311(), true, Optional.empty(), Optional.empty()))
        .containsExactly(
            new CallPlan.EmergencyPrompt("en"),
            new CallPlan.Say("Thank you for calling the City of Lethbridge 311.", "en"),
            new CallPlan.Enqueue("lethbridge-311"));
  }

  @Test
  void afterHoursTheTroubleLineOffersOnlyUrgentCategoriesAndSaysWhyItIsClosed() {
    assertThat(
            CallPlan.plan(
                lethbridge311(), false, Optional.of("Closed for the holiday."), Optional.empty()))
        .containsExactly(
            new CallPlan.EmergencyPrompt("en"),
            new CallPlan.Say("Thank you for calling the City of Lethbridge 311.", "en"),
            new CallPlan.Closed("Closed for the holiday.", "en"),
            new CallPlan.UrgentMenu(lethbridge311().urgent(), "en"));
  }

  @Test
  void aLanguageMenuComesAfterThe911PromptAndTheRestFollowsTheChoice() {
    assertThat(CallPlan.plan(calgary311(), true, Optional.empty(), Optional.empty()))
        .containsExactly(
            new CallPlan.EmergencyPrompt("en"), new CallPlan.LanguageMenu(List.of("en", "fr")));
    assertThat(CallPlan.plan(calgary311(), true, Optional.empty(), Optional.of("fr")))
        .containsExactly(
            new CallPlan.Say("Merci d'avoir appelé.", "fr"), new CallPlan.Enqueue("calgary-311"));
  }

  private static final CallAction VOICEMAIL = new CallAction(CallAction.Kind.VOICEMAIL, null, null);

  /** An entry point that differs from a plain voicemail line only where a test says. */
  private static EntryPoint line(
      String shortCode,
      Map<String, String> greetings,
      List<String> languages,
      CallAction outOfHours) {
    return new EntryPoint(
        ON_CALL,
        shortCode,
        "main",
        "x",
        false,
        greetings,
        languages,
        VOICEMAIL,
        outOfHours,
        List.of());
  }

  @Test
  void entryPointsRefuseWhatCannotWork() {
    assertThatThrownBy(() -> line(null, Map.of(), List.of("en", "fr"), VOICEMAIL))
        .hasMessageStartingWith("greetings:");
    assertThatThrownBy(
            () ->
                line(
                    null,
                    Map.of(),
                    List.of(),
                    new CallAction(CallAction.Kind.TROUBLE_LINE, null, ON_CALL)))
        .hasMessageStartingWith("urgent:");
    assertThatThrownBy(
            () -> line(null, java.util.Collections.singletonMap("en", null), List.of(), VOICEMAIL))
        .hasMessageStartingWith("greetings:");
    assertThatThrownBy(() -> line(null, Map.of("xx", "?"), List.of(), VOICEMAIL))
        .hasMessageStartingWith("greetings:");
    assertThatThrownBy(() -> new CallAction(CallAction.Kind.FORWARD, null, null))
        .hasMessageStartingWith("forward_to:");
    assertThatThrownBy(() -> line("9-1-1", Map.of(), List.of(), VOICEMAIL))
        .hasMessageStartingWith("short_code:");
  }
}
