package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.Open311Contract;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.Test;

/**
 * Open311 GeoReport v2 as a third-party app sees it, against the demo cities: every endpoint in XML
 * and JSON, the standard's errors, and one city's ids and keys doing nothing in the other.
 */
class Open311IT extends PlatformIT {
  static final String LETHBRIDGE_KEY = "demo-lethbridge-open311-key";
  static final String CALGARY_KEY = "demo-calgary-open311-key";
  static final String W3_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)";

  /** Every answer is checked against the OpenAPI document ({@link Open311Contract}). */
  private RequestSpecification open311() {
    return api().basePath("open311/v2").filter(Open311Contract.filter());
  }

  private Response post(String format, Object... fields) {
    RequestSpecification spec =
        open311().contentType("application/x-www-form-urlencoded; charset=utf-8");
    for (int i = 0; i < fields.length; i += 2) {
      spec = spec.formParam((String) fields[i], fields[i + 1]);
    }
    return spec.post("requests." + format);
  }

  /** A JSON POST to Calgary with its key, plus {@code fields}. */
  private Response toCalgary(Object... fields) {
    Object[] all = new Object[fields.length + 4];
    all[0] = "jurisdiction_id";
    all[1] = "calgary.ca";
    all[2] = "api_key";
    all[3] = CALGARY_KEY;
    System.arraycopy(fields, 0, all, 4, fields.length);
    return post("json", all);
  }

  /** A request at the same spot every time, so it acknowledges possible duplicates. */
  private String created(String jurisdiction, String key, String code) {
    return post(
            "json",
            "acknowledge_duplicate",
            "true",
            "jurisdiction_id",
            jurisdiction,
            "api_key",
            key,
            "service_code",
            code,
            "lat",
            "49.6935",
            "long",
            "-112.8418",
            "description",
            "Reported through an app")
        .then()
        .statusCode(200)
        .extract()
        .path("[0].service_request_id");
  }

  @Test
  void theContractCatchesAnswersThatBreakTheStandard() {
    assertThat(
            Open311Contract.problems(
                "GET",
                "/open311/v2/requests/1.json",
                200,
                "application/json",
                "[{\"service_request_id\":\"1\",\"status\":\"open\","
                    + "\"requested_datetime\":\"2026-01-01T10:00:00.123Z\"}]"))
        .as("fractional seconds")
        .isNotEmpty();
    assertThat(
            Open311Contract.problems(
                "GET",
                "/open311/v2/requests/1.json",
                200,
                "application/json",
                "[{\"service_request_id\":1,\"status\":\"open\"}]"))
        .as("an id as a number")
        .isNotEmpty();
    assertThat(
            Open311Contract.problems(
                "GET",
                "/open311/v2/services.json",
                200,
                "application/json",
                "[{\"service_code\":\"a\",\"service_name\":\"A\",\"metadata\":false,"
                    + "\"type\":\"realtime\",\"colour\":\"red\"}]"))
        .as("a field the standard does not have")
        .isNotEmpty();
    assertThat(
            Open311Contract.problems(
                "GET",
                "/open311/v2/services.xml",
                200,
                "text/xml; charset=utf-8",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><services><service><colour>red</colour>"
                    + "</service></services>"))
        .as("an element the standard does not name")
        .singleElement()
        .asString()
        .contains("[colour]");
  }

  @Test
  void discoveryListsAProductionAndATestEndpointInBothFormats() {
    open311()
        .get("discovery.json")
        .then()
        .statusCode(200)
        .contentType(containsString("application/json"))
        .body("endpoints.type", hasItem("production"))
        .body("endpoints.type", hasItem("test"))
        .body("endpoints[0].formats", hasItem("text/xml"));
    String xml =
        open311()
            .get("discovery.xml")
            .then()
            .statusCode(200)
            .contentType("text/xml; charset=utf-8")
            .extract()
            .asString();
    // the document the answers are checked against is published, with no city needed
    open311()
        .get("openapi.yaml")
        .then()
        .statusCode(200)
        .contentType(containsString("application/yaml"))
        .body(containsString("openapi: 3.0.3"))
        .body(containsString("/requests.json:"));
    assertThat(xml)
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><discovery>")
        .contains("<endpoints><endpoint>")
        .contains("<formats><format>text/xml</format>");
  }

  @Test
  void servicesAreTheCitysCatalogueWithStringCodesAndRealBooleans() {
    open311()
        .queryParam("jurisdiction_id", "lethbridge.ca")
        .get("services.json")
        .then()
        .statusCode(200)
        .body("service_code", hasItem("large-item-collection"))
        .body("[0].metadata", equalTo(false))
        .body("[0].type", equalTo("realtime"))
        .body("[0].service_code", instanceOf(String.class));
    open311()
        .queryParam("jurisdiction_id", "calgary.ca")
        .get("services.xml")
        .then()
        .statusCode(200)
        .contentType("text/xml; charset=utf-8")
        .body("services.service.service_code", hasItem("pothole"))
        .body("services.service.service_code", not(hasItem("large-item-collection")));
  }

  @Test
  void aServiceDefinitionHasItsCodeAndItsAttributes() {
    open311()
        .queryParam("jurisdiction_id", "calgary.ca")
        .get("services/pothole.json")
        .then()
        .statusCode(200)
        .body("service_code", equalTo("pothole"))
        .body("attributes", hasSize(0));
    open311()
        .queryParam("jurisdiction_id", "calgary.ca")
        .get("services/no-such-thing.xml")
        .then()
        .statusCode(404)
        .body("errors.error.code", equalTo("404"));
  }

  @Test
  void theJurisdictionIsRequiredAndMustExist() {
    open311()
        .get("services.json")
        .then()
        .statusCode(400)
        .body("[0].code", equalTo(400))
        .body("[0].description", containsString("jurisdiction_id"));
    open311()
        .queryParam("jurisdiction_id", "")
        .get("services.xml")
        .then()
        .statusCode(400)
        .contentType("text/xml; charset=utf-8")
        .body("errors.error.code", equalTo("400"));
    open311()
        .queryParam("jurisdiction_id", "atlantis.gov")
        .get("services.json")
        .then()
        .statusCode(404)
        .body("[0].description", containsString("atlantis.gov"));
  }

  @Test
  void aRequestPostedWithTheCitysKeyCanBeFollowedInBothFormatsAndBothSpellings() throws Exception {
    String id = created("lethbridge.ca", LETHBRIDGE_KEY, "large-item-collection");
    open311()
        .queryParam("jurisdiction_id", "lethbridge.ca")
        .get("requests/" + id + ".json")
        .then()
        .statusCode(200)
        .body("[0].service_request_id", equalTo(id))
        .body("[0].status", equalTo("open"))
        .body("[0].service_code", equalTo("large-item-collection"))
        .body("[0].requested_datetime", matchesPattern(W3_TIME))
        .body("[0].lat", equalTo(49.6935f));
    open311()
        .queryParam("jurisdiction_id", "lethbridge.ca")
        .get("request/" + id + ".xml")
        .then()
        .statusCode(200)
        .body("service_requests.request.service_request_id", equalTo(id));
    open311()
        .queryParam("jurisdiction_id", "lethbridge.ca")
        .get("tokens/" + id + ".json")
        .then()
        .statusCode(200)
        .body("[0].service_request_id", equalTo(id));

    TestCity lethbridge = Db.city("lethbridge");
    assertThat(Db.countFor(lethbridge, "service_request_event", id)).as("history").isEqualTo(1);
    assertThat(Db.countFor(lethbridge, "outbox_event", id)).as("outbox").isEqualTo(1);
  }

  @Test
  void extensionsAddTheChannelAndTheHistory() {
    String id = created("calgary.ca", CALGARY_KEY, "pothole");
    open311()
        .queryParam("jurisdiction_id", "calgary.ca")
        .queryParam("extensions", "true")
        .get("requests/" + id + ".json")
        .then()
        .statusCode(200)
        .body("[0].extended_attributes.channel", equalTo("open311"))
        .body("[0].extended_attributes.duplicate", equalTo(false))
        .body("[0].notes[0].status", equalTo("received"));
  }

  @Test
  void postingNeedsTheCitysOwnKey() throws Exception {
    TestCity lethbridge = Db.city("lethbridge");
    long before = Db.count(lethbridge, "service_request");
    post(
            "json",
            "jurisdiction_id",
            "lethbridge.ca",
            "service_code",
            "large-item-collection",
            "address_string",
            "1 Main St")
        .then()
        .statusCode(403)
        .body("[0].code", equalTo(403));
    post(
            "xml",
            "jurisdiction_id",
            "lethbridge.ca",
            "api_key",
            CALGARY_KEY,
            "service_code",
            "large-item-collection",
            "address_string",
            "1 Main St")
        .then()
        .statusCode(403)
        .body("errors.error.code", equalTo("403"));
    assertThat(Db.count(lethbridge, "service_request")).isEqualTo(before);
  }

  @Test
  void badSubmissionsAreRefusedInTheStandardsFormatAndStoreNothing() throws Exception {
    TestCity calgary = Db.city("calgary");
    long before = Db.count(calgary, "service_request");
    String j = "calgary.ca";
    toCalgary("service_code", "pothole", "lat", "north", "long", "-114")
        .then()
        .statusCode(400)
        .body("[0].description", containsString("lat"));
    toCalgary("service_code", "pothole", "lat", "91", "long", "-114")
        .then()
        .statusCode(400)
        .body("[0].description", containsString("lat"));
    toCalgary("service_code", "unicorn", "address_string", "1 Main St")
        .then()
        .statusCode(404)
        .body("[0].description", containsString("unicorn"));
    toCalgary("address_string", "1 Main St")
        .then()
        .statusCode(400)
        .body("[0].description", containsString("service_code"));
    toCalgary("service_code", "pothole")
        .then()
        .statusCode(400)
        .body("[0].description", containsString("location"));
    toCalgary(
            "service_code",
            "pothole",
            "address_string",
            "1 Main St",
            "description",
            "<script>alert(1)</script>")
        .then()
        .statusCode(400)
        .body("[0].description", containsString("HTML"));
    toCalgary(
            "service_code",
            "pothole",
            "address_string",
            "1 Main St",
            "description",
            "x".repeat(4001))
        .then()
        .statusCode(400)
        .body("[0].description", containsString("description"));
    toCalgary("service_code", "pothole", "address_string", "1 Main St", "attribute[DEPTH]", "12")
        .then()
        .statusCode(400)
        .body("[0].description", containsString("attribute[DEPTH]"));
    toCalgary("service_code", "pothole", "address_string", "1 Main St", "email", "not-an-address")
        .then()
        .statusCode(400)
        .body("[0].description", containsString("email"));
    open311()
        .queryParam("jurisdiction_id", j)
        .contentType(ContentType.JSON)
        .body("{}")
        .post("requests.json")
        .then()
        .statusCode(415)
        .body("[0].code", equalTo(415));
    open311()
        .queryParam("jurisdiction_id", j)
        .delete("requests.json")
        .then()
        .statusCode(405)
        .body("[0].code", equalTo(405));
    assertThat(Db.count(calgary, "service_request")).isEqualTo(before);
  }

  @Test
  void oneCitysRequestIsNotFoundUnderAnotherJurisdiction() {
    String id = created("lethbridge.ca", LETHBRIDGE_KEY, "large-item-collection");
    open311()
        .queryParam("jurisdiction_id", "calgary.ca")
        .get("requests/" + id + ".json")
        .then()
        .statusCode(404);
    open311()
        .queryParam("jurisdiction_id", "calgary.ca")
        .queryParam("service_request_id", id)
        .get("requests.json")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
  }

  @Test
  void listsFilterByCodeStatusAndDateAndPage() {
    String j = "calgary.ca";
    created(j, CALGARY_KEY, "pothole");
    created(j, CALGARY_KEY, "pothole");
    created(j, CALGARY_KEY, "pothole");
    List<String> codes =
        open311()
            .queryParam("jurisdiction_id", j)
            .queryParam("service_code", "pothole")
            .get("requests.json")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("service_code");
    assertThat(codes).hasSizeGreaterThanOrEqualTo(3).containsOnly("pothole");
    open311()
        .queryParam("jurisdiction_id", j)
        .queryParam("status", "closed")
        .get("requests.json")
        .then()
        .statusCode(200)
        .body("status", not(hasItem("open")));
    List<String> page1 =
        open311()
            .queryParam("jurisdiction_id", j)
            .queryParam("page_size", 2)
            .queryParam("page", 1)
            .get("requests.json")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("service_request_id");
    List<String> page2 =
        open311()
            .queryParam("jurisdiction_id", j)
            .queryParam("page_size", 2)
            .queryParam("page", 2)
            .get("requests.json")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("service_request_id");
    assertThat(page1).hasSize(2).doesNotContainAnyElementsOf(page2);
    open311()
        .queryParam("jurisdiction_id", j)
        .queryParam("start_date", "2000-01-01T00:00:00Z")
        .queryParam("end_date", "2000-01-02T00:00:00Z")
        .get("requests.json")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
    open311()
        .queryParam("jurisdiction_id", j)
        .queryParam("start_date", "yesterday")
        .get("requests.json")
        .then()
        .statusCode(400)
        .body("[0].description", containsString("start_date"));
    open311()
        .queryParam("jurisdiction_id", j)
        .queryParam("start_date", "2026-01-01T00:00:00Z")
        .queryParam("end_date", "2026-06-01T00:00:00Z")
        .get("requests.json")
        .then()
        .statusCode(400)
        .body("[0].description", containsString("90 days"));
    open311()
        .queryParam("jurisdiction_id", j)
        .queryParam("page_size", 501)
        .get("requests.json")
        .then()
        .statusCode(400)
        .body("[0].description", containsString("page_size"));
    open311()
        .queryParam("jurisdiction_id", j)
        .queryParam("status", "sideways")
        .get("requests.xml")
        .then()
        .statusCode(400)
        .body("errors.error.description", startsWith("status"));
  }

  private Response calgaryWithKey(String key, String address) {
    return open311()
        .contentType("application/x-www-form-urlencoded; charset=utf-8")
        .header("Idempotency-Key", key)
        .formParam("jurisdiction_id", "calgary.ca")
        .formParam("api_key", CALGARY_KEY)
        .formParam("service_code", "pothole")
        .formParam("address_string", address)
        .post("requests.json");
  }

  @Test
  void anIdempotencyKeyGivesTheFirstRequestAgainAndRefusesAnotherBody() throws Exception {
    TestCity calgary = Db.city("calgary");
    String key = "idem-" + java.util.UUID.randomUUID();
    long before = Db.count(calgary, "service_request");
    String first =
        calgaryWithKey(key, "1 Main St")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].service_request_id");
    String again =
        calgaryWithKey(key, "1 Main St")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].service_request_id");
    assertThat(again).isEqualTo(first);
    assertThat(Db.count(calgary, "service_request")).isEqualTo(before + 1);
    calgaryWithKey(key, "2 Other St").then().statusCode(422).body("[0].code", equalTo(422));
    assertThat(Db.count(calgary, "service_request")).isEqualTo(before + 1);

    String inLethbridge =
        open311()
            .contentType("application/x-www-form-urlencoded; charset=utf-8")
            .header("Idempotency-Key", key)
            .formParam("jurisdiction_id", "lethbridge.ca")
            .formParam("api_key", LETHBRIDGE_KEY)
            .formParam("service_code", "large-item-collection")
            .formParam("address_string", "1 Main St")
            .post("requests.json")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].service_request_id");
    assertThat(inLethbridge).as("keys are scoped per city").isNotEqualTo(first);
  }

  @Test
  void aRefusedSubmissionReleasesItsKey() {
    String key = "idem-" + java.util.UUID.randomUUID();
    calgaryWithKey(key, "<b>1 Main St</b>").then().statusCode(400);
    calgaryWithKey(key, "1 Main St").then().statusCode(200);
  }

  @Test
  void aRepeatWhileTheFirstIsStillBeingHandledIsAConflict() throws Exception {
    TestCity calgary = Db.city("calgary");
    String key = "idem-" + java.util.UUID.randomUUID();
    String canonical =
        "address_string=3 Busy St\njurisdiction_id=calgary.ca\nservice_code=pothole\n";
    String fingerprint =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    try (java.sql.Connection c = Db.asOwner()) {
      c.setAutoCommit(false);
      Db.bind(c, calgary);
      try (java.sql.PreparedStatement claim =
          c.prepareStatement(
              "insert into idempotency_key (tenant_id, key, fingerprint, claimed_at) values (?, ?, ?, now())")) {
        claim.setObject(1, calgary.id());
        claim.setString(2, key);
        claim.setString(3, fingerprint);
        claim.executeUpdate();
      }
      c.commit();
    }
    long before = Db.count(calgary, "service_request");
    calgaryWithKey(key, "3 Busy St").then().statusCode(409).body("[0].code", equalTo(409));
    assertThat(Db.count(calgary, "service_request")).isEqualTo(before);
  }

  @Test
  void aReportNextToAnOpenOneOfTheSameKindIsADuplicateUnlessAcknowledged() {
    double lat = 51.0 + Math.random() * 0.1;
    double lon = -114.0 - Math.random() * 0.1;
    String first =
        toCalgary("service_code", "pothole", "lat", lat, "long", lon)
            .then()
            .statusCode(200)
            .extract()
            .path("[0].service_request_id");
    toCalgary("service_code", "pothole", "lat", lat + 0.0001, "long", lon)
        .then()
        .statusCode(400)
        .body("[0].code", equalTo(100))
        .body("[0].description", containsString(first));
    open311()
        .contentType("application/x-www-form-urlencoded; charset=utf-8")
        .header("X-Acknowledge-Duplicate", "true")
        .formParam("jurisdiction_id", "calgary.ca")
        .formParam("api_key", CALGARY_KEY)
        .formParam("service_code", "pothole")
        .formParam("lat", lat + 0.0001)
        .formParam("long", lon)
        .post("requests.json")
        .then()
        .statusCode(200);
    toCalgary("service_code", "pothole", "lat", lat + 0.01, "long", lon).then().statusCode(200);
    String other =
        open311()
            .queryParam("jurisdiction_id", "calgary.ca")
            .get("services.json")
            .then()
            .extract()
            .jsonPath()
            .<String>getList("service_code")
            .stream()
            .filter(c -> !c.equals("pothole"))
            .findFirst()
            .orElseThrow();
    toCalgary("service_code", other, "lat", lat, "long", lon).then().statusCode(200);
  }

  @Test
  void meTooSupportsTheOpenRequestInsteadOfOpeningAnother() throws Exception {
    TestCity calgary = Db.city("calgary");
    double lat = 51.2 + Math.random() * 0.1;
    double lon = -114.2 - Math.random() * 0.1;
    String first =
        toCalgary("service_code", "pothole", "lat", lat, "long", lon)
            .then()
            .statusCode(200)
            .extract()
            .path("[0].service_request_id");
    String suggestion =
        toCalgary("service_code", "pothole", "lat", lat, "long", lon)
            .then()
            .statusCode(400)
            .body("[0].code", equalTo(100))
            .extract()
            .path("[0].description");
    assertThat(suggestion).contains("me_too=" + first);
    long requests = Db.count(calgary, "service_request");
    String email = "neighbour-" + java.util.UUID.randomUUID() + "@residents.example.org";
    toCalgary("me_too", first, "email", email, "locale", "fr")
        .then()
        .statusCode(200)
        .body("[0].service_request_id", equalTo(first))
        .body("[0].service_notice", containsString(first));
    String xml =
        post(
                "xml",
                "jurisdiction_id",
                "calgary.ca",
                "api_key",
                CALGARY_KEY,
                "me_too",
                first,
                "email",
                "other-" + email)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(xml).contains("<service_request_id>" + first + "</service_request_id>");
    assertThat(Db.count(calgary, "service_request")).as("no new request").isEqualTo(requests);
    assertThat(Db.countFor(calgary, "service_request_event", first))
        .as("the report and two supports")
        .isEqualTo(3);
    assertThat(
            Db.sql(
                calgary,
                "select payload::jsonb->'follower'->>'email' from outbox_event"
                    + " where request_id = ?::uuid order by seq desc limit 1 offset 1",
                first))
        .as("the supporter follows the request once confirmed")
        .isEqualTo(email);

    // Bad "me too"s change nothing: a wrong address, an unknown or foreign id, no key.
    toCalgary("me_too", first, "email", "not-an-address")
        .then()
        .statusCode(400)
        .body("[0].description", containsString("email"));
    toCalgary("me_too", java.util.UUID.randomUUID().toString(), "email", email)
        .then()
        .statusCode(404);
    String lethbridge = created("lethbridge.ca", LETHBRIDGE_KEY, "pothole");
    toCalgary("me_too", lethbridge, "email", email).then().statusCode(404);
    post("json", "jurisdiction_id", "calgary.ca", "me_too", first, "email", email)
        .then()
        .statusCode(403);
    assertThat(Db.countFor(calgary, "service_request_event", first)).isEqualTo(3);
  }

  /** A multipart POST to Calgary with its key, a photo part and {@code fields}. */
  private Response withPhoto(byte[] photo, String type, String... fields) {
    RequestSpecification spec =
        open311()
            .multiPart("media", "photo", photo, type)
            .multiPart("jurisdiction_id", "calgary.ca")
            .multiPart("api_key", CALGARY_KEY);
    for (int i = 0; i < fields.length; i += 2) {
      spec = spec.multiPart(fields[i], fields[i + 1]);
    }
    return spec.post("requests.json");
  }

  private static byte[] png() throws Exception {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, 0xCC3300);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void aPhotoSentAsMultipartIsKeptAndServedThroughMediaUrl() throws Exception {
    TestCity calgary = Db.city("calgary");
    byte[] png = png();
    Response created =
        withPhoto(
            png,
            "image/png",
            "service_code",
            "pothole",
            "acknowledge_duplicate",
            "true",
            "lat",
            "51.0447",
            "long",
            "-114.0719",
            "description",
            "See the photo");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(200);
    String id = created.path("[0].service_request_id");
    String mediaUrl =
        open311()
            .queryParam("jurisdiction_id", "calgary.ca")
            .get("requests/" + id + ".json")
            .then()
            .statusCode(200)
            .body("[0].description", equalTo("See the photo"))
            .extract()
            .path("[0].media_url");
    assertThat(mediaUrl).contains("/api/v1/cities/calgary/media/");
    assertThat(
            open311()
                .queryParam("jurisdiction_id", "calgary.ca")
                .get("requests/" + id + ".xml")
                .asString())
        .contains("<media_url>" + mediaUrl + "</media_url>");
    byte[] served =
        api()
            .get(mediaUrl)
            .then()
            .statusCode(200)
            .contentType("image/png")
            .header("X-Content-Type-Options", "nosniff")
            .extract()
            .asByteArray();
    assertThat(served).isEqualTo(png);
    // Another city's address does not serve it.
    api().get(mediaUrl.replace("/calgary/", "/lethbridge/")).then().statusCode(404);

    // A client that hosts its photos sends a link instead.
    String linked =
        toCalgary(
                "service_code",
                "pothole",
                "acknowledge_duplicate",
                "true",
                "address_string",
                "800 Macleod Trail SE",
                "media_url",
                "https://photos.example.org/p/1.jpg")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].service_request_id");
    open311()
        .queryParam("jurisdiction_id", "calgary.ca")
        .get("requests/" + linked + ".json")
        .then()
        .body("[0].media_url", equalTo("https://photos.example.org/p/1.jpg"));

    // What is not a photo, or too large, is refused and nothing is stored.
    long requests = Db.count(calgary, "service_request");
    long photos = Db.count(calgary, "request_media");
    withPhoto(
            "just text".getBytes(),
            "image/png",
            "service_code",
            "pothole",
            "lat",
            "51.04",
            "long",
            "-114.07")
        .then()
        .statusCode(415)
        .body("[0].code", equalTo(415))
        .body("[0].description", containsString("JPEG, PNG, GIF or WebP"));
    withPhoto(png, "image/jpeg", "service_code", "pothole", "lat", "51.04", "long", "-114.07")
        .then()
        .statusCode(415)
        .body("[0].description", containsString("image/png but was sent as image/jpeg"));
    byte[] large = new byte[11 * 1024 * 1024];
    large[0] = (byte) 0xFF;
    large[1] = (byte) 0xD8;
    large[2] = (byte) 0xFF;
    withPhoto(large, "image/jpeg", "service_code", "pothole", "lat", "51.04", "long", "-114.07")
        .then()
        .statusCode(413)
        .body("[0].description", containsString("10 MB"));
    withPhoto(new byte[14 * 1024 * 1024], "image/jpeg", "service_code", "pothole")
        .then()
        .statusCode(413)
        .body("[0].code", equalTo(413));
    toCalgary(
            "service_code",
            "pothole",
            "address_string",
            "800 Macleod Trail SE",
            "media_url",
            "javascript:alert(1)")
        .then()
        .statusCode(400)
        .body("[0].description", containsString("media_url"));
    assertThat(Db.count(calgary, "service_request")).isEqualTo(requests);
    assertThat(Db.count(calgary, "request_media")).isEqualTo(photos);
  }

  @Test
  void aPhotosLocationAndCommentsAreRemovedBeforeAnyoneCanReadIt() throws Exception {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(8, 6, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "jpeg", plain);
    byte[] jpeg = plain.toByteArray();
    String secret = "GPSLatitude 51.0447N taken on Jane's phone";
    byte[] exif = ("Exif\0\0MM\0*\0\0\0\10\0\0\0\0\0\0" + secret).getBytes("ISO-8859-1");
    byte[] comment = secret.getBytes("ISO-8859-1");
    java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();
    sent.write(jpeg, 0, 2);
    sent.write(new byte[] {(byte) 0xFF, (byte) 0xE1, 0, (byte) (exif.length + 2)});
    sent.write(exif);
    sent.write(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, (byte) (comment.length + 2)});
    sent.write(comment);
    sent.write(jpeg, 2, jpeg.length - 2);
    assertThat(new String(sent.toByteArray(), "ISO-8859-1")).contains(secret);

    String id =
        withPhoto(
                sent.toByteArray(),
                "image/jpeg",
                "service_code",
                "pothole",
                "acknowledge_duplicate",
                "true",
                "address_string",
                "800 Macleod Trail SE")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].service_request_id");
    String mediaUrl =
        open311()
            .queryParam("jurisdiction_id", "calgary.ca")
            .get("requests/" + id + ".json")
            .then()
            .extract()
            .path("[0].media_url");
    byte[] served = api().get(mediaUrl).then().statusCode(200).extract().asByteArray();
    assertThat(new String(served, "ISO-8859-1")).doesNotContain("GPS").doesNotContain("Jane");
    assertThat(served).isEqualTo(jpeg);

    // A photo whose structure cannot be walked is refused, not kept with what it carries.
    long photos = Db.count(Db.city("calgary"), "request_media");
    withPhoto(
            java.util.Arrays.copyOf(sent.toByteArray(), 200),
            "image/jpeg",
            "service_code",
            "pothole",
            "acknowledge_duplicate",
            "true",
            "address_string",
            "800 Macleod Trail SE")
        .then()
        .statusCode(415)
        .body("[0].description", containsString("damaged"));
    assertThat(Db.count(Db.city("calgary"), "request_media")).isEqualTo(photos);
  }

  @Test
  void eachCitySetsItsOwnDuplicateRule() throws Exception {
    TestCity north = Db.createCity("dupnorth");
    TestCity south = Db.createCity("dupsouth");
    for (TestCity city : List.of(north, south)) {
      Db.addCategory(city, java.util.UUID.randomUUID(), "pothole", "Pothole");
      Db.addApiKey(city, city.slug() + "-key");
    }
    as(north, "city-admin")
        .get("api/v1/cities/{city}/admin/duplicate-rule", north.slug())
        .then()
        .statusCode(200)
        .body("duplicate_radius_metres", equalTo(50))
        .body("duplicate_max_age_days", equalTo(14))
        .body("city_own", equalTo(false));
    rule(north, 0, 14).statusCode(200).body("city_own", equalTo(true));
    // North checks no more; South still does, at the same spot.
    report(north, 0).statusCode(200);
    report(north, 0).statusCode(200);
    report(south, 0).statusCode(200);
    report(south, 0).statusCode(400).body("[0].code", equalTo(100));

    // A wider rule for a rural city: 300 m away is the same pothole.
    rule(north, 500, 30).statusCode(200).body("duplicate_radius_metres", equalTo(500));
    report(north, 0.0027).statusCode(400).body("[0].code", equalTo(100));
    report(south, 0.0027).statusCode(200);

    rule(north, 5000, 30)
        .statusCode(400)
        .body("errors[0].field", equalTo("duplicate_radius_metres"));
    rule(north, 50, 0).statusCode(400).body("errors[0].field", equalTo("duplicate_max_age_days"));
    as(south, "city-admin")
        .contentType(ContentType.JSON)
        .body(java.util.Map.of("duplicate_radius_metres", 0, "duplicate_max_age_days", 1))
        .put("api/v1/cities/{city}/admin/duplicate-rule", north.slug())
        .then()
        .statusCode(403);
    as(north, "city-admin")
        .get("api/v1/cities/{city}/admin/duplicate-rule", north.slug())
        .then()
        .body("duplicate_radius_metres", equalTo(500))
        .body("duplicate_max_age_days", equalTo(30));
    as(south, "city-admin")
        .get("api/v1/cities/{city}/admin/duplicate-rule", south.slug())
        .then()
        .body("city_own", equalTo(false));
  }

  private static io.restassured.response.ValidatableResponse rule(
      TestCity city, int radius, int days) {
    return as(city, "city-admin")
        .contentType(ContentType.JSON)
        .body(java.util.Map.of("duplicate_radius_metres", radius, "duplicate_max_age_days", days))
        .put("api/v1/cities/{city}/admin/duplicate-rule", city.slug())
        .then();
  }

  /** A pothole at a fixed spot of {@code city}, {@code north} degrees further north. */
  private io.restassured.response.ValidatableResponse report(TestCity city, double north) {
    return post(
            "json",
            "jurisdiction_id",
            city.jurisdictionId(),
            "api_key",
            city.slug() + "-key",
            "service_code",
            "pothole",
            "lat",
            String.valueOf(50.0 + north),
            "long",
            "-113.0")
        .then();
  }

  @Test
  void theNativeApiAppliesTheSameDuplicateRule() {
    double lat = 49.6 + Math.random() * 0.1;
    double lon = -112.8 - Math.random() * 0.1;
    java.util.Map<String, Object> body =
        new java.util.HashMap<>(
            java.util.Map.of(
                "service_code",
                "large-item-collection",
                "description",
                "Sofa",
                "lat",
                lat,
                "long",
                lon));
    api()
        .contentType(ContentType.JSON)
        .body(body)
        .post("api/v1/cities/lethbridge/service-requests")
        .then()
        .statusCode(201);
    api()
        .contentType(ContentType.JSON)
        .body(body)
        .post("api/v1/cities/lethbridge/service-requests")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("acknowledge_duplicate"));
    body.put("acknowledge_duplicate", true);
    api()
        .contentType(ContentType.JSON)
        .body(body)
        .post("api/v1/cities/lethbridge/service-requests")
        .then()
        .statusCode(201);
  }

  @Test
  void fixMyStreetReadsAndPostsServiceRequestUpdates() {
    String id = created("lethbridge.ca", LETHBRIDGE_KEY, "pothole");
    as("lethbridge-staff")
        .contentType(ContentType.JSON)
        .body(java.util.Map.of("status", "resolved", "public_note", "Patched today."))
        .post("api/v1/cities/lethbridge/service-requests/" + id + "/status")
        .then()
        .statusCode(200);
    open311()
        .queryParam("jurisdiction_id", "lethbridge.ca")
        .get("servicerequestupdates.json")
        .then()
        .statusCode(200)
        .body("find { it.service_request_id == '" + id + "' }.status", equalTo("fixed"))
        .body(
            "find { it.service_request_id == '" + id + "' }.description", equalTo("Patched today."))
        .body("find { it.service_request_id == '" + id + "' }.update_id", equalTo(id + "-2"))
        .body(
            "find { it.service_request_id == '" + id + "' }.updated_datetime",
            org.hamcrest.Matchers.matchesPattern(W3_TIME));
    open311()
        .queryParam("jurisdiction_id", "lethbridge.ca")
        .get("servicerequestupdates.xml")
        .then()
        .statusCode(200)
        .contentType("text/xml")
        .body(
            "service_request_updates.request_update.find { it.service_request_id == '"
                + id
                + "' }.status",
            equalTo("fixed"));

    // The resident says it is not fixed: FixMyStreet posts the update and the request reopens.
    open311()
        .contentType("application/x-www-form-urlencoded; charset=utf-8")
        .formParam("jurisdiction_id", "lethbridge.ca")
        .formParam("api_key", LETHBRIDGE_KEY)
        .formParam("service_request_id", id)
        .formParam("status", "OPEN")
        .formParam("description", "Still a hole after the rain.")
        .post("servicerequestupdates.json")
        .then()
        .statusCode(200)
        .body("[0].update_id", equalTo(id + "-3"));
    open311()
        .queryParam("jurisdiction_id", "lethbridge.ca")
        .queryParam("extensions", "true")
        .get("requests/" + id + ".json")
        .then()
        .body("[0].status", equalTo("open"))
        .body("[0].extended_attributes.detailed_status", equalTo("reopen"));

    // Another city's key, an unknown request, markup, a missing key: refused, nothing changed.
    open311()
        .contentType("application/x-www-form-urlencoded; charset=utf-8")
        .formParam("jurisdiction_id", "lethbridge.ca")
        .formParam("api_key", CALGARY_KEY)
        .formParam("service_request_id", id)
        .formParam("description", "x")
        .post("servicerequestupdates.json")
        .then()
        .statusCode(403);
    open311()
        .contentType("application/x-www-form-urlencoded; charset=utf-8")
        .formParam("jurisdiction_id", "calgary.ca")
        .formParam("api_key", CALGARY_KEY)
        .formParam("service_request_id", id)
        .formParam("description", "x")
        .post("servicerequestupdates.json")
        .then()
        .statusCode(404)
        .body("[0].code", equalTo(404));
    open311()
        .contentType("application/x-www-form-urlencoded; charset=utf-8")
        .formParam("jurisdiction_id", "lethbridge.ca")
        .formParam("api_key", LETHBRIDGE_KEY)
        .formParam("service_request_id", id)
        .formParam("description", "<script>alert(1)</script>")
        .post("servicerequestupdates.xml")
        .then()
        .statusCode(400)
        .contentType("text/xml");
    open311()
        .queryParam("jurisdiction_id", "calgary.ca")
        .get("servicerequestupdates.json")
        .then()
        .statusCode(200)
        .body("findAll { it.service_request_id == '" + id + "' }.size()", equalTo(0));
    open311()
        .queryParam("jurisdiction_id", "lethbridge.ca")
        .queryParam("start_date", "2026-01-01T00:00:00Z")
        .queryParam("end_date", "2025-01-01T00:00:00Z")
        .get("servicerequestupdates.json")
        .then()
        .statusCode(400);
    as("lethbridge-agent")
        .get("api/v1/cities/lethbridge/service-requests/" + id + "/history")
        .then()
        .body("size()", equalTo(3));
  }
}
