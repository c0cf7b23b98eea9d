package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic311.it.support.Db;
import org.junit.jupiter.api.Test;

/**
 * Offboarding (ADR 0018) against the real WAR, PostgreSQL and Keycloak: the operator retypes the
 * slug, the city is suspended and scheduled for deletion after the grace period (cancellable within
 * it); once due, every row of it in every table that holds city data is deleted (the tables read
 * from the schema), with its Keycloak organization and the users who served it alone, while another
 * city's rows stay exactly as they were and the operator's audit keeps the record.
 *
 * <p>The deployment's grace period is the default 30 days; the test ends it by moving the scheduled
 * time into the past in the database, as the passing of time would.
 */
class CityOffboardingIT extends CityDataITSupport {

  @Test
  void deletesEveryRowOfTheCityAndItsIdentityAndNothingOfAnother() throws Exception {
    String adminEmail = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@leaving.ca";
    Db.TestCity leaving = onboard("leaving", adminEmail);
    addActivity(leaving, "+1 306 555 0193");
    Db.TestCity staying = onboard("staying", null);
    addActivity(staying, "+1 306 555 0194");
    Map<String, Long> leavingBefore = everyCount(leaving);
    Map<String, Long> stayingBefore = everyCount(staying);
    assertThat(leavingBefore)
        .containsEntry("service_category", 80L)
        .containsEntry("service_request", 2L)
        .containsEntry("request_media", 1L)
        .containsEntry("phone_number", 1L)
        .containsEntry("tenant", 1L);
    assertThat(organization(leaving.slug())).isPresent();

    Response scheduled = schedule(leaving, leaving.slug(), "Contract ended");
    assertThat(scheduled.statusCode()).as(scheduled.asString()).isEqualTo(200);
    assertThat(scheduled.jsonPath().getString("status")).isEqualTo("suspended");
    OffsetDateTime deleteAt = OffsetDateTime.parse(scheduled.jsonPath().getString("offboard_at"));
    assertThat(deleteAt).isAfter(OffsetDateTime.now().plusDays(29));
    // suspended at once: the city answers nothing
    api().get("api/v1/cities/" + leaving.slug() + "/service-categories").then().statusCode(503);
    // within the grace period nothing is deleted, and it cannot be resumed without cancelling
    Response early = as("operator").post(CITIES + "/" + leaving.slug() + "/offboarding/complete");
    assertThat(early.statusCode()).as(early.asString()).isEqualTo(409);
    assertThat(early.jsonPath().getString("detail")).contains("grace period");
    as("operator").post(CITIES + "/" + leaving.slug() + "/resume").then().statusCode(409);
    assertThat(everyCount(leaving)).containsEntry("service_request", 2L);

    // the grace period is over
    endGracePeriod(leaving);
    Response done = as("operator").post(CITIES + "/" + leaving.slug() + "/offboarding/complete");
    assertThat(done.statusCode()).as(done.asString()).isEqualTo(200);
    assertThat(done.jsonPath().getLong("rows.service_category")).isEqualTo(80);
    assertThat(done.jsonPath().getLong("rows.tenant")).isEqualTo(1);
    assertThat(done.jsonPath().getBoolean("organization_deleted")).isTrue();
    assertThat(done.jsonPath().getInt("users_deleted")).isEqualTo(1);

    // no row of it remains in any table that holds city data; only the operator's record
    Map<String, Long> after = everyCount(leaving);
    after.forEach(
        (table, n) -> {
          if (!table.equals("operator_audit")) {
            assertThat(n).as(table).isZero();
          }
        });
    assertThat(after.get("operator_audit")).isEqualTo(leavingBefore.get("operator_audit") + 2);
    assertThat(lastAuditAction(leaving)).isEqualTo("city.erase");
    // the other city is exactly as it was
    assertThat(everyCount(staying)).isEqualTo(stayingBefore);
    api().get("api/v1/cities/" + staying.slug() + "/service-categories").then().statusCode(200);
    // Keycloak: the organization and the administrator who served it alone are gone
    assertThat(organization(leaving.slug())).isEmpty();
    assertThat(keycloak("users?exact=true&email=" + adminEmail)).isEmpty();
    assertThat(organization(staying.slug())).isPresent();
    // the city is gone from every door
    api().get("api/v1/cities/" + leaving.slug()).then().statusCode(404);
    as("operator")
        .post(CITIES + "/" + leaving.slug() + "/offboarding/complete")
        .then()
        .statusCode(404);
    as("operator")
        .get(CITIES)
        .then()
        .body("slug", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(leaving.slug())));
  }

  @Test
  void needsTheSlugRetypedAndAReasonAndCanBeCancelledWithinTheGracePeriod() throws Exception {
    Db.TestCity city = Db.createCity("cancel");
    Db.addCategory(city, UUID.randomUUID(), "pothole", "Pothole");
    Map<String, Long> before = everyCount(city);

    for (Map.Entry<String, Map<String, Object>> bad :
        Map.of(
                "confirm", Map.<String, Object>of("confirm", "lethbridge", "reason", "Leaving"),
                "reason", Map.<String, Object>of("confirm", city.slug(), "reason", " "))
            .entrySet()) {
      Response r =
          as("operator")
              .contentType(ContentType.JSON)
              .body(bad.getValue())
              .post(CITIES + "/" + city.slug() + "/offboarding");
      assertThat(r.statusCode()).as(r.asString()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.jsonPath().getString("errors[0].field")).isEqualTo(bad.getKey());
    }
    Response missing =
        as("operator")
            .contentType(ContentType.JSON)
            .post(CITIES + "/" + city.slug() + "/offboarding");
    assertThat(missing.statusCode()).isEqualTo(400);
    // nothing changed: still served, nothing scheduled, nothing audited
    api().get("api/v1/cities/" + city.slug() + "/service-categories").then().statusCode(200);
    assertThat(everyCount(city)).isEqualTo(before);
    as("operator").delete(CITIES + "/" + city.slug() + "/offboarding").then().statusCode(409);

    schedule(city, city.slug(), "Leaving").then().statusCode(200);
    schedule(city, city.slug(), "Leaving").then().statusCode(409);
    Response cancelled = as("operator").delete(CITIES + "/" + city.slug() + "/offboarding");
    assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
    assertThat(cancelled.jsonPath().getString("offboard_at")).isNull();
    assertThat(cancelled.jsonPath().getString("status")).isEqualTo("suspended");
    // cancelled: nothing to complete, and it can be served again
    as("operator")
        .post(CITIES + "/" + city.slug() + "/offboarding/complete")
        .then()
        .statusCode(409);
    as("operator").post(CITIES + "/" + city.slug() + "/resume").then().statusCode(200);
    api().get("api/v1/cities/" + city.slug() + "/service-categories").then().statusCode(200);
    assertThat(everyCount(city)).containsEntry("service_category", 1L).containsEntry("tenant", 1L);
    assertThat(
            as("operator")
                .queryParam("city", city.slug())
                .get("api/v1/provider/audit")
                .then()
                .extract()
                .jsonPath()
                .<String>getList("action"))
        .containsExactly("city.resume", "city.offboard-cancel", "city.offboard");
    // no city role may do any of it
    for (String role : List.of("city-admin", "agent", "department-staff", "resident")) {
      for (Response r :
          List.of(
              as(city, role)
                  .contentType(ContentType.JSON)
                  .body(Map.of("confirm", city.slug(), "reason", "x"))
                  .post(CITIES + "/" + city.slug() + "/offboarding"),
              as(city, role).delete(CITIES + "/" + city.slug() + "/offboarding"),
              as(city, role).post(CITIES + "/" + city.slug() + "/offboarding/complete"))) {
        assertThat(r.statusCode()).as(role).isEqualTo(403);
      }
    }
  }

  private static Response schedule(Db.TestCity city, String confirm, String reason) {
    return as("operator")
        .contentType(ContentType.JSON)
        .body(Map.of("confirm", confirm, "reason", reason))
        .post(CITIES + "/" + city.slug() + "/offboarding");
  }

  /** Moves the city's scheduled deletion a minute into the past, as time passing would. */
  static void endGracePeriod(Db.TestCity city) throws Exception {
    try (Connection c = Db.asOwner();
        PreparedStatement s =
            c.prepareStatement(
                "update tenant set offboard_at = now() - interval '1 minute'"
                    + " where id = ? and offboard_at is not null")) {
      s.setObject(1, city.id());
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }

  private static String lastAuditAction(Db.TestCity city) throws Exception {
    try (Connection c = Db.asOwner();
        PreparedStatement s =
            c.prepareStatement(
                "select action from operator_audit where city_id = ? order by at desc limit 1")) {
      s.setObject(1, city.id());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
