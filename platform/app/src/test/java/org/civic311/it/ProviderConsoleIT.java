package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic311.it.support.Db;
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
    api()
        .queryParam("jurisdiction_id", city.jurisdictionId())
        .get("open311/v2/services.json")
        .then()
        .statusCode(200)
        .body("service_code", hasItem("pothole"));

    List<Map<String, Object>> audit = audit(city.slug());
    assertThat(audit)
        .extracting(e -> e.get("action"))
        .containsExactly("city.resume", "city.suspend");
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
  void everyProviderEndpointRefusesEveryCityRole() throws Exception {
    Db.TestCity city = Db.createCity("refuses");
    for (String role : List.of("city-admin", "agent", "department-staff", "resident")) {
      List<Response> answers =
          List.of(
              as(city, role).get(CITIES),
              as(city, role)
                  .contentType(ContentType.JSON)
                  .body(Map.of("reason", "x"))
                  .post(CITIES + "/" + city.slug() + "/suspend"),
              as(city, role).post(CITIES + "/" + city.slug() + "/resume"),
              as(city, role).get("api/v1/provider/audit"));
      for (Response r : answers) {
        assertThat(r.statusCode()).as(role + ": " + r.asString()).isEqualTo(403);
      }
    }
    api().get("api/v1/cities/" + city.slug()).then().statusCode(200);
    assertThat(audit(city.slug())).isEmpty();
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
}
