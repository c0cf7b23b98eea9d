package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.Identity;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Through the deployed application: what one city writes, another city neither sees nor reaches,
 * even where both cities hold rows with the very same id and code (so a shared cache keyed by id
 * would mix them up).
 */
class TenantIsolationIT extends PlatformIT {
  private TestCity north;
  private TestCity south;
  private final UUID sharedId = UUID.randomUUID();

  @BeforeEach
  void twoCitiesWithIdenticalKeys() throws Exception {
    north = Db.createCity("north");
    south = Db.createCity("south");
    Db.addCategory(north, sharedId, "pothole", "North Pothole");
    Db.addCategory(south, sharedId, "pothole", "South Pothole");
  }

  /** A token of an agent of {@code city}, signed with the key the test realm publishes. */
  private static String staffOf(TestCity city) {
    return Identity.sign(
        Identity.claimsOf(city.slug() + "-agent", List.of("agent"), List.of(city.slug())).build());
  }

  @Test
  void identicalIdsAndCodesAreServedToTheirOwnCityOnly() {
    for (int round = 0; round < 3; round++) { // repeated, so a cached copy would be served
      api()
          .get("api/v1/cities/{city}/service-categories/pothole", north.slug())
          .then()
          .statusCode(200)
          .body("name", equalTo("North Pothole"));
      api()
          .get("api/v1/cities/{city}/service-categories/pothole", south.slug())
          .then()
          .statusCode(200)
          .body("name", equalTo("South Pothole"));
    }
  }

  @Test
  void aRequestOfOneCityIsNotFoundInAnother() throws Exception {
    String id =
        api()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "service_code",
                    "pothole",
                    "description",
                    "Deep hole",
                    "lat",
                    49.7,
                    "long",
                    -112.8))
            .post("api/v1/cities/{city}/service-requests", north.slug())
            .then()
            .statusCode(201)
            .extract()
            .path("service_request_id");

    api()
        .get("api/v1/cities/{city}/service-requests/{id}", north.slug(), id)
        .then()
        .statusCode(200)
        .body("service_name", equalTo("North Pothole"));
    api()
        .get("api/v1/cities/{city}/service-requests/{id}", south.slug(), id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    List<String> southIds =
        withToken(staffOf(south))
            .get("api/v1/cities/{city}/service-requests", south.slug())
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("service_request_id");
    assertThat(southIds).doesNotContain(id);
    assertThat(Db.count(south, "service_request")).isZero();
    assertThat(Db.count(north, "service_request")).isEqualTo(1);
  }

  @Test
  void aCityCannotFileARequestAgainstAnotherCitysCategory() throws Exception {
    String onlyNorth = "north-only-" + UUID.randomUUID().toString().substring(0, 6);
    Db.addCategory(north, UUID.randomUUID(), onlyNorth, "Only in the north");

    api()
        .contentType(ContentType.JSON)
        .body(
            Map.of("service_code", onlyNorth, "description", "Sneaky", "address_string", "Main St"))
        .post("api/v1/cities/{city}/service-requests", south.slug())
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("service_code"));
    assertThat(Db.count(south, "service_request")).isZero();
  }

  @Test
  void theCatalogueListShowsOnlyTheCitysOwnCategories() {
    api()
        .get("api/v1/cities/{city}/service-categories", south.slug())
        .then()
        .statusCode(200)
        .body("name", hasItem("South Pothole"))
        .body("name", not(hasItem("North Pothole")));
  }
}
