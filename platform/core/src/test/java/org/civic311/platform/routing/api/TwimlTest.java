package org.civic311.platform.routing.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.civic311.platform.routing.domain.CallPlan;
import org.civic311.platform.routing.domain.CallPlanTest;
import org.junit.jupiter.api.Test;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/** The TwiML each case produces, compared with the expected XML (whitespace aside). */
class TwimlTest {

  private static void assertSameXml(String actual, String expected) {
    Diff diff =
        DiffBuilder.compare(expected).withTest(actual).ignoreWhitespace().checkForSimilar().build();
    assertThat(diff.hasDifferences())
        .as("%s%nvs expected%n%s%n%s", actual, expected, diff)
        .isFalse();
  }

  @Test
  void inHours() {
    assertSameXml(
        Twiml.of(
            CallPlan.plan(CallPlanTest.lethbridge311(), true, Optional.empty(), Optional.empty())),
        """
        <Response>
          <Say language="en-CA">If this is an emergency, hang up and dial 9-1-1.</Say>
          <Say language="en-CA">Thank you for calling the City of Lethbridge 311.</Say>
          <Enqueue>lethbridge-311</Enqueue>
        </Response>""");
  }

  @Test
  void afterHoursTroubleLine() {
    assertSameXml(
        Twiml.of(
            CallPlan.plan(
                CallPlanTest.lethbridge311(),
                false,
                Optional.of("Closed today."),
                Optional.empty())),
        """
        <Response>
          <Say language="en-CA">If this is an emergency, hang up and dial 9-1-1.</Say>
          <Say language="en-CA">Thank you for calling the City of Lethbridge 311.</Say>
          <Say language="en-CA">Closed today.</Say>
          <Gather action="/api/v1/voice/urgent?lang=en" method="POST" numDigits="1" timeout="6">
            <Say language="en-CA">For a water main break, press 1.</Say>
            <Say language="en-CA">For a sewer backup, press 2.</Say>
          </Gather>
          <Say language="en-CA">For anything else, please call back during business hours or use the online portal.</Say>
          <Hangup/>
        </Response>""");
    assertSameXml(
        Twiml.connect(CallPlanTest.ON_CALL, "en"),
        """
        <Response>
          <Say language="en-CA">Connecting you now.</Say>
          <Dial><Number>+14035550199</Number></Dial>
        </Response>""");
  }

  @Test
  void the911PromptThenTheLanguageMenu() {
    assertSameXml(
        Twiml.of(
            CallPlan.plan(CallPlanTest.calgary311(), true, Optional.empty(), Optional.empty())),
        """
        <Response>
          <Say language="en-CA">If this is an emergency, hang up and dial 9-1-1.</Say>
          <Gather action="/api/v1/voice/language" method="POST" numDigits="1" timeout="5">
            <Say language="en-CA">For English, press 1.</Say>
            <Say language="fr-CA">Pour le français, appuyez sur le 2.</Say>
          </Gather>
          <Redirect method="POST">/api/v1/voice/language?Digits=1</Redirect>
        </Response>""");
  }
}
