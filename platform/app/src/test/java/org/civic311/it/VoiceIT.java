package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.PlatformIT;
import org.civic311.it.support.Voice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The voice webhook against two cities with known hours: one always open with a language menu, one
 * always closed with an after-hours trouble line. The dialled number picks the city; only signed
 * requests get TwiML.
 */
class VoiceIT extends PlatformIT {
  private static final Random RANDOM = new Random();
  private TestCity open;
  private TestCity closed;
  private String openNumber;
  private String closedNumber;

  private static String freshNumber() {
    return String.format("+1587%03d%04d", 200 + RANDOM.nextInt(700), RANDOM.nextInt(10000));
  }

  private static Map<String, Object> entry(
      String number, Map<String, Object> outOfHours, List<?> urgent, List<String> languages) {
    return Map.of(
        "number",
        number,
        "short_code",
        "311",
        "kind",
        "main",
        "label",
        "311",
        "emergency_prompt",
        true,
        "greetings",
        Map.of("en", "Thank you for calling 311.", "fr", "Merci d'avoir appelé le 311."),
        "languages",
        languages,
        "in_hours",
        Map.of("action", "queue", "queue", "test-311"),
        "out_of_hours",
        outOfHours,
        "urgent",
        urgent);
  }

  @BeforeEach
  void twoCities() throws Exception {
    open = Db.createCity("open");
    closed = Db.createCity("closed");
    Db.addCategory(closed, UUID.randomUUID(), "water-main-break", "Water main break");
    openNumber = freshNumber();
    closedNumber = freshNumber();
    assign(open, openNumber);
    assign(closed, closedNumber);
    as(open, "city-admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "weekly",
                List.of(
                        "MONDAY",
                        "TUESDAY",
                        "WEDNESDAY",
                        "THURSDAY",
                        "FRIDAY",
                        "SATURDAY",
                        "SUNDAY")
                    .stream()
                    .map(d -> Map.of("day", d, "opens", "00:00", "closes", "24:00"))
                    .toList()))
        .put("api/v1/cities/{city}/admin/hours", open.slug())
        .then()
        .statusCode(200);
    as(closed, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("weekly", List.of()))
        .put("api/v1/cities/{city}/admin/hours", closed.slug())
        .then()
        .statusCode(200);
    as(open, "city-admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "entry_points",
                List.of(
                    entry(
                        openNumber,
                        Map.of("action", "voicemail"),
                        List.of(),
                        List.of("en", "fr")))))
        .put("api/v1/cities/{city}/admin/phone-routing", open.slug())
        .then()
        .statusCode(200)
        .body("entry_points[0].number", equalTo(openNumber));
    as(closed, "city-admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "entry_points",
                List.of(
                    entry(
                        closedNumber,
                        Map.of("action", "trouble_line", "forward_to", "403-555-0199"),
                        List.of(
                            Map.of("category", "water-main-break", "label", "a water main break")),
                        List.of("en")))))
        .put("api/v1/cities/{city}/admin/phone-routing", closed.slug())
        .then()
        .statusCode(200);
  }

  /** The operator's part: the number is the city's to route. */
  private static void assign(TestCity city, String... numbers) {
    PlatformIT.as("operator")
        .contentType(ContentType.JSON)
        .body(Map.of("numbers", List.of(numbers)))
        .put("api/v1/provider/cities/{slug}/phone-numbers", city.slug())
        .then()
        .statusCode(200);
  }

  private static String root() {
    String b = PlatformIT.base().toString();
    return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
  }

  /** What a call to {@code number} of {@code city} gets at {@code at}, as the admin sees it. */
  private static io.restassured.response.ValidatableResponse decision(
      TestCity city, String number, String at) {
    return as(city, "city-admin")
        .queryParam("number", number)
        .queryParam("at", at)
        .get("api/v1/cities/{city}/admin/phone-routing/decision", city.slug())
        .then();
  }

  /** {@code city}'s administrator replaces its entry points. */
  private static io.restassured.response.ValidatableResponse route(
      TestCity city, List<Map<String, Object>> entryPoints) {
    return as(city, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("entry_points", entryPoints))
        .put("api/v1/cities/{city}/admin/phone-routing", city.slug())
        .then();
  }

  private io.restassured.response.Response call(String path, Map<String, String> form) {
    return Voice.post(api(), root(), path, form);
  }

  @Test
  void anOpenCityPromptsFor911OffersItsLanguagesAndQueuesTheCaller() {
    String first =
        call(
                "/api/v1/voice/incoming",
                Map.of("To", openNumber, "From", "+14035550100", "CallSid", "CA1"))
            .then()
            .statusCode(200)
            .contentType(containsString("xml"))
            .extract()
            .asString();
    assertThat(first)
        .contains("If this is an emergency, hang up and dial 9-1-1.")
        .contains("<Gather action=\"/api/v1/voice/language\"")
        .contains("Pour le français, appuyez sur le 2.")
        .doesNotContain("<Enqueue>");
    call("/api/v1/voice/language", Map.of("To", openNumber, "From", "+14035550100", "Digits", "2"))
        .then()
        .statusCode(200)
        .body(containsString("Merci d'avoir appelé le 311."))
        .body(containsString("<Enqueue>test-311</Enqueue>"));
  }

  @Test
  void aClosedCitysTroubleLineTakesOnlyUrgentCategoriesAndForwardsThem() {
    call("/api/v1/voice/incoming", Map.of("To", closedNumber, "From", "+14035550100"))
        .then()
        .statusCode(200)
        .body(containsString("For a water main break, press 1."))
        .body(not(containsString("<Enqueue>")));
    call("/api/v1/voice/urgent?lang=en", Map.of("To", closedNumber, "Digits", "1"))
        .then()
        .statusCode(200)
        .body(containsString("<Number>+14035550199</Number>"));
    call("/api/v1/voice/urgent?lang=en", Map.of("To", closedNumber, "Digits", "7"))
        .then()
        .statusCode(200)
        .body(containsString("call back during business hours"))
        .body(not(containsString("<Dial>")));
  }

  @Test
  void unsignedOrForgedOrUnknownCallsGetNoTwiml() {
    api()
        .contentType("application/x-www-form-urlencoded")
        .formParam("To", openNumber)
        .post("api/v1/voice/incoming")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    api()
        .header(
            "X-Twilio-Signature",
            Voice.signature(
                "not-the-token", base() + "/api/v1/voice/incoming", Map.of("To", openNumber)))
        .contentType("application/x-www-form-urlencoded")
        .formParam("To", openNumber)
        .post("api/v1/voice/incoming")
        .then()
        .statusCode(403);
    call("/api/v1/voice/incoming", Map.of("To", "+15879999999")).then().statusCode(404);
    call("/api/v1/voice/incoming", Map.of("From", "+14035550100")).then().statusCode(400);
  }

  @Test
  void aNumberBelongsToOneCityAndBadEntriesAreRefusedWhole() throws Exception {
    long audited = Db.count(closed, "audit_entry");
    as(closed, "city-admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "entry_points",
                List.of(
                    entry(openNumber, Map.of("action", "voicemail"), List.of(), List.of("en")))))
        .put("api/v1/cities/{city}/admin/phone-routing", closed.slug())
        .then()
        .statusCode(400)
        .body("detail", containsString("not assigned to this city"));
    // nor can the operator give one city's number to another
    PlatformIT.as("operator")
        .contentType(ContentType.JSON)
        .body(Map.of("numbers", List.of(openNumber)))
        .put("api/v1/provider/cities/{slug}/phone-numbers", closed.slug())
        .then()
        .statusCode(400)
        .body("detail", containsString("assigned to another city"));
    // a city administrator cannot assign numbers at all
    as(closed, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("numbers", List.of(freshNumber())))
        .put("api/v1/provider/cities/{slug}/phone-numbers", closed.slug())
        .then()
        .statusCode(403);
    as(closed, "city-admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "entry_points",
                List.of(entry("12", Map.of("action", "voicemail"), List.of(), List.of("en")))))
        .put("api/v1/cities/{city}/admin/phone-routing", closed.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("entry_points[0].number"));
    as(closed, "city-admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "entry_points",
                List.of(
                    entry(
                        closedNumber,
                        Map.of("action", "trouble_line", "forward_to", "403-555-0199"),
                        List.of(Map.of("category", "no-such-category", "label", "x")),
                        List.of("en")))))
        .put("api/v1/cities/{city}/admin/phone-routing", closed.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("entry_points[0].urgent"));
    assertThat(Db.count(closed, "audit_entry")).isEqualTo(audited);
    // the closed city still answers its own number as before; the open city keeps its own
    call("/api/v1/voice/incoming", Map.of("To", closedNumber))
        .then()
        .statusCode(200)
        .body(containsString("water main break"));
    call("/api/v1/voice/incoming", Map.of("To", openNumber))
        .then()
        .statusCode(200)
        .body(containsString("<Gather action=\"/api/v1/voice/language\""));
  }

  @Test
  void theAdministratorSeesTheDecisionForAnyMoment() {
    as(closed, "city-admin")
        .get(
            "api/v1/cities/{city}/admin/phone-routing/decision?number={n}",
            closed.slug(),
            closedNumber)
        .then()
        .statusCode(200)
        .body("open", equalTo(false))
        .body("steps.step", equalTo(List.of("emergency_prompt", "say", "urgent_menu")));
    as(open, "city-admin")
        .get(
            "api/v1/cities/{city}/admin/phone-routing/decision?number={n}&lang=fr",
            open.slug(),
            openNumber)
        .then()
        .statusCode(200)
        .body("open", equalTo(true))
        .body("steps.step", equalTo(List.of("say", "queue")));
    // the caller's number is given back in E.164 for the screen pop; a bad one is a 400
    as(open, "city-admin")
        .get(
            "api/v1/cities/{city}/admin/phone-routing/decision?number={n}&caller={c}",
            open.slug(),
            openNumber,
            "403-555-0142")
        .then()
        .statusCode(200)
        .body("caller", equalTo("+14035550142"))
        .body("open", equalTo(true));
    as(open, "city-admin")
        .get(
            "api/v1/cities/{city}/admin/phone-routing/decision?number={n}&caller={c}",
            open.slug(),
            openNumber,
            "not a number")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("caller"));
    // another city's number is not this city's entry point
    as(open, "city-admin")
        .get(
            "api/v1/cities/{city}/admin/phone-routing/decision?number={n}",
            open.slug(),
            closedNumber)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("number"));
  }

  @Test
  void aLineWithItsOwnHoursClosesOutsideThemWhileTheCityIsOpen() throws Exception {
    String tty = freshNumber();
    assign(open, openNumber, tty);
    Map<String, Object> ttyLine =
        new java.util.HashMap<>(
            entry(tty, Map.of("action", "voicemail"), List.of(), List.of("en")));
    ttyLine.put("kind", "tty");
    ttyLine.put("hours", List.of(Map.of("day", "MONDAY", "opens", "09:00", "closes", "12:00")));
    Map<String, Object> main =
        entry(openNumber, Map.of("action", "voicemail"), List.of(), List.of("en", "fr"));
    route(open, List.of(main, ttyLine))
        .statusCode(200)
        .body("entry_points[1].hours[0].opens", equalTo("09:00"))
        .body("entry_points[0].hours", equalTo(null));
    // Monday 30 November 2026 in Edmonton (UTC-7): 10:00 and 14:00
    String morning = "2026-11-30T10:00:00-07:00";
    String afternoon = "2026-11-30T14:00:00-07:00";
    decision(open, tty, morning).statusCode(200).body("open", equalTo(true));
    decision(open, tty, afternoon)
        .statusCode(200)
        .body("open", equalTo(false))
        .body("steps.step", org.hamcrest.Matchers.hasItem("voicemail"));
    // the main line keeps the city's hours (around the clock)
    decision(open, openNumber, afternoon).statusCode(200).body("open", equalTo(true));
    // city time without an offset, as the page sends it: read in the city's zone by the server
    decision(open, tty, "2026-11-30T10:00").statusCode(200).body("open", equalTo(true));
    decision(open, tty, "2026-11-30T14:00").statusCode(200).body("open", equalTo(false));
    decision(open, tty, "next monday").statusCode(400).body("errors[0].field", equalTo("at"));

    // inverted or overlapping line hours are refused, naming the entry, and change nothing
    String stored = Db.sql(open, "select document from phone_routing");
    ttyLine.put("hours", List.of(Map.of("day", "MONDAY", "opens", "12:00", "closes", "09:00")));
    route(open, List.of(main, ttyLine))
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.startsWith("entry_points[1].hours[0]"));
    ttyLine.put(
        "hours",
        List.of(
            Map.of("day", "MONDAY", "opens", "09:00", "closes", "12:00"),
            Map.of("day", "MONDAY", "opens", "11:00", "closes", "13:00")));
    route(open, List.of(main, ttyLine))
        .statusCode(400)
        .body("errors[0].field", equalTo("entry_points[1].hours[1]"));
    assertThat(Db.sql(open, "select document from phone_routing")).isEqualTo(stored);
  }

  @Test
  void theDemoCitiesAnswerTheirNumbers() {
    call("/api/v1/voice/incoming", Map.of("To", "+14032682489"))
        .then()
        .statusCode(200)
        .body(containsString("Pour le français"));
    call("/api/v1/voice/incoming", Map.of("To", "+14033203001"))
        .then()
        .statusCode(200)
        .body(containsString("City of Lethbridge 311"));
    // a line without a language menu (Lethbridge's TTY) carries on when a menu key arrives anyway
    call("/api/v1/voice/language", Map.of("To", "+14033203002", "Digits", "1"))
        .then()
        .statusCode(200)
        .body(containsString("<Response>"));
  }
}
