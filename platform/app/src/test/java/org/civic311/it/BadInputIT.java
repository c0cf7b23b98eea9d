package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever a caller sends, the answer is a clear 4xx problem, never a 500, and nothing is stored.
 */
class BadInputIT extends PlatformIT {
  private static final String PROBLEM = "application/problem+json";
  private TestCity city;

  @BeforeEach
  void aCityWithOneCategory() throws Exception {
    city = Db.createCity("bad");
    Db.addCategory(city, UUID.randomUUID(), "pothole", "Pothole");
  }

  @AfterEach
  void nothingWasStored() throws Exception {
    assertThat(Db.count(city, "service_request")).isZero();
  }

  @Test
  void anUnknownCityIsNotFound() {
    api()
        .get("api/v1/cities/atlantis/service-categories")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("detail", containsString("atlantis"));
  }

  @Test
  void malformedJsonIsRefused() {
    submit("{\"service_code\": \"pothole\", ").then().statusCode(400).contentType(PROBLEM);
  }

  @Test
  void wrongTypesAreRefused() {
    submit(Map.of("service_code", "pothole", "description", "x", "lat", "north", "long", -112.8))
        .then()
        .statusCode(400)
        .contentType(PROBLEM);
  }

  @Test
  void missingFieldsAreNamed() {
    submit(Map.of("lat", 49.7, "long", -112.8))
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("description"))
        .body("errors.field", hasItem("service_code"));
  }

  @Test
  void outOfRangeLatitudeIsNamed() {
    submit(Map.of("service_code", "pothole", "description", "Hole", "lat", 91, "long", -112.8))
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("lat"));
  }

  @Test
  void anUnknownServiceCodeIsNamed() {
    submit(Map.of("service_code", "unicorn", "description", "Hole", "address_string", "1 Main St"))
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("service_code"));
  }

  @Test
  void anOversizedDescriptionIsRefused() {
    submit(
            Map.of(
                "service_code",
                "pothole",
                "description",
                "x".repeat(200_000),
                "address_string",
                "1 Main St"))
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("description"));
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] body =
        "{\"service_code\":\"pothole\",\"description\":\"\u00ff\"}"
            .getBytes(StandardCharsets.ISO_8859_1);
    api()
        .contentType("application/json; charset=utf-8")
        .body(body)
        .post("api/v1/cities/{city}/service-requests", city.slug())
        .then()
        .statusCode(400)
        .contentType(PROBLEM);
  }

  @Test
  void aWrongContentTypeIsUnsupported() {
    api()
        .contentType(ContentType.TEXT)
        .body("service_code=pothole")
        .post("api/v1/cities/{city}/service-requests", city.slug())
        .then()
        .statusCode(415)
        .contentType(PROBLEM);
  }

  @Test
  void aWrongMethodIsNotAllowed() {
    api()
        .delete("api/v1/cities/{city}/service-requests", city.slug())
        .then()
        .statusCode(405)
        .contentType(PROBLEM)
        .header("Allow", containsString("GET"));
  }

  @Test
  void anUnknownPathIsNotFoundAsAProblem() {
    api()
        .get("api/v1/cities/{city}/no-such-thing", city.slug())
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("status", equalTo(404));
  }

  @Test
  void aMalformedRequestIdIsSimplyNotFound() {
    api()
        .get("api/v1/cities/{city}/service-requests/{id}", city.slug(), "'; drop table tenant; --")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("detail", not(containsString("Exception")));
  }

  private io.restassured.response.Response submit(Object body) {
    return api()
        .contentType(ContentType.JSON)
        .body(body)
        .post("api/v1/cities/{city}/service-requests", city.slug());
  }
}
