package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A city's hours through the API: the public "open now?", the administrator's document with its
 * checks and audit history, and one city's hours never touching another's.
 */
class HoursIT extends PlatformIT {
  private TestCity north;
  private TestCity south;

  @BeforeEach
  void twoCities() throws Exception {
    north = Db.createCity("north");
    south = Db.createCity("south");
  }

  /** One override closing the city from {@code from} until {@code until}, as written. */
  private static List<Map<String, Object>> closure(Object from, Object until, String message) {
    return List.of(
        Map.of(
            "from", from.toString(), "until", until.toString(), "open", false, "message", message));
  }

  private static Map<String, Object> weekdays(String opens, String closes, List<?> overrides) {
    return Map.of(
        "weekly",
        List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
            .map(d -> Map.of("day", d, "opens", opens, "closes", closes))
            .toList(),
        "holidays",
        List.of(Map.of("name", "Christmas Day", "rule", "fixed 12-25")),
        "overrides",
        overrides);
  }

  @Test
  void theAdministratorSetsTheCitysTimeZoneAndAnUnknownOneChangesNothing() throws Exception {
    Map<String, Object> hours = new java.util.HashMap<>(weekdays("08:00", "16:30", List.of()));
    hours.put("time_zone", "America/Regina");
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(hours)
        .put("api/v1/cities/{city}/admin/hours", north.slug())
        .then()
        .statusCode(200)
        .body("time_zone", equalTo("America/Regina"));
    api()
        .get("api/v1/cities/{city}/hours/now", north.slug())
        .then()
        .statusCode(200)
        .body("time_zone", equalTo("America/Regina"));
    as(north, "city-admin")
        .get("api/v1/cities/{city}/admin/hours", north.slug())
        .then()
        .statusCode(200)
        .body("time_zone", equalTo("America/Regina"))
        .body("weekly[0].opens", equalTo("08:00"));

    String stored = Db.sql(north, "select document from opening_hours");
    hours.put("time_zone", "Mars/Olympus_Mons");
    hours.put("weekly", List.of(Map.of("day", "MONDAY", "opens", "07:00", "closes", "09:00")));
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(hours)
        .put("api/v1/cities/{city}/admin/hours", north.slug())
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("time_zone"));
    assertThat(Db.sql(north, "select document from opening_hours")).isEqualTo(stored);
    assertThat(
            Db.sql(north, "select time_zone from tenant where id = ?::uuid", north.id().toString()))
        .isEqualTo("America/Regina");
    // the other city keeps its own zone
    assertThat(
            Db.sql(south, "select time_zone from tenant where id = ?::uuid", south.id().toString()))
        .isEqualTo("America/Edmonton");
  }

  @Test
  void theDemoCitiesPublishTheirHours() {
    api()
        .get("api/v1/cities/calgary/hours/now")
        .then()
        .statusCode(200)
        .body("open", equalTo(true))
        .body("until", nullValue())
        .body("time_zone", equalTo("America/Edmonton"));
    api()
        .get("api/v1/cities/lethbridge/hours")
        .then()
        .statusCode(200)
        .body("hours.weekly[0].opens", equalTo("08:00"))
        .body("hours.weekly[0].closes", equalTo("16:30"))
        .body("hours.holidays.name", hasItem("Victoria Day"));
    api().get("api/v1/cities/lethbridge/hours/now").then().statusCode(200);
  }

  @Test
  void aClosureTypedInCityTimeIsReadWithTheServersZoneRulesAndAnsweredWithTheCitysOffset()
      throws Exception {
    java.time.ZoneId zone =
        java.time.ZoneId.of(
            Db.sql(
                north, "select time_zone from tenant where id = ?::uuid", north.id().toString()));
    java.time.LocalDateTime local =
        java.time.LocalDateTime.now(zone).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    List<Map<String, Object>> closure =
        closure(local.minusHours(1), local.plusHours(2), "Closed: typed in city time.");
    String from = local.minusHours(1).atZone(zone).toOffsetDateTime().toString();
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(weekdays("00:00", "24:00", closure))
        .put("api/v1/cities/{city}/admin/hours", north.slug())
        .then()
        .statusCode(200)
        .body("overrides[0].from", equalTo(from));
    as(north, "city-admin")
        .get("api/v1/cities/{city}/admin/hours", north.slug())
        .then()
        .statusCode(200)
        .body("overrides[0].from", equalTo(from))
        .body(
            "overrides[0].until",
            equalTo(local.plusHours(2).atZone(zone).toOffsetDateTime().toString()));
    api()
        .get("api/v1/cities/{city}/hours/now", north.slug())
        .then()
        .statusCode(200)
        .body("open", equalTo(false))
        .body("message", equalTo("Closed: typed in city time."));
    // the other city, which has set no hours, still has none
    api().get("api/v1/cities/{city}/hours/now", south.slug()).then().statusCode(404);
    assertThat(Db.sql(south, "select count(*)::text from opening_hours")).isEqualTo("0");
  }

  @Test
  void anEmergencyClosureIsAnnouncedAndAuditedInItsCityOnly() {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    List<Map<String, Object>> closure =
        closure(
            now.minusHours(1),
            now.plusHours(2),
            "Closed: water main break. For emergencies call 911.");
    as(south, "city-admin")
        .contentType(ContentType.JSON)
        .body(weekdays("00:00", "24:00", List.of()))
        .put("api/v1/cities/{city}/admin/hours", south.slug())
        .then()
        .statusCode(200);
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(weekdays("00:00", "24:00", closure))
        .put("api/v1/cities/{city}/admin/hours", north.slug())
        .then()
        .statusCode(200)
        .body("overrides[0].open", equalTo(false));

    api()
        .get("api/v1/cities/{city}/hours/now", north.slug())
        .then()
        .statusCode(200)
        .body("open", equalTo(false))
        .body("message", containsString("water main break"));
    api()
        .get("api/v1/cities/{city}/hours/now", south.slug())
        .then()
        .statusCode(200)
        .body("message", nullValue());

    as(north, "city-admin")
        .get("api/v1/cities/{city}/admin/audit?subject=hours", north.slug())
        .then()
        .statusCode(200)
        .body("[0].actor", equalTo(north.slug() + "-city-admin"))
        .body("[0].after", containsString("water main break"));
    as(south, "city-admin")
        .get("api/v1/cities/{city}/admin/audit", south.slug())
        .then()
        .statusCode(200)
        .body("after", org.hamcrest.Matchers.not(hasItem(containsString("water main break"))));
  }

  @Test
  void aCityWithoutHoursSaysSo() {
    api()
        .get("api/v1/cities/{city}/hours/now", north.slug())
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("not published its hours"));
  }

  @Test
  void wrongHoursAreRefusedWholeNamingTheEntryAndNothingChanges() throws Exception {
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(weekdays("08:00", "16:30", List.of()))
        .put("api/v1/cities/{city}/admin/hours", north.slug())
        .then()
        .statusCode(200);
    long audited = Db.count(north, "audit_entry");

    Map<String, Object> overlapping =
        Map.of(
            "weekly",
            List.of(
                Map.of("day", "MONDAY", "opens", "08:00", "closes", "12:00"),
                Map.of("day", "MONDAY", "opens", "11:00", "closes", "16:00")));
    refused(overlapping, "weekly[1]");
    refused(
        Map.of("weekly", List.of(Map.of("day", "MONDAY", "opens", "16:30", "closes", "08:00"))),
        "weekly[0].closes");
    refused(
        Map.of("weekly", List.of(Map.of("day", "FUNDAY", "opens", "08:00", "closes", "09:00"))),
        "weekly[0].day");
    refused(
        Map.of("holidays", List.of(Map.of("name", "Odd", "rule", "every other tuesday"))),
        "holidays[0].rule");
    refused(
        Map.of(
            "overrides",
            List.of(Map.of("from", "tomorrow", "until", "2027-01-01T00:00:00Z", "open", false))),
        "overrides[0].from");

    assertThat(Db.count(north, "audit_entry")).isEqualTo(audited);
    as(north, "city-admin")
        .get("api/v1/cities/{city}/admin/hours", north.slug())
        .then()
        .body("weekly", org.hamcrest.Matchers.hasSize(5))
        .body("weekly[0].closes", equalTo("16:30"));
  }

  private void refused(Map<String, Object> document, String field) {
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(document)
        .put("api/v1/cities/{city}/admin/hours", north.slug())
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo(field));
  }
}
