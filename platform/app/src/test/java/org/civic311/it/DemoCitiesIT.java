package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.civic311.admin.provider.demo.CategoryCsv;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.Test;

/** The demo seed (on in the tests, as in the README's first command) serves both demo cities. */
class DemoCitiesIT extends PlatformIT {

  @Test
  void bothDemoCitiesAreListedWithTheirJurisdictionAndTimeZone() {
    api()
        .get("api/v1/cities")
        .then()
        .statusCode(200)
        .body("find { it.slug == 'lethbridge' }.jurisdiction_id", equalTo("lethbridge.ca"))
        .body("find { it.slug == 'lethbridge' }.time_zone", equalTo("America/Edmonton"))
        .body("find { it.slug == 'calgary' }.jurisdiction_id", equalTo("calgary.ca"))
        .body("find { it.slug == 'calgary' }.time_zone", equalTo("America/Edmonton"));
  }

  @Test
  void lethbridgeServesItsWholeCatalogueIncludingLargeItemCollection() throws Exception {
    List<String> codes =
        api()
            .get("api/v1/cities/lethbridge/service-categories")
            .then()
            .statusCode(200)
            .body("name", hasItem("Large Item Collection"))
            .extract()
            .jsonPath()
            .getList("code");
    assertThat(codes).containsExactlyInAnyOrderElementsOf(csvCodes("lethbridge"));
  }

  @Test
  void calgaryServesItsWholeCatalogueIncludingPotholes() throws Exception {
    List<String> codes =
        api()
            .get("api/v1/cities/calgary/service-categories")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("code");
    assertThat(codes).contains("pothole").containsExactlyInAnyOrderElementsOf(csvCodes("calgary"));
  }

  @Test
  void calgaryNamesItsCommonCategoriesInFrenchAndLethbridgeLimitsItsValleyPathways() {
    api()
        .queryParam("jurisdiction_id", "calgary.ca")
        .queryParam("locale", "fr")
        .get("open311/v2/services.json")
        .then()
        .statusCode(200)
        .body("find { it.service_code == 'pothole' }.service_name", equalTo("Nid-de-poule"))
        .body("find { it.service_code == 'road-debris' }.service_name", equalTo("Debris on Road"));
    // downtown Lethbridge is outside the river valley; the valley itself is inside
    api()
        .queryParam("lat", "49.6935")
        .queryParam("long", "-112.8418")
        .get("api/v1/cities/lethbridge/service-categories")
        .then()
        .statusCode(200)
        .body("code", not(hasItem("river-valley-pathway")))
        .body("code", hasItem("pothole"));
    api()
        .queryParam("lat", "49.70")
        .queryParam("long", "-112.86")
        .get("api/v1/cities/lethbridge/service-categories")
        .then()
        .statusCode(200)
        .body(
            "find { it.code == 'river-valley-pathway' }.groups",
            equalTo(List.of("Parks & Trees", "Roads & Sidewalks")));
  }

  @Test
  void demoCitiesHaveSampleRequests() {
    List<Object> requests =
        as("calgary-agent")
            .get("api/v1/cities/calgary/service-requests?limit=500")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    assertThat(requests).hasSizeGreaterThanOrEqualTo(40);
  }

  @Test
  void timestampsCarrySecondsAndAnOffsetButNoFraction() {
    List<String> times =
        as("lethbridge-agent")
            .get("api/v1/cities/lethbridge/service-requests?limit=500")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("requested_datetime");
    assertThat(times)
        .isNotEmpty()
        .allMatch(t -> t.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)"));
  }

  @Test
  void aRequestIsWrittenWithItsIdFirst() {
    String body =
        as("lethbridge-agent")
            .get("api/v1/cities/lethbridge/service-requests?limit=1")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(body).startsWith("[{\"service_request_id\"");
  }

  private static List<String> csvCodes(String slug) throws Exception {
    try (var reader =
        new InputStreamReader(
            DemoCitiesIT.class
                .getClassLoader()
                .getResourceAsStream("demo/" + slug + "/categories.csv"),
            StandardCharsets.UTF_8)) {
      return CategoryCsv.read(reader).stream().map(CategoryCsv.Row::code).toList();
    }
  }
}
