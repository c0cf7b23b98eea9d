package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A city administrator's catalogue: categories with a service definition that Open311 publishes and
 * every channel enforces, staff-only categories, tombstones, audit and the discovery changeset,
 * each city apart.
 */
class CatalogueAdminIT extends PlatformIT {
  private static final String KEY = "catalogue-admin-it-open311-key";
  private TestCity north;
  private TestCity south;

  @BeforeEach
  void twoCities() throws Exception {
    north = Db.createCity("north");
    south = Db.createCity("south");
    Db.addApiKey(north, KEY);
  }

  private static Map<String, Object> streetlight(boolean staffOnly, boolean active) {
    return Map.of(
        "name",
        "Streetlight out",
        "group",
        "Streetlights & Signals",
        "keywords",
        List.of("light", "dark"),
        "description",
        "A streetlight that is out or flickering.",
        "active",
        active,
        "staff_only",
        staffOnly,
        "attributes",
        List.of(
            Map.of(
                "code",
                "hazard",
                "datatype",
                "singlevaluelist",
                "required",
                true,
                "order",
                2,
                "description",
                "Is the area unsafe?",
                "values",
                List.of(Map.of("key", "yes", "name", "Yes"), Map.of("key", "no", "name", "No"))),
            Map.of(
                "code", "pole_number",
                "datatype", "string",
                "required", true,
                "order", 1,
                "description", "The number on the pole")));
  }

  private void save(TestCity city, Map<String, Object> definition, int status) {
    as(city, "city-admin")
        .contentType(ContentType.JSON)
        .body(definition)
        .put("api/v1/cities/{city}/admin/service-categories/streetlight-out", city.slug())
        .then()
        .statusCode(status);
  }

  private io.restassured.response.ValidatableResponse open311Post(Map<String, String> extra) {
    var request =
        api()
            .formParam("jurisdiction_id", north.jurisdictionId())
            .formParam("api_key", KEY)
            .formParam("service_code", "streetlight-out")
            .formParam("description", "Dark corner")
            .formParam("lat", "49.70")
            .formParam("long", "-112.80");
    extra.forEach(request::formParam);
    return request.post("open311/v2/requests.json").then();
  }

