package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.PlatformIT;
import org.civic311.platform.routing.application.HoursDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Departments and service levels: which department a request goes to ({@code agency_responsible})
 * and when it is expected to be done ({@code expected_datetime}), counted in the city's business
 * hours; edits audited, refused edits changing nothing, each city its own.
 */
class DepartmentsIT extends PlatformIT {
  private TestCity north;
  private TestCity south;

  @BeforeEach
  void twoCitiesWithAPotholeCategory() throws Exception {
    north = Db.createCity("north");
    south = Db.createCity("south");
    Db.addCategory(north, UUID.randomUUID(), "pothole", "Pothole");
    Db.addCategory(north, UUID.randomUUID(), "graffiti", "Graffiti");
    Db.addCategory(south, UUID.randomUUID(), "pothole", "Pothole");
  }

  private static Map<String, Object> weekdays() {
    return Map.of(
        "weekly",
        List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
            .map(d -> Map.of("day", d, "opens", "08:00", "closes", "16:30"))
            .toList());
  }

  private static Map<String, Object> submitted(TestCity city) {
    return api()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "service_code",
                "pothole",
                "description",
                "Deep one",
                "address_string",
                "100 Main Street",
                "acknowledge_duplicate",
                true))
        .post("api/v1/cities/{city}/service-requests", city.slug())
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getMap("$");
  }

  @Test
  void theDemoRoutesPotholesToRoadsWithAnExpectedDate() {
    String id = (String) submittedDemo().get("service_request_id");
    api()
        .queryParam("jurisdiction_id", "lethbridge.ca")
        .get("open311/v2/requests/" + id + ".json")
        .then()
        .statusCode(200)
        .body("[0].agency_responsible", equalTo("Transportation: Roads & Sidewalks"))
        .body("[0].expected_datetime", notNullValue());
  }

  private static Map<String, Object> submittedDemo() {
    return api()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "service_code",
                "pothole",
                "description",
                "Deep one",
                "lat",
                49.7,
                "long",
                -112.8,
                "acknowledge_duplicate",
                true))
        .post("api/v1/cities/lethbridge/service-requests")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getMap("$");
  }

  @Test
  void anAdministratorRoutesACategoryAndItsRequestsAreDueInBusinessHours() {
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(weekdays())
        .put("api/v1/cities/{city}/admin/hours", north.slug())
        .then()
        .statusCode(200);
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "Roads",
                "email",
                "Roads@North.example.org",
                "categories",
                List.of("pothole")))
        .put("api/v1/cities/{city}/admin/departments/roads", north.slug())
        .then()
        .statusCode(200)
        .body("email", equalTo("roads@north.example.org"))
        .body("categories", equalTo(List.of("pothole")));
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("sla_hours", 2.5, "basis", "business", "priority", "high"))
        .put("api/v1/cities/{city}/admin/service-categories/pothole/service-level", north.slug())
        .then()
        .statusCode(200)
        .body("sla_hours", equalTo(2.5f))
        .body("basis", equalTo("business"))
        .body("priority", equalTo("high"));

    Map<String, Object> request = submitted(north);
    assertThat(request.get("agency_responsible")).isEqualTo("Roads");
    OffsetDateTime requested = OffsetDateTime.parse((String) request.get("requested_datetime"));
    OffsetDateTime expected = OffsetDateTime.parse((String) request.get("expected_datetime"));
    var hours =
        new HoursDocument(
                null,
                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
                    .map(d -> new HoursDocument.Range(d, "08:00", "16:30"))
                    .toList(),
                List.of(),
                List.of())
            .toHours(ZoneId.of("America/Edmonton"));
    var computed = hours.addBusinessTime(requested.toInstant(), Duration.ofMinutes(150));
    assertThat(Duration.between(computed, expected.toInstant()).abs())
        .isLessThan(Duration.ofSeconds(2));

    as(north, "city-admin")
        .get("api/v1/cities/{city}/admin/audit", north.slug())
        .then()
        .body("subject", hasItem("department:roads"))
        .body("subject", hasItem("category:pothole"));
  }

  @Test
  void calendarTargetsIgnoreTheHours() {
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("sla_hours", 24, "basis", "calendar"))
        .put("api/v1/cities/{city}/admin/service-categories/pothole/service-level", north.slug())
        .then()
        .statusCode(200);
    Map<String, Object> request = submitted(north);
    OffsetDateTime requested = OffsetDateTime.parse((String) request.get("requested_datetime"));
    OffsetDateTime expected = OffsetDateTime.parse((String) request.get("expected_datetime"));
    assertThat(Duration.between(requested, expected).toSeconds()).isBetween(86_399L, 86_401L);
  }

  @Test
  void refusedEditsNameTheFieldAndChangeNothing() throws Exception {
    long audited = Db.count(north, "audit_entry");
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Roads", "categories", List.of("pothole", "no-such-thing")))
        .put("api/v1/cities/{city}/admin/departments/roads", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("categories"))
        .body("detail", containsString("no-such-thing"));
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Roads", "email", "not an address"))
        .put("api/v1/cities/{city}/admin/departments/roads", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("email"));
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Roads"))
        .put("api/v1/cities/{city}/admin/departments/Bad Code", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("code"));
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("sla_hours", -1))
        .put("api/v1/cities/{city}/admin/service-categories/pothole/service-level", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("sla_hours"));
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("sla_hours", 4, "priority", "whenever"))
        .put("api/v1/cities/{city}/admin/service-categories/pothole/service-level", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("priority"));
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("sla_hours", 4))
        .put(
            "api/v1/cities/{city}/admin/service-categories/no-such-thing/service-level",
            north.slug())
        .then()
        .statusCode(404);

    assertThat(Db.count(north, "department")).isZero();
    assertThat(Db.count(north, "audit_entry")).isEqualTo(audited);
    assertThat(submitted(north).get("expected_datetime")).isNull();
  }

  @Test
  void departmentsWithTheSameCodeBelongToTheirOwnCity() throws Exception {
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "North Roads", "categories", List.of("pothole")))
        .put("api/v1/cities/{city}/admin/departments/roads", north.slug())
        .then()
        .statusCode(200);
    as(south, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "South Roads", "categories", List.of("pothole")))
        .put("api/v1/cities/{city}/admin/departments/roads", south.slug())
        .then()
        .statusCode(200);
    as(north, "city-admin")
        .get("api/v1/cities/{city}/admin/departments", north.slug())
        .then()
        .body("name", hasItem("North Roads"))
        .body("name", not(hasItem("South Roads")));
    assertThat(submitted(south).get("agency_responsible")).isEqualTo("South Roads");
    // another city's administrator cannot touch north's departments
    as(south, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Taken over", "categories", List.of()))
        .put("api/v1/cities/{city}/admin/departments/roads", north.slug())
        .then()
        .statusCode(403);
    assertThat(submitted(north).get("agency_responsible")).isEqualTo("North Roads");
  }
}
