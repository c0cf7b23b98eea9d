package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic311.it.support.Db;
import org.civic311.it.support.Identity;
import org.civic311.it.support.Mail;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.Test;

/**
 * The provider console's first slice against the real WAR, Keycloak and PostgreSQL: onboarding from
 * the standard template in one transaction (bad input and an injected failure leave no row of the
 * city), suspension and resumption, the operator's audit log, and no city role getting in.
 */
class ProviderConsoleIT extends PlatformIT {
  private static final String CITIES = "api/v1/provider/cities";

  @Test
  void onboardsACityFromTheStandardTemplateWithItsHours() throws Exception {
    Map<String, Object> city = newCity("onboard");
    as("operator")
        .contentType(ContentType.JSON)
        .body(city)
        .post(CITIES)
        .then()
        .statusCode(201)
        .body("slug", equalTo(city.get("slug")))
        .body("status", equalTo("active"))
        .body("time_zone", equalTo("America/Regina"));
    Db.TestCity made = Db.city((String) city.get("slug"));

    assertThat(Db.count(made, "service_category")).isEqualTo(80);
    assertThat(Db.count(made, "opening_hours")).isEqualTo(1);
    assertThat(Db.sql(made, "select count(distinct groups) from service_category")).isEqualTo("8");
    assertThat(
            Db.sql(
                made, "select sla_minutes from service_category where code = 'water-main-break'"))
        .isEqualTo("120");
    assertThat(
            Db.sql(
                made,
                "select population || ' ' || contact_email from tenant where id = ?",
                made.id()))
        .isEqualTo("48000 clerk@" + made.jurisdictionId());
    // the city answers Open311 by its jurisdiction at once
    List<Object> services =
        api()
            .queryParam("jurisdiction_id", made.jurisdictionId())
            .get("open311/v2/services.json")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("service_code");
    assertThat(services).hasSize(80).contains("pothole", "missed-garbage", "property-assessment");
    // and is listed, with the action audited
    as("operator").get(CITIES).then().statusCode(200).body("slug", hasItem(made.slug()));
    List<Map<String, Object>> audit = audit(made.slug());
    assertThat(audit).extracting(e -> e.get("action")).containsExactly("city.onboard");
    assertThat(audit.get(0).get("operator")).isEqualTo("operator");
    assertThat((String) audit.get(0).get("detail")).contains("\"categories\":80");

    // its Keycloak organization, with the first administrator as a member holding city-admin
    String email = (String) city.get("admin_email");
    Map<String, Object> organization = organization(made.slug()).orElseThrow();
    assertThat(organization.get("name")).isEqualTo(city.get("display_name"));
    List<Map<String, Object>> members =
        keycloak("organizations/" + organization.get("id") + "/members");
    assertThat(members).extracting(m -> m.get("email")).containsExactly(email);
    assertThat(keycloak("users/" + members.get(0).get("id") + "/role-mappings/realm"))
        .extracting(r -> r.get("name"))
        .contains("city-admin");
    // and Keycloak's own "set your password" e-mail reached them
    jakarta.mail.internet.MimeMessage invitation = Mail.awaitTo(email, 1).get(0);
    assertThat(invitation.getSubject()).isNotBlank();
    assertThat(Mail.text(invitation) + Mail.html(invitation)).contains("action-token");
  }

