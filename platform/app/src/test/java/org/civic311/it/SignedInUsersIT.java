package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.civic311.it.support.Identity;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.Test;

/**
 * What signed-in people get from their tokens: residents their own requests (per city, across
 * channels), staff their changes recorded under their name, shared-centre agents every city they
 * serve, department systems their own city only.
 */
class SignedInUsersIT extends PlatformIT {

  private static Map<String, Object> pothole(String email) {
    return email == null
        ? Map.of(
            "service_code",
            "pothole",
            "description",
            "Pothole on my street",
            "lat",
            49.69,
            "long",
            -112.84,
            "acknowledge_duplicate",
            true)
        : Map.of(
            "service_code",
            "pothole",
            "description",
            "Pothole reported for a caller",
            "lat",
            49.69,
            "long",
            -112.84,
            "acknowledge_duplicate",
            true,
            "channel",
            "phone",
            "email",
            email);
  }

  private static String submit(
      io.restassured.specification.RequestSpecification who,
      String city,
      Map<String, Object> body) {
    return who.contentType(ContentType.JSON)
        .body(body)
        .post("api/v1/cities/{city}/service-requests", city)
        .then()
        .statusCode(201)
        .extract()
        .path("service_request_id");
  }

  @Test
  void aResidentSeesTheirRequestsFromEveryChannelInThatCityOnly() {
    String online = submit(as("lethbridge-resident"), "lethbridge", pothole(null));
    // an agent takes a call and types the resident's (verified) address as contact
    String byPhone =
        submit(as("lethbridge-agent"), "lethbridge", pothole("Lethbridge-Resident@example.org"));
    String someoneElse = submit(api(), "lethbridge", pothole(null));
    String elsewhere = submit(as("lethbridge-resident"), "calgary", pothole(null));

    List<String> mine =
        as("lethbridge-resident")
            .get("api/v1/cities/lethbridge/me/service-requests")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("service_request_id");
    assertThat(mine).contains(online, byPhone).doesNotContain(someoneElse, elsewhere);
    as("lethbridge-resident")
        .get("api/v1/cities/calgary/me/service-requests")
        .then()
        .statusCode(200)
        .body("service_request_id", hasItem(elsewhere))
        .body("service_request_id", not(hasItem(online)));
    // the agent who typed it in is not its reporter
    as("calgary-resident")
        .get("api/v1/cities/lethbridge/me/service-requests")
        .then()
        .statusCode(200)
        .body("service_request_id", not(hasItem(online)));
  }

  @Test
  void aStatusChangeIsRecordedUnderTheStaffMembersName() {
    String id = submit(api(), "lethbridge", pothole(null));
    as("lethbridge-staff")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "status",
                "in_progress",
                "public_note",
                "Crew on site",
                "internal_note",
                "Truck 12"))
        .post("api/v1/cities/lethbridge/service-requests/{id}/status", id)
        .then()
        .statusCode(200)
        .body("status", equalTo("in_progress"));
    as("lethbridge-agent")
        .get("api/v1/cities/lethbridge/service-requests/{id}/history", id)
        .then()
        .statusCode(200)
        .body("[1].actor", equalTo("lethbridge-staff"))
        .body("[1].internal_note", equalTo("Truck 12"));
  }

  @Test
  void anAgentOfASharedCentreActsForEachOfTheirCities() {
    as("shared-agent")
        .get("api/v1/me")
        .then()
        .statusCode(200)
        .body("cities.slug", containsInAnyOrder("lethbridge", "calgary"));
    for (String city : List.of("lethbridge", "calgary")) {
      as("shared-agent").get("api/v1/cities/{city}/service-requests", city).then().statusCode(200);
    }
  }

  @Test
  void aDepartmentSystemsAccountReadsItsOwnCityAndChangesNoRequestThroughTheStaffEndpoints() {
    // its system brings status back through its signed webhook; through the staff endpoints it
    // is department staff of no department (ADR 0016), so it changes nothing, here or elsewhere
    String token = Identity.serviceToken("lethbridge");
    String here = submit(api(), "lethbridge", pothole(null));
    String there = submit(api(), "calgary", pothole(null));
    withToken(token)
        .queryParam("number", here)
        .get("api/v1/cities/lethbridge/service-requests/search")
        .then()
        .statusCode(200)
        .body("requests.service_request_id", org.hamcrest.Matchers.contains(here));
    withToken(token)
        .contentType(ContentType.JSON)
        .body(Map.of("status", "in_progress"))
        .post("api/v1/cities/lethbridge/service-requests/{id}/status", here)
        .then()
        .statusCode(403);
    withToken(token)
        .contentType(ContentType.JSON)
        .body(Map.of("status", "in_progress"))
        .post("api/v1/cities/calgary/service-requests/{id}/status", there)
        .then()
        .statusCode(403);
    for (String id : List.of(here, there)) {
      api()
          .get(
              "api/v1/cities/{city}/service-requests/{id}",
              id.equals(here) ? "lethbridge" : "calgary",
              id)
          .then()
          .body("status", equalTo("received"));
    }
  }
}
