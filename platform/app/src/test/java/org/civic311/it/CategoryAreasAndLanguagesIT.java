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
 * A category's names in other languages, its several groups and its service area: what the admin
 * writes, what Open311 and the native API publish (by language, by point), a report outside the
 * area refused on every channel, malformed polygons refused with nothing changed, and each city
 * apart.
 */
class CategoryAreasAndLanguagesIT extends PlatformIT {
  private static final String KEY = "areas-it-open311-key";

  /** Roughly the river valley west of downtown Lethbridge (longitude, latitude). */
  private static final Map<String, Object> VALLEY =
      Map.of(
          "type",
          "Polygon",
          "coordinates",
          List.of(
              List.of(
                  List.of(-112.88, 49.66),
                  List.of(-112.85, 49.66),
                  List.of(-112.85, 49.73),
                  List.of(-112.88, 49.73),
                  List.of(-112.88, 49.66))));

  private static final String INSIDE_LAT = "49.70";
  private static final String INSIDE_LONG = "-112.86";
  private static final String OUTSIDE_LAT = "49.69";
  private static final String OUTSIDE_LONG = "-112.80";

  private TestCity north;
  private TestCity south;

  @BeforeEach
  void twoCities() throws Exception {
    north = Db.createCity("north");
    south = Db.createCity("south");
    Db.addApiKey(north, KEY);
  }

  private static Map<String, Object> patrol(Object area) {
    Map<String, Object> definition = new java.util.HashMap<>();
    definition.put("name", "Park patrol");
    definition.put("names", Map.of("fr", "Patrouille des parcs", "es", "Patrulla de parques"));
    definition.put("groups", List.of("Parks & Trees", "Safety"));
    definition.put("keywords", List.of("coulee", "valley"));
    definition.put("description", "Something unsafe in a river valley park.");
    definition.put("descriptions", Map.of("fr", "Un danger dans un parc de la vallée."));
    definition.put("area", area);
    return definition;
  }

  private void save(TestCity city, Map<String, Object> definition, int status) {
    put(city, city, definition).statusCode(status);
  }

  /** {@code as}'s administrator writes park-patrol into {@code city}'s catalogue. */
  private io.restassured.response.ValidatableResponse put(
      TestCity as, TestCity city, Map<String, Object> definition) {
    return as(as, "city-admin")
        .contentType(ContentType.JSON)
        .body(definition)
        .put("api/v1/cities/{city}/admin/service-categories/park-patrol", city.slug())
        .then();
  }

  /** The public list of {@code city}'s categories at a point. */
  private io.restassured.response.ValidatableResponse listAt(
      TestCity city, String lat, String lon) {
    return api()
        .queryParam("lat", lat)
        .queryParam("long", lon)
        .get("api/v1/cities/{city}/service-categories", city.slug())
        .then();
  }

  private io.restassured.response.ValidatableResponse report(String lat, String lon) {
    return api()
        .formParam("jurisdiction_id", north.jurisdictionId())
        .formParam("api_key", KEY)
        .formParam("service_code", "park-patrol")
        .formParam("description", "Broken railing on the path")
        .formParam("lat", lat)
        .formParam("long", lon)
        .post("open311/v2/requests.json")
        .then();
  }

  @Test
  void theAdminWritesLanguagesGroupsAndAnAreaAndReadsThemBack() {
    save(north, patrol(VALLEY), 200);
    as(north, "city-admin")
        .get("api/v1/cities/{city}/admin/service-categories", north.slug())
        .then()
        .statusCode(200)
        .body(
            "find { it.code == 'park-patrol' }.groups", equalTo(List.of("Parks & Trees", "Safety")))
        .body("find { it.code == 'park-patrol' }.group", equalTo("Parks & Trees"))
        .body("find { it.code == 'park-patrol' }.names.fr", equalTo("Patrouille des parcs"))
        .body("find { it.code == 'park-patrol' }.descriptions.fr", containsString("vallée"))
        .body("find { it.code == 'park-patrol' }.area.type", equalTo("Polygon"))
        .body(
            "find { it.code == 'park-patrol' }.area.coordinates[0][0]",
            equalTo(List.of(-112.88f, 49.66f)));
  }