  @Test
  void refusesBadInputNamingTheFieldAndLeavesNothing() throws Exception {
    Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
    cases.put("slug", with(newCity("taken"), "slug", "lethbridge"));
    cases.put("jurisdiction_id", with(newCity("taken"), "jurisdiction_id", "calgary.ca"));
    cases.put("time_zone", with(newCity("badzone"), "time_zone", "Mars/Olympus_Mons"));
    cases.put("locales", with(newCity("badlocale"), "locales", List.of("en", "not a locale")));
    cases.put("contact_email", with(newCity("bademail"), "contact_email", "nobody"));
    cases.put("catalogue", with(newCity("badcat"), "catalogue", "everything"));
    cases.put("admin_email", with(newCity("badadmin"), "admin_email", "not-an-address"));
    cases.put(
        "weekly[0].closes",
        with(
            newCity("badhours"),
            "hours",
            List.of(Map.of("day", "MONDAY", "opens", "09:00", "closes", "25:00"))));
    for (Map.Entry<String, Map<String, Object>> c : cases.entrySet()) {
      Response refused =
          as("operator").contentType(ContentType.JSON).body(c.getValue()).post(CITIES);
      int expected = c.getKey().equals("slug") || c.getKey().equals("jurisdiction_id") ? 409 : 400;
      assertThat(refused.statusCode())
          .as(c.getKey() + ": " + refused.asString())
          .isEqualTo(expected);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.jsonPath().getString("errors[0].field"))
          .as(refused.asString())
          .startsWith(c.getKey().replaceAll("\\[.*", ""));
      assertNoRowOf(c.getValue());
    }
    // the refused ones took nothing: the demo cities are as they were
    as("operator")
        .get(CITIES)
        .then()
        .body("findAll { it.slug == 'lethbridge' }.size()", equalTo(1));
  }

  @Test
  void aFailureMidwayLeavesNoRowOfTheCityAndARetrySucceeds() throws Exception {
    // the deployment's test hook fails the first onboarding of a "failonce-" slug just before
    // commit, after the city, its 80 categories, its hours and the audit entry were written
    Map<String, Object> city = newCity("failonce");
    Response failed = as("operator").contentType(ContentType.JSON).body(city).post(CITIES);
    assertThat(failed.statusCode()).as(failed.asString()).isEqualTo(500);
    assertNoRowOf(city);
    api()
        .queryParam("jurisdiction_id", city.get("jurisdiction_id"))
        .get("open311/v2/services.json")
        .then()
        .statusCode(404);

    // nor anything in Keycloak: the organization and the user made before the failure are gone
    assertThat(organization((String) city.get("slug"))).isEmpty();
    assertThat(keycloak("users?exact=true&email=" + city.get("admin_email"))).isEmpty();

    as("operator").contentType(ContentType.JSON).body(city).post(CITIES).then().statusCode(201);
    Db.TestCity made = Db.city((String) city.get("slug"));
    assertThat(organization(made.slug())).isPresent();
    assertThat(keycloak("users?exact=true&email=" + city.get("admin_email"))).hasSize(1);
    assertThat(Db.count(made, "service_category")).isEqualTo(80);
    assertThat(Db.count(made, "opening_hours")).isEqualTo(1);
    assertThat(audit(made.slug())).hasSize(1);
  }

  @Test
  void aSuspendedCityAnswersNothingKeepsItsDataAndResumes() throws Exception {
    Db.TestCity city = Db.createCity("suspend");
    Db.addCategory(city, UUID.randomUUID(), "pothole", "Pothole");
    String id =
        api()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "service_code",
                    "pothole",
                    "description",
                    "Deep one",
                    "lat",
                    49.69,
                    "long",
                    -112.84))
            .post("api/v1/cities/" + city.slug() + "/service-requests")
            .then()
            .statusCode(201)
            .extract()
            .path("service_request_id");
    as("operator")
        .contentType(ContentType.JSON)
        .body(Map.of("numbers", List.of("+1 306 555 0177")))
        .put(CITIES + "/" + city.slug() + "/phone-numbers")
        .then()
        .statusCode(200);
    long requests = Db.count(city, "service_request");
    long categories = Db.count(city, "service_category");

    as("operator")
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Contract ended; invoice unpaid"))
        .post(CITIES + "/" + city.slug() + "/suspend")
        .then()
        .statusCode(200)
        .body("status", equalTo("suspended"));

    // the public API, the resident pages, Open311 and the city's staff: 503, an hour's hint
    for (Response r :
        List.of(
            api().get("api/v1/cities/" + city.slug() + "/service-categories"),
            api().get("api/v1/cities/" + city.slug() + "/service-requests/" + id),
            api().get("c/" + city.slug() + "/"),
            api()
                .contentType(ContentType.JSON)
                .body(
                    Map.of(
                        "service_code",
                        "pothole",
                        "description",
                        "x",
                        "lat",
                        49.69,
                        "long",
                        -112.84))
                .post("api/v1/cities/" + city.slug() + "/service-requests"),
            as(city, "city-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("weekly", List.of()))
                .put("api/v1/cities/" + city.slug() + "/admin/hours"),
            as(city, "agent")
                .contentType(ContentType.JSON)
                .body(Map.of("status", "closed", "public_note", "Done"))
                .post("api/v1/cities/" + city.slug() + "/service-requests/" + id + "/status"))) {
      assertThat(r.statusCode()).as(r.asString()).isEqualTo(503);
      assertThat(r.header("Retry-After")).isEqualTo("3600");
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.jsonPath().getString("detail")).contains("not served at the moment");
    }
    // a call to the city's number: refused before the webhook's signature is even looked at
    Response call = call("+13065550177");
    assertThat(call.statusCode()).as(call.asString()).isEqualTo(503);
    assertThat(call.header("Retry-After")).isEqualTo("3600");
    Response open311 =
        api().queryParam("jurisdiction_id", city.jurisdictionId()).get("open311/v2/services.json");
    assertThat(open311.statusCode()).isEqualTo(503);
    assertThat(open311.header("Retry-After")).isEqualTo("3600");
    assertThat(open311.jsonPath().getInt("[0].code")).isEqualTo(503);
    // not in the public list, still in the operator's
    api().get("api/v1/cities").then().body("slug", org.hamcrest.Matchers.not(hasItem(city.slug())));
    as("operator")
        .get(CITIES)
        .then()
        .body("find { it.slug == '" + city.slug() + "' }.status", equalTo("suspended"));
    assertThat(Db.count(city, "service_request")).isEqualTo(requests);
    assertThat(Db.count(city, "service_category")).isEqualTo(categories);

    as("operator")
        .post(CITIES + "/" + city.slug() + "/resume")
        .then()
        .statusCode(200)
        .body("status", equalTo("active"));
    api().get("api/v1/cities/" + city.slug() + "/service-requests/" + id).then().statusCode(200);
    assertThat(call("+13065550177").statusCode()).isNotEqualTo(503);
    api()
        .queryParam("jurisdiction_id", city.jurisdictionId())
        .get("open311/v2/services.json")
        .then()
        .statusCode(200)
        .body("service_code", hasItem("pothole"));

    List<Map<String, Object>> audit = audit(city.slug());
    assertThat(audit)
        .extracting(e -> e.get("action"))
        .containsExactly("city.resume", "city.suspend", "city.phone-numbers");
    assertThat((String) audit.get(1).get("detail")).contains("Contract ended; invoice unpaid");
  }

  @Test
  void suspendingNeedsAReasonAndAKnownCity() {
    as("operator")
        .contentType(ContentType.JSON)
        .body(Map.of("reason", " "))
        .post(CITIES + "/lethbridge/suspend")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
    as("operator")
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "test"))
        .post(CITIES + "/no-such-city/suspend")
        .then()
        .statusCode(404);
    api().get("api/v1/cities/lethbridge/service-categories").then().statusCode(200);
  }

  @Test
  void onboardsACityWithItsPhoneEntryPointsReadyToTakeCalls() throws Exception {
    Map<String, Object> entry = new HashMap<>();
    entry.put("number", "306-555-0161");
    entry.put("short_code", "311");
    entry.put("kind", "main");
    entry.put("emergency_prompt", true);
    entry.put("greetings", Map.of("en", "Thank you for calling 311."));
    entry.put("languages", List.of("en"));
    entry.put("in_hours", Map.of("action", "queue", "queue", "front-desk"));
    entry.put("out_of_hours", Map.of("action", "voicemail"));

    // a number of another city, or one that is no number: refused naming it, nothing left
    Map<String, Object> taken = newCity("phonetaken");
    Map<String, Object> lethbridges = new HashMap<>(entry);
    lethbridges.put("number", "403-320-3001");
    as("operator")
        .contentType(ContentType.JSON)
        .body(with(taken, "phone_entry_points", List.of(lethbridges)))
        .post(CITIES)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("phone_entry_points"));
    assertNoRowOf(taken);
    Map<String, Object> wrong = newCity("phonewrong");
    Map<String, Object> notANumber = new HashMap<>(entry);
    notANumber.put("number", "311");
    as("operator")
        .contentType(ContentType.JSON)
        .body(with(wrong, "phone_entry_points", List.of(notANumber)))
        .post(CITIES)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("phone_entry_points[0].number"));
    assertNoRowOf(wrong);
    Db.TestCity lethbridge = Db.city("lethbridge");
    assertThat(
            Db.sql(
                lethbridge,
                "select count(*) from phone_number where number = '+14033203001'"
                    + " and city_id = ?::uuid",
                lethbridge.id().toString()))
        .isEqualTo("1");

    // the number becomes the city's, its entry point the city's routing, and a call is answered
    Map<String, Object> city = with(newCity("phones"), "phone_entry_points", List.of(entry));
    as("operator").contentType(ContentType.JSON).body(city).post(CITIES).then().statusCode(201);
    String slug = (String) city.get("slug");
    as("operator")
        .get(CITIES + "/" + slug + "/phone-numbers")
        .then()
        .statusCode(200)
        .body("numbers", equalTo(List.of("+13065550161")));
    Db.TestCity made = Db.city(slug);
    assertThat(Db.sql(made, "select document from phone_routing"))
        .contains("+13065550161")
        .contains("front-desk");
    Response answered = call("+13065550161");
    assertThat(answered.statusCode()).as(answered.asString()).isEqualTo(200);
    assertThat(answered.asString()).contains("dial 9-1-1").contains("Thank you for calling 311.");
    List<Map<String, Object>> audit = audit(slug);
    assertThat(audit).extracting(e -> e.get("action")).contains("city.onboard");
    assertThat(audit.toString()).contains("+13065550161");
  }

  @Test
  void aTrialCityCanStartWithSampleRequestsAndARealOneStartsWithNone() throws Exception {
    Map<String, Object> trial = with(newCity("trial"), "demo_data", true);
    as("operator").contentType(ContentType.JSON).body(trial).post(CITIES).then().statusCode(201);
    Db.TestCity made = Db.city((String) trial.get("slug"));
    assertThat(Db.count(made, "service_request")).isEqualTo(25);
    // each through the intake: its history entry and outbox event, a category of this city
    assertThat(Db.count(made, "service_request_event")).isEqualTo(25);
    assertThat(Db.count(made, "outbox_event")).isEqualTo(25);
    assertThat(
            Db.sql(
                made,
                "select count(*) from service_request r where not exists (select 1 from"
                    + " service_category c where c.id = r.category_id)"))
        .isEqualTo("0");
    assertThat(Db.sql(made, "select count(distinct channel) from service_request"))
        .isNotEqualTo("1");
    // another city gained none of them
    Db.TestCity lethbridge = Db.city("lethbridge");
    long before = Db.count(lethbridge, "service_request");
    Map<String, Object> real = newCity("real");
    as("operator").contentType(ContentType.JSON).body(real).post(CITIES).then().statusCode(201);
    assertThat(Db.count(Db.city((String) real.get("slug")), "service_request")).isZero();
    assertThat(Db.count(lethbridge, "service_request")).isEqualTo(before);
  }

  @Test
  void assigningPhoneNumbersIsAudited() throws Exception {
    Db.TestCity city = Db.createCity("phones");
    as("operator")
        .contentType(ContentType.JSON)
        .body(Map.of("numbers", List.of("+1 306 555 0142")))
        .put(CITIES + "/" + city.slug() + "/phone-numbers")
        .then()
        .statusCode(200);
    List<Map<String, Object>> audit = audit(city.slug());
    assertThat(audit).extracting(e -> e.get("action")).containsExactly("city.phone-numbers");
    assertThat((String) audit.get(0).get("detail")).contains("+13065550142");
    // the unfiltered log has it too, newest first
    List<Map<String, Object>> all =
        as("operator")
            .queryParam("limit", 500)
            .get("api/v1/provider/audit")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    assertThat(all).extracting(e -> e.get("city")).contains(city.slug());
  }

  @Test
  void usageCountsEachCitysContactsRequestsPhotosAndActiveStaff() throws Exception {
    Db.TestCity city = Db.createCity("usage");
    Db.addCategory(city, UUID.randomUUID(), "pothole", "Pothole");
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          api()
              .contentType(ContentType.JSON)
              .body(
                  Map.of(
                      "service_code",
                      "pothole",
                      "description",
                      "Report " + i,
                      "lat",
                      49.69 + i / 100.0,
                      "long",
                      -112.84,
                      "acknowledge_duplicate",
                      true))
              .post("api/v1/cities/" + city.slug() + "/service-requests")
              .then()
              .statusCode(201)
              .extract()
              .path("service_request_id"));
    }
    // a photo of 1,234 bytes and one 40 days old (outside the window), written as the city
    Db.sql(
        city,
        "insert into request_media (tenant_id, id, request_id, content_type, size_bytes, content, created_at)"
            + " values (?::uuid, ?::uuid, ?::uuid, 'image/png', 1234, '\\x89504e47'::bytea, now()),"
            + " (?::uuid, ?::uuid, ?::uuid, 'image/png', 999, '\\x89504e47'::bytea, now() - interval '40 days')",
        city.id().toString(),
        UUID.randomUUID().toString(),
        ids.get(0),
        city.id().toString(),
        UUID.randomUUID().toString(),
        ids.get(1));
    // two members of staff act: an agent logs two contacts and changes a request; the
    // administrator changes the hours
    for (int i = 0; i < 2; i++) {
      as(city, "agent")
          .contentType(ContentType.JSON)
          .body(Map.of("channel", "phone", "topic", "Pothole on 3rd Ave", "minutes", 2))
          .post("api/v1/cities/" + city.slug() + "/contacts")
          .then()
          .statusCode(201);
    }
    as(city, "agent")
        .contentType(ContentType.JSON)
        .body(Map.of("status", "in_progress", "public_note", "Crew assigned."))
        .post("api/v1/cities/" + city.slug() + "/service-requests/" + ids.get(2) + "/status")
        .then()
        .statusCode(200);
    as(city, "city-admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of("weekly", List.of(Map.of("day", "MONDAY", "opens", "08:00", "closes", "16:00"))))
        .put("api/v1/cities/" + city.slug() + "/admin/hours")
        .then()
        .statusCode(200);

    List<Map<String, Object>> usage =
        as("operator")
            .queryParam("days", 30)
            .get("api/v1/provider/usage")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    Map<String, Object> mine =
        usage.stream().filter(u -> city.slug().equals(u.get("city"))).findFirst().orElseThrow();
    assertThat(mine)
        .containsEntry("contacts", 2)
        .containsEntry("service_requests", 3)
        .containsEntry("media_bytes", 1234)
        .containsEntry("active_staff", 2)
        .containsEntry("status", "active");
    // every city is there, the demo cities with their own activity
    assertThat(usage).extracting(u -> u.get("city")).contains("lethbridge", "calgary");
    as("operator").queryParam("days", 0).get("api/v1/provider/usage").then().statusCode(400);
  }

  @Test
  void everyProviderEndpointRefusesEveryCityRole() throws Exception {
    Db.TestCity city = Db.createCity("refuses");
    for (String role : List.of("city-admin", "agent", "department-staff", "resident")) {
      List<Response> answers =
          List.of(
              as(city, role).get(CITIES),
              as(city, role).contentType(ContentType.JSON).body(newCity("intruder")).post(CITIES),
              as(city, role)
                  .contentType(ContentType.JSON)
                  .body(Map.of("reason", "x"))
                  .post(CITIES + "/" + city.slug() + "/suspend"),
              as(city, role).post(CITIES + "/" + city.slug() + "/resume"),
              as(city, role).get("api/v1/provider/audit"),
              as(city, role).get("api/v1/provider/usage"));
      for (Response r : answers) {
        assertThat(r.statusCode()).as(role + ": " + r.asString()).isEqualTo(403);
      }
    }
    api().get("api/v1/cities/" + city.slug()).then().statusCode(200);
    assertThat(audit(city.slug())).isEmpty();
  }

  /** A valid onboarding form for a new city with a unique slug and jurisdiction. */
  private static Map<String, Object> newCity(String prefix) {
    String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> city = new HashMap<>();
    city.put("slug", slug);
    city.put("display_name", "City of " + slug);
    city.put("jurisdiction_id", slug + ".example.ca");
    city.put("time_zone", "America/Regina");
    city.put("locales", List.of("en", "fr"));
    city.put("population", 48000);
    city.put("contact_email", "clerk@" + slug + ".example.ca");
    city.put("admin_email", "admin@" + slug + ".example.ca");
    city.put("catalogue", "template");
    city.put(
        "hours",
        List.of(
            Map.of("day", "MONDAY", "opens", "08:30", "closes", "16:30"),
            Map.of("day", "TUESDAY", "opens", "08:30", "closes", "16:30")));
    city.put("demo_data", false);
    return city;
  }

  private static Map<String, Object> with(Map<String, Object> city, String field, Object value) {
    city.put(field, value);
    return city;
  }

  /** A signed call from the telephony provider to {@code number}. */
  private static Response call(String number) {
    String root = base().toString().replaceAll("/$", "");
    return org.civic311.it.support.Voice.post(
        api(),
        root,
        "/api/v1/voice/incoming",
        Map.of("To", number, "From", "+14035550100", "CallSid", "CA" + UUID.randomUUID()));
  }

  /** A list from Keycloak's admin API of the realm, as its administrator. */
  private static List<Map<String, Object>> keycloak(String path) {
    return io.restassured.RestAssured.given()
        .header("Authorization", "Bearer " + Identity.otherRealmToken())
        .get(Identity.server().url() + "/admin/realms/civic311/" + path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  private static java.util.Optional<Map<String, Object>> organization(String alias) {
    return keycloak("organizations?first=0&max=1000").stream()
        .filter(o -> alias.equals(o.get("alias")))
        .findFirst();
  }

  private static List<Map<String, Object>> audit(String slug) {
    return as("operator")
        .queryParam("city", slug)
        .get("api/v1/provider/audit")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  /**
   * No tenant row has the form's slug or jurisdiction (every tenant-owned table's tenant_id is a
   * foreign key to tenant, so no row of the city can exist without it) and no operator entry names
   * it.
   */
  private static void assertNoRowOf(Map<String, Object> city) throws Exception {
    String slug = (String) city.get("slug");
    String jurisdiction = (String) city.get("jurisdiction_id");
    try (Connection c = Db.asOwner();
        PreparedStatement tenants =
            c.prepareStatement(
                "select count(*) from tenant where (slug = ? and slug not in ('lethbridge', 'calgary'))"
                    + " or (jurisdiction_id = ? and jurisdiction_id not in ('lethbridge.ca', 'calgary.ca'))");
        PreparedStatement audit =
            c.prepareStatement("select count(*) from operator_audit where detail like ?")) {
      tenants.setString(1, slug);
      tenants.setString(2, jurisdiction);
      audit.setString(1, "%\"" + slug + "\"%");
      try (ResultSet rs = tenants.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).as("tenant rows of " + slug).isZero();
      }
      try (ResultSet rs = audit.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).as("operator entries of " + slug).isZero();
      }
    }
  }
}
