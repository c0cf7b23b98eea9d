package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the resident portal added to the public API: open requests near a point ("me too" before a
 * report), a report with a photo on the native API, the numbers residents call, a category's
 * questions, where a city's map opens; and the portal's pages as HTTP sees them. Each city's own,
 * and bad input refused naming the field, with nothing stored.
 */
class PortalApiIT extends PlatformIT {
  private TestCity north;
  private TestCity south;

  @BeforeEach
  void twoCitiesWithPotholes() throws Exception {
    north = Db.createCity("north");
    south = Db.createCity("south");
    for (TestCity city : List.of(north, south)) {
      Db.addCategory(city, UUID.randomUUID(), "pothole", "Pothole");
    }
    Db.addCategory(north, UUID.randomUUID(), "graffiti", "Graffiti");
  }

  // ---- the reporter's name ----------------------------------------------------------------------

  @Test
  void aReportersNameIsKeptForTheCitysStaffOnlyFromThePortalAndFromOpen311() throws Exception {
    String fromPortal =
        api()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "service_code", "pothole",
                    "description", "Deep one",
                    "address_string", "1 Main St",
                    "name", "  Jane Q. Resident ",
                    "email", "jane@example.org"))
            .post("api/v1/cities/{city}/service-requests", north.slug())
            .then()
            .statusCode(201)
            .extract()
            .path("service_request_id");
    as(north, "agent")
        .get("api/v1/cities/{city}/service-requests/{id}/reporter", north.slug(), fromPortal)
        .then()
        .statusCode(200)
        .body("name", equalTo("Jane Q. Resident"))
        .body("email", equalTo("jane@example.org"))
        .body("signed_in", equalTo(false));
    // never in what the public reads
    assertThat(
            api()
                .get("api/v1/cities/{city}/service-requests/{id}", north.slug(), fromPortal)
                .asString())
        .doesNotContain("Jane");
    // another city's staff do not find it; the public may not ask
    as(south, "agent")
        .get("api/v1/cities/{city}/service-requests/{id}/reporter", south.slug(), fromPortal)
        .then()
        .statusCode(404);
    api()
        .get("api/v1/cities/{city}/service-requests/{id}/reporter", north.slug(), fromPortal)
        .then()
        .statusCode(401);

    // Open311's first_name and last_name
    Db.addApiKey(north, "north-key-for-names");
    String fromApp =
        api()
            .contentType(ContentType.URLENC)
            .formParam("jurisdiction_id", north.jurisdictionId())
            .formParam("api_key", "north-key-for-names")
            .formParam("service_code", "pothole")
            .formParam("address_string", "2 Main St")
            .formParam("first_name", "Omar")
            .formParam("last_name", "Haddad")
            .post("open311/v2/requests.json")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].service_request_id");
    as(north, "agent")
        .get("api/v1/cities/{city}/service-requests/{id}/reporter", north.slug(), fromApp)
        .then()
        .body("name", equalTo("Omar Haddad"))
        .body("email", org.hamcrest.Matchers.nullValue());

    // markup or a line break in a name is refused, naming it, and nothing is stored
    long before = Db.count(north, "service_request");
    for (String bad : List.of("<b>Jane</b>", "Jane\nDoe", "x".repeat(201))) {
      api()
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "service_code", "pothole",
                  "description", "Deep one",
                  "address_string", "1 Main St",
                  "name", bad))
          .post("api/v1/cities/{city}/service-requests", north.slug())
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("name"));
    }
    assertThat(Db.count(north, "service_request")).isEqualTo(before);
  }

  // ---- stopping updates from the status page ----------------------------------------------------

  @Test
  void theStatusPageSendsAFollowerTheLinkToStopAndTellsNoOneWhoFollows() throws Exception {
    String follower = "follower-" + UUID.randomUUID() + "@example.org";
    String id =
        api()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "service_code", "pothole",
                    "description", "Deep one",
                    "address_string", "3 Main St",
                    "email", follower,
                    "subscribe", true))
            .post("api/v1/cities/{city}/service-requests", north.slug())
            .then()
            .statusCode(201)
            .extract()
            .path("service_request_id");
    org.civic311.it.support.Mail.awaitTo(follower, 1); // "Request received"

    String stranger = "stranger-" + UUID.randomUUID() + "@example.org";
    for (String who : List.of(follower, stranger)) {
      api()
          .contentType(ContentType.JSON)
          .body(Map.of("service_request_id", id, "email", who))
          .post("api/v1/cities/{city}/subscriptions/stop", north.slug())
          .then()
          .statusCode(202)
          .body("status", equalTo("link_sent_if_following"));
    }
    jakarta.mail.internet.MimeMessage stop =
        org.civic311.it.support.Mail.awaitTo(follower, 2).get(1);
    assertThat(org.civic311.it.support.Mail.subject(stop)).contains("Stop your e-mail updates");
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("subscriptions/unsubscribe\\?token=([A-Za-z0-9_%-]+)")
            .matcher(org.civic311.it.support.Mail.text(stop));
    assertThat(link.find()).isTrue();
    api()
        .post("api/v1/cities/{city}/subscriptions/unsubscribe?token=" + link.group(1), north.slug())
        .then()
        .statusCode(200)
        .body("status", equalTo("unsubscribed"));
    assertThat(org.civic311.it.support.Mail.to(stranger)).as("nothing to a non-follower").isEmpty();

    // another city does not know the request; a wrong address is refused, naming it
    api()
        .contentType(ContentType.JSON)
        .body(Map.of("service_request_id", id, "email", follower))
        .post("api/v1/cities/{city}/subscriptions/stop", south.slug())
        .then()
        .statusCode(404);
    api()
        .contentType(ContentType.JSON)
        .body(Map.of("service_request_id", id, "email", "not-an-address"))
        .post("api/v1/cities/{city}/subscriptions/stop", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("email"));
  }

  // ---- nearby ----------------------------------------------------------------------------------

  @Test
  void nearbyListsOpenRequestsOfTheCategoryNearestFirstWithPublicFieldsOnly() {
    // 1 degree of latitude is about 111 km: 0.00027 is about 30 m
    String here = report(north, "pothole", "50.000000", "-113.000000", "here@example.org", false);
    String thirty = report(north, "pothole", "50.000270", "-113.000000", null, true);
    String ninety = report(north, "pothole", "50.000810", "-113.000000", null, true);
    report(north, "pothole", "50.010000", "-113.000000", null, true); // about 1.1 km
    report(north, "graffiti", "50.000000", "-113.000000", null, true); // another category
    String resolved = report(north, "pothole", "50.000090", "-113.000000", null, true);
    move(north, resolved, "in_progress");
    move(north, resolved, "resolved");

    Response answer = nearby(north, "pothole", "50.0", "-113.0");
    answer.then().statusCode(200);
    assertThat(answer.jsonPath().getList("service_request_id", String.class))
        .containsExactly(here, thirty, ninety);
    assertThat(answer.jsonPath().getList("distance_metres", Integer.class))
        .containsExactly(0, 30, 90);
    answer
        .then()
        .body("[0].service_code", equalTo("pothole"))
        .body("[0].service_name", equalTo("Pothole"))
        .body("[0].stage", equalTo("received"))
        .body("[0].description", equalTo("Deep one"))
        .body("[0]", not(hasKey("email")))
        .body("[0]", not(hasKey("channel")));
    assertThat(answer.asString()).doesNotContain("here@example.org");
  }

  @Test
  void nearbyRadiusFollowsTheCitysRuleWhenItIsWider() {
    String far = report(north, "pothole", "50.002700", "-113.000000", null, true); // about 300 m
    assertThat(nearby(north, "pothole", "50.0", "-113.0").jsonPath().getList("$")).isEmpty();
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("duplicate_radius_metres", 400, "duplicate_max_age_days", 14))
        .put("api/v1/cities/{city}/admin/duplicate-rule", north.slug())
        .then()
        .statusCode(200);
    assertThat(
            nearby(north, "pothole", "50.0", "-113.0")
                .jsonPath()
                .getList("service_request_id", String.class))
        .containsExactly(far);
  }

  @Test
  void anotherCitysRequestsAreNeverNearby() {
    report(south, "pothole", "50.000000", "-113.000000", "south@example.org", false);
    String mine = report(north, "pothole", "50.000000", "-113.000000", null, false);
    assertThat(
            nearby(north, "pothole", "50.0", "-113.0")
                .jsonPath()
                .getList("service_request_id", String.class))
        .containsExactly(mine);
    // a category only the other city has is not this city's
    nearby(south, "graffiti", "50.0", "-113.0")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("service_code"));
  }

  @Test
  void nearbyRefusesBadInputNamingTheField() {
    Map<String, String[]> cases = new java.util.LinkedHashMap<>();
    cases.put("service_code", new String[] {null, "50", "-113"});
    cases.put("lat", new String[] {"pothole", "north", "-113"});
    cases.put("long", new String[] {"pothole", "50", null});
    for (var c : cases.entrySet()) {
      nearby(north, c.getValue()[0], c.getValue()[1], c.getValue()[2])
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(c.getKey()));
    }
    nearby(north, "unicorn", "50", "-113")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("service_code"));
    nearby(north, "pothole", "95", "-113")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("lat"));
    nearby(north, "pothole", "50", "-190")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("long"));
  }

  // ---- a report with a photo -------------------------------------------------------------------

  @Test
  void aReportWithAPhotoKeepsThePhotoWithTheRequest() throws Exception {
    byte[] png = png();
    Response created =
        api()
            .multiPart("request", "request.json", json(payload("pothole")), "application/json")
            .multiPart("media", "pothole.png", png, "image/png")
            .post("api/v1/cities/{city}/service-requests", north.slug());
    created.then().statusCode(201).body("service_code", equalTo("pothole"));
    String id = created.path("service_request_id");
    assertThat(Db.countFor(north, "request_media", id)).isEqualTo(1);
    String mediaUrl =
        api()
            .queryParam("jurisdiction_id", north.jurisdictionId())
            .get("open311/v2/requests/" + id + ".json")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].media_url");
    byte[] served =
        api()
            .get(java.net.URI.create(mediaUrl).getPath())
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertThat(served).isEqualTo(png);
  }

  @Test
  void aReportWithoutAPhotoMayComeAsMultipartToo() throws Exception {
    Map<String, Object> body = payload("pothole");
    body.put("email", "multi@example.org");
    api()
        .multiPart("request", "request.json", json(body), "application/json")
        .post("api/v1/cities/{city}/service-requests", north.slug())
        .then()
        .statusCode(201);
  }

  @Test
  void aRefusedPhotoOrReportStoresNothingAndNamesTheField() throws Exception {
    long before = Db.count(north, "service_request");
    long photosBefore = Db.count(north, "request_media");
    // not an image
    api()
        .multiPart("request", "request.json", json(payload("pothole")), "application/json")
        .multiPart("media", "notes.txt", "not a photo".getBytes(), "text/plain")
        .post("api/v1/cities/{city}/service-requests", north.slug())
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("media"));
    // a PNG that says it is a JPEG
    api()
        .multiPart("request", "request.json", json(payload("pothole")), "application/json")
        .multiPart("media", "p.jpg", png(), "image/jpeg")
        .post("api/v1/cities/{city}/service-requests", north.slug())
        .then()
        .statusCode(415)
        .body("errors[0].field", equalTo("media"));
    // a good photo with a bad report: the report's field, and no photo kept
    Map<String, Object> noDescription = payload("pothole");
    noDescription.remove("description");
    api()
        .multiPart("request", "request.json", json(noDescription), "application/json")
        .multiPart("media", "p.png", png(), "image/png")
        .post("api/v1/cities/{city}/service-requests", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("description"));
    Map<String, Object> outOfRange = payload("pothole");
    outOfRange.put("lat", 95);
    outOfRange.put("long", -113);
    api()
        .multiPart("request", "request.json", json(outOfRange), "application/json")
        .multiPart("media", "p.png", png(), "image/png")
        .post("api/v1/cities/{city}/service-requests", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("lat"));
    // no report part, or one that is not JSON
    api()
        .multiPart("media", "p.png", png(), "image/png")
        .post("api/v1/cities/{city}/service-requests", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("request"));
    api()
        .multiPart("request", "request.json", "{not json".getBytes(), "application/json")
        .post("api/v1/cities/{city}/service-requests", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("request"));
    assertThat(Db.count(north, "service_request")).isEqualTo(before);
    assertThat(Db.count(north, "request_media")).isEqualTo(photosBefore);
  }

  @Test
  void aDuplicateWithAPhotoIsRefusedUntilAcknowledged() throws Exception {
    report(north, "pothole", "50.100000", "-113.100000", null, false);
    Map<String, Object> again = payload("pothole");
    again.put("lat", 50.1);
    again.put("long", -113.1);
    api()
        .multiPart("request", "request.json", json(again), "application/json")
        .multiPart("media", "p.png", png(), "image/png")
        .post("api/v1/cities/{city}/service-requests", north.slug())
        .then()
        .statusCode(409);
    again.put("acknowledge_duplicate", true);
    api()
        .multiPart("request", "request.json", json(again), "application/json")
        .multiPart("media", "p.png", png(), "image/png")
        .post("api/v1/cities/{city}/service-requests", north.slug())
        .then()
        .statusCode(201);
  }

  // ---- phone numbers, questions, the map's centre -----------------------------------------------

  @Test
  void theNumbersResidentsCallAreTheCitysOwn() {
    api()
        .get("api/v1/cities/lethbridge/phone-numbers")
        .then()
        .statusCode(200)
        .body("[0].kind", equalTo("main"))
        .body("[0].short_code", equalTo("311"))
        .body("[0].number", equalTo("+14033203001"))
        .body("[0].display", equalTo("(403) 320-3001"))
        .body("[1].kind", equalTo("tty"))
        .body("[1]", not(hasKey("in_hours")));
    api()
        .get("api/v1/cities/calgary/phone-numbers")
        .then()
        .statusCode(200)
        .body("number", equalTo(List.of("+14032682489")));
    api()
        .get("api/v1/cities/{city}/phone-numbers", north.slug())
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
  }

  @Test
  void oneCategoryCarriesTheQuestionsItAsksTheListDoesNot() {
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "Graffiti",
                "group",
                "Bylaw",
                "keywords",
                List.of("tag"),
                "attributes",
                List.of(
                    Map.of(
                        "code",
                        "offensive",
                        "datatype",
                        "singlevaluelist",
                        "required",
                        true,
                        "description",
                        "Is it offensive?",
                        "values",
                        List.of(
                            Map.of("key", "yes", "name", "Yes"),
                            Map.of("key", "no", "name", "No"))))))
        .put("api/v1/cities/{city}/admin/service-categories/graffiti", north.slug())
        .then()
        .statusCode(200);
    api()
        .get("api/v1/cities/{city}/service-categories/graffiti", north.slug())
        .then()
        .statusCode(200)
        .body("attributes[0].code", equalTo("offensive"))
        .body("attributes[0].required", equalTo(true))
        .body("attributes[0].values.key", equalTo(List.of("yes", "no")));
    api()
        .get("api/v1/cities/{city}/service-categories", north.slug())
        .then()
        .statusCode(200)
        .body("find { it.code == 'graffiti' }", not(hasKey("attributes")));
    // the other city has no such category
    api()
        .get("api/v1/cities/{city}/service-categories/graffiti", south.slug())
        .then()
        .statusCode(404);
  }

  @Test
  void aCitysMapOpensWhereItsDataSays() {
    api()
        .get("api/v1/cities/lethbridge")
        .then()
        .statusCode(200)
        .body("map_centre.lat", equalTo(49.6935f))
        .body("map_centre.long", equalTo(-112.8418f));
    api()
        .get("api/v1/cities/{city}", north.slug())
        .then()
        .statusCode(200)
        .body("map_centre", nullValue());
  }

  // ---- the pages as HTTP sees them
  // ----------------------------------------------------------------

  @Test
  void theHomePageSaysHowToCallAndThatEmergenciesGoTo911() {
    Response home = api().get("c/lethbridge/");
    home.then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .header("Content-Language", "en")
        .header("X-Frame-Options", "DENY")
        .header("Content-Security-Policy", containsString("img-src 'self' data: blob: https://"))
        .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    assertThat(home.asString())
        .contains("<html lang=\"en\">", "City of Lethbridge", "href=\"tel:311\"")
        .contains("href=\"tel:+14033203001\"", "(403) 320-3001", "911")
        .doesNotContain("{{");
  }

  @Test
  void thePagesSpeakOnlyTheLanguagesTheCityOffers() {
    assertThat(api().queryParam("lang", "fr").get("c/calgary/").asString())
        .contains("<html lang=\"fr\">", "Signaler un problème", "hreflang=\"es\"");
    assertThat(api().queryParam("lang", "es").get("c/calgary/report").asString())
        .contains("<html lang=\"es\">", "Reportar un problema");
    assertThat(api().header("Accept-Language", "fr-CA,fr;q=0.9").get("c/calgary/").asString())
        .contains("<html lang=\"fr\">");
    // Lethbridge offers English only: no switch, and French is not served
    String lethbridge = api().queryParam("lang", "fr").get("c/lethbridge/").asString();
    assertThat(lethbridge).contains("<html lang=\"en\">").doesNotContain("hreflang=");
  }

  @Test
  void followingARequestByNumberGoesToItsStatusPageOrSaysWhatIsWrong() {
    String id = report(north, "pothole", "50.2", "-113.2", null, false);
    api()
        .redirects()
        .follow(false)
        .queryParam("number", " " + id + " ")
        .get("c/{city}/follow", north.slug())
        .then()
        .statusCode(303)
        .header("Location", containsString("/c/" + north.slug() + "/requests/" + id));
    String unknown = UUID.randomUUID().toString();
    Response missing = api().queryParam("number", unknown).get("c/{city}/follow", north.slug());
    missing.then().statusCode(404).contentType(containsString("text/html"));
    assertThat(missing.asString())
        .contains("value=\"" + unknown + "\"", "aria-invalid=\"true\"", "There is no request");
    // another city's request is not this city's
    api().queryParam("number", id).get("c/{city}/follow", south.slug()).then().statusCode(404);
    api().queryParam("number", "").get("c/{city}/follow", north.slug()).then().statusCode(400);
  }

  @Test
  void theMapLibraryIsServedFromItsWebJarAndNothingElseIs() {
    api()
        .get("webjars/leaflet/1.9.4/dist/leaflet.js")
        .then()
        .statusCode(200)
        .contentType(containsString("javascript"))
        .header("Cache-Control", containsString("max-age=31536000"));
    api().get("webjars/leaflet/1.9.4/dist/leaflet.js.map").then().statusCode(404);
    // the container refuses a path that climbs out before the application sees it
    api()
        .get("webjars/leaflet/../../../WEB-INF/web.xml")
        .then()
        .statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404)));
    api().get("webjars/leaflet/1.9.4/package.json").then().statusCode(404);
    api().get("webjars/other/1.0/x.js").then().statusCode(404);
  }

  // ---- helpers
  // ------------------------------------------------------------------------------------

  private static Response nearby(TestCity city, String code, String lat, String lon) {
    var request = api();
    if (code != null) {
      request.queryParam("service_code", code);
    }
    if (lat != null) {
      request.queryParam("lat", lat);
    }
    if (lon != null) {
      request.queryParam("long", lon);
    }
    return request.get("api/v1/cities/{city}/service-requests/nearby", city.slug());
  }

  private static Map<String, Object> payload(String code) {
    Map<String, Object> body = new HashMap<>();
    body.put("service_code", code);
    body.put("description", "Deep one");
    body.put("address_string", "100 Main St");
    return body;
  }

  private static String report(
      TestCity city, String code, String lat, String lon, String email, boolean acknowledge) {
    Map<String, Object> body = payload(code);
    body.put("lat", new java.math.BigDecimal(lat));
    body.put("long", new java.math.BigDecimal(lon));
    body.put("acknowledge_duplicate", acknowledge);
    if (email != null) {
      body.put("email", email);
    }
    return api()
        .contentType(ContentType.JSON)
        .body(body)
        .post("api/v1/cities/{city}/service-requests", city.slug())
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201)
        .extract()
        .path("service_request_id");
  }

  private static void move(TestCity city, String id, String status) {
    as(city, "agent")
        .contentType(ContentType.JSON)
        .body(Map.of("status", status))
        .post("api/v1/cities/{city}/service-requests/{id}/status", city.slug(), id)
        .then()
        .statusCode(200);
  }

  private static byte[] json(Map<String, Object> body) {
    try (jakarta.json.bind.Jsonb jsonb = jakarta.json.bind.JsonbBuilder.create()) {
      return jsonb.toJson(body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] png() throws Exception {
    var image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 3, 0xb3261e);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