  @Test
  void publishedInTheAskedLanguageWithTheMainGroupAndTheFirstLanguageAsFallback() {
    save(north, patrol(null), 200);
    api()
        .queryParam("jurisdiction_id", north.jurisdictionId())
        .queryParam("locale", "fr")
        .get("open311/v2/services.json")
        .then()
        .statusCode(200)
        .body(
            "find { it.service_code == 'park-patrol' }.service_name",
            equalTo("Patrouille des parcs"))
        .body("find { it.service_code == 'park-patrol' }.group", equalTo("Parks & Trees"));
    // a regional tag falls back to its language; a language without a name to the first one
    api()
        .queryParam("lang", "es-MX")
        .get("api/v1/cities/{city}/service-categories", north.slug())
        .then()
        .statusCode(200)
        .body("find { it.code == 'park-patrol' }.name", equalTo("Patrulla de parques"))
        .body(
            "find { it.code == 'park-patrol' }.description",
            equalTo("Something unsafe in a river valley park."))
        .body(
            "find { it.code == 'park-patrol' }.groups",
            equalTo(List.of("Parks & Trees", "Safety")));
    api()
        .queryParam("jurisdiction_id", north.jurisdictionId())
        .queryParam("locale", "de")
        .get("open311/v2/services.xml")
        .then()
        .statusCode(200)
        .body(containsString("<service_name>Park patrol</service_name>"));
  }

