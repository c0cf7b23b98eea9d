package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-city cache of configuration (ADR 0022): what the request paths read over and over (a
 * category, the hours, the API keys) is served from memory while the city's configuration is
 * unchanged, a change is seen by the very next request whoever made it (here plain SQL, as another
 * instance or an import would), and one city's change or cached value never reaches another.
 */
class CityCacheIT extends PlatformIT {
  private TestCity east;
  private TestCity west;

  @BeforeEach
  void twoCitiesWithTheSameCategoryCode() throws Exception {
    east = Db.createCity("east");
    west = Db.createCity("west");
    // the same category id and code in both cities: only the city in the key tells them apart
    UUID shared = UUID.randomUUID();
    Db.addCategory(east, shared, "pothole", "East pothole");
    Db.addCategory(west, shared, "pothole", "West pothole");
    Db.addApiKey(east, "east-key-" + east.slug());
    Db.addApiKey(west, "west-key-" + west.slug());
  }

  private static long version(TestCity city) throws Exception {
    return Long.parseLong(
        Db.sql(
            city,
            "select coalesce((select version from city_config_version where city_id = ?), 0)::text",
            city.id()));
  }

  private static String serviceName(TestCity city) {
    return api()
        .get("api/v1/cities/{city}/service-categories/pothole", city.slug())
        .then()
        .statusCode(200)
        .extract()
        .path("name");
  }

  private static int post(TestCity city, String key) {
    return api()
        .formParam("jurisdiction_id", city.jurisdictionId())
        .formParam("api_key", key)
        .formParam("service_code", "pothole")
        .formParam("description", "Cache test")
        .formParam("lat", "51.0447")
        .formParam("long", "-114.0719")
        .formParam("acknowledge_duplicate", "true")
        .post("open311/v2/requests.json")
        .statusCode();
  }

  @Test
  void aCategoryChangedInTheDatabaseIsServedAtOnceAndOnlyInItsCity() throws Exception {
    for (int i = 0; i < 3; i++) { // cached after the first read
      assertThat(serviceName(east)).isEqualTo("East pothole");
      assertThat(serviceName(west)).isEqualTo("West pothole");
    }
    long eastBefore = version(east);
    long westBefore = version(west);

    Db.sql(east, "update service_category set name = 'East road hole' where code = 'pothole'");

    assertThat(version(east)).isEqualTo(eastBefore + 1);
    assertThat(serviceName(east)).isEqualTo("East road hole");
    assertThat(version(west)).isEqualTo(westBefore);
    assertThat(serviceName(west)).isEqualTo("West pothole");
    assertThat(Db.sql(west, "select name from service_category where code = 'pothole'"))
        .isEqualTo("West pothole");
  }

  @Test
  void aChangeThatRollsBackLeavesTheVersionAndTheServedValueAlone() throws Exception {
    assertThat(serviceName(east)).isEqualTo("East pothole");
    long before = version(east);
    try (var c = Db.asOwner()) {
      c.setAutoCommit(false);
      Db.bind(c, east);
      c.createStatement()
          .executeUpdate(
              "update service_category set name = 'Never committed' where code = 'pothole'");
      c.rollback();
    }
    assertThat(version(east)).isEqualTo(before);
    assertThat(serviceName(east)).isEqualTo("East pothole");
  }

  @Test
  void raisingTheVersionNeverWaitsForTheCitysOwnRow() throws Exception {
    long before = version(east);
    // one transaction holds the city's row (as a time-zone change or an erasure does) ...
    try (var holder = Db.asOwner()) {
      holder.setAutoCommit(false);
      holder
          .createStatement()
          .executeUpdate(
              "update tenant set display_name = display_name where id = '" + east.id() + "'");
      // ... while another changes the catalogue and commits: the raise at commit does not need
      // that row, so it neither waits for it nor can deadlock with its holder
      try (var changer = Db.asOwner()) {
        changer.setAutoCommit(false);
        changer.createStatement().execute("set local lock_timeout = '5s'");
        Db.bind(changer, east);
        changer
            .createStatement()
            .executeUpdate("update service_category set name = 'East hole' where code = 'pothole'");
        changer.commit();
      }
      holder.rollback();
    }
    assertThat(version(east)).isEqualTo(before + 1);
    assertThat(serviceName(east)).isEqualTo("East hole");
  }

  @Test
  void aRevokedApiKeyIsRefusedOnTheNextRequestAndTheOtherCitysKeyStillWorks() throws Exception {
    String eastKey = "east-key-" + east.slug();
    String westKey = "west-key-" + west.slug();
    assertThat(post(east, eastKey)).isEqualTo(200);
    assertThat(post(east, eastKey)).isEqualTo(200); // now cached
    assertThat(post(west, westKey)).isEqualTo(200);
    assertThat(post(west, eastKey)).isEqualTo(403); // a cached key of one city is not the other's

    Db.sql(east, "update open311_api_key set revoked_at = now()");

    assertThat(post(east, eastKey)).isEqualTo(403);
    assertThat(post(west, westKey)).isEqualTo(200);
  }

  @Test
  void changedHoursApplyAtOnceAndTheOtherCityKeepsItsOwn() throws Exception {
    Map<String, Object> always =
        Map.of(
            "weekly",
            List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
                .stream()
                .map(d -> Map.of("day", d, "opens", "00:00", "closes", "24:00"))
                .toList(),
            "holidays",
            List.of(),
            "overrides",
            List.of());
    for (TestCity city : List.of(east, west)) {
      as(city, "city-admin")
          .contentType(ContentType.JSON)
          .body(always)
          .put("api/v1/cities/{city}/admin/hours", city.slug())
          .then()
          .statusCode(200);
      for (int i = 0; i < 2; i++) {
        api()
            .get("api/v1/cities/{city}/hours/now", city.slug())
            .then()
            .statusCode(200)
            .body("open", equalTo(true));
      }
    }
    long westBefore = version(west);

    // east closes every day, written straight to the database
    Db.sql(
        east,
        "update opening_hours set document = jsonb_set(document::jsonb, '{weekly}', '[]')::text");

    api()
        .get("api/v1/cities/{city}/hours/now", east.slug())
        .then()
        .statusCode(200)
        .body("open", equalTo(false));
    api()
        .get("api/v1/cities/{city}/hours/now", west.slug())
        .then()
        .statusCode(200)
        .body("open", equalTo(true));
    assertThat(version(west)).isEqualTo(westBefore);
  }
}