  @Test
  void openThreeOneOnePublishesTheDefinitionAndEnforcesIt() {
    String before =
        api()
            .queryParam("jurisdiction_id", north.jurisdictionId())
            .get("open311/v2/discovery.json")
            .then()
            .extract()
            .path("changeset");
    save(north, streetlight(false, true), 200);
    String after =
        api()
            .queryParam("jurisdiction_id", north.jurisdictionId())
            .get("open311/v2/discovery.json")
            .then()
            .extract()
            .path("changeset");
    assertThat(after).isGreaterThanOrEqualTo(before);

    api()
        .queryParam("jurisdiction_id", north.jurisdictionId())
        .get("open311/v2/services/streetlight-out.json")
        .then()
        .statusCode(200)
        .body("attributes.code", equalTo(List.of("pole_number", "hazard")))
        .body("attributes[1].values.key", equalTo(List.of("yes", "no")))
        .body("attributes[0].required", equalTo(true));
    api()
        .queryParam("jurisdiction_id", north.jurisdictionId())
        .get("open311/v2/services.json")
        .then()
        .body("find { it.service_code == 'streetlight-out' }.metadata", equalTo(true));

    open311Post(Map.of("attribute[pole_number]", "LB-1234"))
        .statusCode(400)
        .body("[0].description", containsString("attribute[hazard]"));
    open311Post(Map.of("attribute[pole_number]", "LB-1234", "attribute[hazard]", "maybe"))
        .statusCode(400)
        .body("[0].description", containsString("'maybe' is not one of"));
    open311Post(
            Map.of(
                "attribute[pole_number]",
                "LB-1234",
                "attribute[hazard]",
                "yes",
                "attribute[colour]",
                "red"))
        .statusCode(400)
        .body("[0].description", containsString("no such attribute"));
    // Every wrong answer at once, each its own entry, so a client can mark them all.
    open311Post(Map.of("attribute[hazard]", "maybe", "attribute[colour]", "red"))
        .statusCode(400)
        .body("size()", equalTo(3))
        .body("code", equalTo(List.of(400, 400, 400)))
        .body("[0].description", equalTo("attribute[colour] this service has no such attribute"))
        .body("[1].description", containsString("attribute[pole_number]"))
        .body("[2].description", containsString("attribute[hazard] 'maybe' is not one of"));
    api()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "service_code", "streetlight-out",
                "description", "Dark",
                "address_string", "1 Main St",
                "attributes", Map.of("hazard", "maybe")))
        .post("api/v1/cities/{city}/service-requests", north.slug())
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", equalTo(List.of("attribute[pole_number]", "attribute[hazard]")));
    String id =
        open311Post(Map.of("attribute[pole_number]", "LB-1234", "attribute[hazard]", "yes"))
            .statusCode(200)
            .extract()
            .path("[0].service_request_id");
    api()
        .queryParam("jurisdiction_id", north.jurisdictionId())
        .queryParam("extensions", "true")
        .get("open311/v2/requests/" + id + ".json")
        .then()
        .body("[0].extended_attributes.attributes.code", equalTo(List.of("hazard", "pole_number")));
  }

  @Test
  void staffOnlyAndWithdrawnCategoriesAreNotOfferedToThePublic() throws Exception {
    save(north, streetlight(true, true), 200);
    api()
        .queryParam("jurisdiction_id", north.jurisdictionId())
        .get("open311/v2/services.json")
        .then()
        .body("service_code", not(hasItem("streetlight-out")));
    api()
        .get("api/v1/cities/{city}/service-categories", north.slug())
        .then()
        .body("code", not(hasItem("streetlight-out")));
    Map<String, Object> body =
        Map.of(
            "service_code", "streetlight-out",
            "description", "Dark",
            "address_string", "1 Main St",
            "attributes", Map.of("pole_number", "LB-9", "hazard", "no"));
    api()
        .contentType(ContentType.JSON)
        .body(body)
        .post("api/v1/cities/{city}/service-requests", north.slug())
        .then()
        .statusCode(400);
    String filed =
        as(north, "agent")
            .contentType(ContentType.JSON)
            .body(body)
            .post("api/v1/cities/{city}/service-requests", north.slug())
            .then()
            .statusCode(201)
            .extract()
            .path("service_request_id");
    // its request stays out of the public Open311 feed too
    api()
        .queryParam("jurisdiction_id", north.jurisdictionId())
        .get("open311/v2/requests/" + filed + ".json")
        .then()
        .statusCode(404);
    api()
        .queryParam("jurisdiction_id", north.jurisdictionId())
        .get("open311/v2/requests.json")
        .then()
        .body("service_request_id", not(hasItem(filed)));

    save(north, streetlight(false, false), 200);
    as(north, "city-admin")
        .get("api/v1/cities/{city}/admin/service-categories", north.slug())
        .then()
        .body("find { it.code == 'streetlight-out' }.active", equalTo(false));
    as(north, "agent")
        .contentType(ContentType.JSON)
        .body(body)
        .post("api/v1/cities/{city}/service-requests", north.slug())
        .then()
        .statusCode(400);
    assertThat(Db.count(north, "service_category")).isEqualTo(1); // a tombstone, not deleted
  }

  @Test
  void aWrongDefinitionIsRefusedWholeNamingTheAttribute() throws Exception {
    save(north, streetlight(false, true), 200);
    long audited = Db.count(north, "audit_entry");
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "Streetlight out",
                "attributes",
                List.of(
                    Map.of(
                        "code",
                        "hazard",
                        "datatype",
                        "singlevaluelist",
                        "description",
                        "Unsafe?"))))
        .put("api/v1/cities/{city}/admin/service-categories/streetlight-out", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("attributes[0].values"));
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "x",
                "attributes",
                List.of(Map.of("code", "a", "datatype", "colour", "description", "?"))))
        .put("api/v1/cities/{city}/admin/service-categories/streetlight-out", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("attributes[0].datatype"));
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("name", ""))
        .put("api/v1/cities/{city}/admin/service-categories/Bad%20Code", north.slug())
        .then()
        .statusCode(400);
    // a code with a trailing space is not another way to name an existing category
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(streetlight(false, true))
        .urlEncodingEnabled(false)
        .put("api/v1/cities/" + north.slug() + "/admin/service-categories/streetlight-out%20")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("code"));
    assertThat(Db.count(north, "audit_entry")).isEqualTo(audited);
    api()
        .queryParam("jurisdiction_id", north.jurisdictionId())
        .get("open311/v2/services/streetlight-out.json")
        .then()
        .body("attributes.code", equalTo(List.of("pole_number", "hazard")));
  }

  @Test
  void eachCitysCatalogueIsItsOwn() {
    save(north, streetlight(false, true), 200);
    as(south, "city-admin")
        .get("api/v1/cities/{city}/admin/service-categories", south.slug())
        .then()
        .statusCode(200)
        .body("code", not(hasItem("streetlight-out")));
    as(south, "city-admin")
        .contentType(ContentType.JSON)
        .body(streetlight(false, true))
        .put("api/v1/cities/{city}/admin/service-categories/streetlight-out", north.slug())
        .then()
        .statusCode(403);
  }

  @Test
  void creatingACodeTheCityAlreadyHasIsRefusedAndChangesNothing() throws Exception {
    save(north, streetlight(false, true), 200);
    String before =
        Db.sql(
            north,
            "select name || description from service_category where code = ?",
            "streetlight-out");
    Map<String, Object> other = new java.util.HashMap<>(streetlight(false, true));
    other.put("name", "Something else");
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .header("If-None-Match", "*")
        .body(other)
        .put("api/v1/cities/{city}/admin/service-categories/streetlight-out", north.slug())
        .then()
        .statusCode(412)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("code"));
    assertThat(
            Db.sql(
                north,
                "select name || description from service_category where code = ?",
                "streetlight-out"))
        .isEqualTo(before);
    // the other city may create the same code
    as(south, "city-admin")
        .contentType(ContentType.JSON)
        .header("If-None-Match", "*")
        .body(other)
        .put("api/v1/cities/{city}/admin/service-categories/streetlight-out", south.slug())
        .then()
        .statusCode(200);
  }
}