  @Test
  void servicesAtAPointListOnlyWhatIsOfferedThereAndReportsOutsideAreRefused() throws Exception {
    save(north, patrol(VALLEY), 200);
    List<String> inside =
        api()
            .queryParam("jurisdiction_id", north.jurisdictionId())
            .queryParam("lat", INSIDE_LAT)
            .queryParam("long", INSIDE_LONG)
            .get("open311/v2/services.json")
            .then()
            .statusCode(200)
            .extract()
            .path("service_code");
    assertThat(inside).contains("park-patrol");
    List<String> outside =
        api()
            .queryParam("jurisdiction_id", north.jurisdictionId())
            .queryParam("lat", OUTSIDE_LAT)
            .queryParam("long", OUTSIDE_LONG)
            .get("open311/v2/services.json")
            .then()
            .statusCode(200)
            .extract()
            .path("service_code");
    assertThat(outside).doesNotContain("park-patrol");
    // without a point: everything the city offers
    api()
        .queryParam("jurisdiction_id", north.jurisdictionId())
        .get("open311/v2/services.json")
        .then()
        .body("service_code", hasItem("park-patrol"));
    // the native API filters the same way
    listAt(north, OUTSIDE_LAT, OUTSIDE_LONG)
        .statusCode(200)
        .body("code", not(hasItem("park-patrol")));

    long before = Db.count(north, "service_request");
    report(OUTSIDE_LAT, OUTSIDE_LONG)
        .statusCode(400)
        .body("[0].code", equalTo(400))
        .body(
            "[0].description",
            containsString("location 'Park patrol' is not offered at this place"));
    as(north, "agent")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "service_code", "park-patrol",
                "description", "Called in",
                "lat", Double.valueOf(OUTSIDE_LAT),
                "long", Double.valueOf(OUTSIDE_LONG),
                "channel", "phone"))
        .post("api/v1/cities/{city}/service-requests", north.slug())
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(containsString("location"));
    assertThat(Db.count(north, "service_request")).isEqualTo(before);

    report(INSIDE_LAT, INSIDE_LONG).statusCode(200);
    assertThat(Db.count(north, "service_request")).isEqualTo(before + 1);

    // half a point, or one out of range, is a clear 400
    api()
        .queryParam("jurisdiction_id", north.jurisdictionId())
        .queryParam("lat", INSIDE_LAT)
        .get("open311/v2/services.json")
        .then()
        .statusCode(400)
        .body("[0].description", containsString("long must be given with lat"));
    listAt(north, "91", "0")
        .statusCode(400)
        .body("detail", containsString("lat must be between -90 and 90"));
    listAt(north, "north", "0")
        .statusCode(400)
        .body("errors[0].field", equalTo("lat"))
        .body("errors[0].message", equalTo("'north' is not a number"));
  }

  @Test
  void malformedAreasAndLanguageTagsAreRefusedNamingTheProblemAndChangeNothing() throws Exception {
    save(north, patrol(VALLEY), 200);
    String stored = Db.sql(north, "select area from service_category where code = 'park-patrol'");
    Map<String, Object> bowTie =
        Map.of(
            "type",
            "Polygon",
            "coordinates",
            List.of(
                List.of(
                    List.of(0, 0), List.of(1, 1), List.of(1, 0), List.of(0, 1), List.of(0, 0))));
    put(north, north, patrol(bowTie))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("area self-intersection"));
    Map<String, Object> open =
        Map.of(
            "type",
            "Polygon",
            "coordinates",
            List.of(List.of(List.of(0, 0), List.of(1, 0), List.of(1, 1), List.of(0, 1))));
    put(north, north, patrol(open))
        .statusCode(400)
        .body("detail", containsString("area.coordinates[0] a ring must end where it begins"));
    Map<String, Object> badTag = patrol(null);
    badTag.put("names", Map.of("French", "Patrouille"));
    put(north, north, badTag)
        .statusCode(400)
        .body("detail", containsString("names.French is not a language tag"));
    Map<String, Object> notAnObject = patrol(null);
    notAnObject.put("area", "somewhere");
    put(north, north, notAnObject).statusCode(400).contentType("application/problem+json");
    assertThat(Db.sql(north, "select area from service_category where code = 'park-patrol'"))
        .isEqualTo(stored);
    assertThat(Db.sql(north, "select names from service_category where code = 'park-patrol'"))
        .contains("Patrouille des parcs");
  }

  @Test
  void anotherCityNeitherSeesNorChangesTheCategoryAndItsArea() throws Exception {
    save(north, patrol(VALLEY), 200);
    Db.addCategory(south, java.util.UUID.randomUUID(), "park-patrol", "South patrol");
    // the same code in the other city: no area, its own name, whatever the point
    api()
        .queryParam("jurisdiction_id", south.jurisdictionId())
        .queryParam("lat", OUTSIDE_LAT)
        .queryParam("long", OUTSIDE_LONG)
        .queryParam("locale", "fr")
        .get("open311/v2/services.json")
        .then()
        .statusCode(200)
        .body("find { it.service_code == 'park-patrol' }.service_name", equalTo("South patrol"));
    put(south, north, patrol(null)).statusCode(403);
    assertThat(Db.sql(north, "select area from service_category where code = 'park-patrol'"))
        .isNotNull();
    assertThat(Db.sql(south, "select area from service_category where code = 'park-patrol'"))
        .isNull();
  }

  @Test
  void theCsvCarriesGroupsAndLanguagesBothWays() {
    save(north, patrol(VALLEY), 200);
    String csv =
        as(north, "city-admin")
            .get("api/v1/cities/{city}/admin/catalogue/export", north.slug())
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo(
            "code,name,group,keywords,description,active,staff_only,name_es,description_es,name_fr,description_fr");
    assertThat(csv).contains("park-patrol,Park patrol,Parks & Trees;Safety,");
    as(north, "city-admin")
        .contentType("text/csv")
        .body(
            "code,name,group,name_fr,description_fr\n"
                + "park-patrol,Park patrol,Parks & Trees;Safety;Rivers,Patrouille de la vallée,\n")
        .queryParam("overwrite_local_edits", true)
        .post("api/v1/cities/{city}/admin/catalogue/import", north.slug())
        .then()
        .statusCode(200)
        .body("updated", equalTo(List.of("park-patrol")));
    as(north, "city-admin")
        .get("api/v1/cities/{city}/admin/service-categories", north.slug())
        .then()
        .body(
            "find { it.code == 'park-patrol' }.groups",
            equalTo(List.of("Parks & Trees", "Safety", "Rivers")))
        .body("find { it.code == 'park-patrol' }.names.fr", equalTo("Patrouille de la vallée"))
        .body("find { it.code == 'park-patrol' }.names.es", equalTo("Patrulla de parques"))
        .body("find { it.code == 'park-patrol' }.descriptions.fr", equalTo(null))
        .body("find { it.code == 'park-patrol' }.area.type", equalTo("Polygon"));
    as(north, "city-admin")
        .contentType("text/csv")
        .body("code,name,name_French\npark-patrol,Park patrol,Patrouille\n")
        .post("api/v1/cities/{city}/admin/catalogue/import", north.slug())
        .then()
        .statusCode(400)
        .body(containsString("unknown column 'name_French'"));
  }
}
