package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.Mail;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Open311 downstream connector against a real second Open311 server: the same deployment's
 * other demo city. Calgary's roads department forwards its requests to Lethbridge over GeoReport v2
 * (on the test Payara's own base URL, with Lethbridge's demo api_key); Lethbridge's staff work the
 * forwarded request; polling Lethbridge's {@code servicerequestupdates} brings each change back to
 * the Calgary request, once, through the lifecycle (history, residents' mail). A city's forwarded
 * requests, mappings and credentials stay its own.
 */
class Open311DownstreamIT extends PlatformIT {
  private static final String LETHBRIDGE_KEY = "demo-lethbridge-open311-key";

  private TestCity calgary;

  @AfterEach
  void calgaryRoadsBackToNoForwarding() {
    if (calgary != null) {
      Map<String, Object> off = forwardingToLethbridge();
      off.put("enabled", false);
      as("calgary-admin")
          .contentType(ContentType.JSON)
          .body(off)
          .put("api/v1/cities/calgary/admin/departments/roads/integration")
          .then()
          .statusCode(200);
    }
  }

  private static Map<String, Object> forwardingToLethbridge() {
    Map<String, Object> open311 = new HashMap<>();
    open311.put("kind", "open311");
    open311.put("url", base() + "open311/v2/");
    open311.put("jurisdiction_id", "lethbridge.ca");
    open311.put("api_key", LETHBRIDGE_KEY);
    open311.put("service_codes", Map.of("pothole", "pothole"));
    return open311;
  }

  private static Response save(
      io.restassured.specification.RequestSpecification as,
      String city,
      Map<String, ?> integration) {
    return as.contentType(ContentType.JSON)
        .body(integration)
        .put("api/v1/cities/{city}/admin/departments/roads/integration", city);
  }

  private static String submit(String city, String description, String email) {
    Map<String, Object> body = new HashMap<>();
    body.put("service_code", "pothole");
    body.put("description", description);
    body.put("address_string", "100 Forwarded Street");
    body.put("acknowledge_duplicate", true);
    if (email != null) {
      body.put("email", email);
      body.put("subscribe", true);
    }
    return api()
        .contentType(ContentType.JSON)
        .body(body)
        .post("api/v1/cities/{city}/service-requests", city)
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201)
        .extract()
        .path("service_request_id");
  }

  private static String status(String city, String id) {
    return api()
        .get("api/v1/cities/{city}/service-requests/{id}", city, id)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  /** The id the request became at the remote server, once forwarded. */
  private static String awaitRemoteId(TestCity city, String id) {
    String[] remote = new String[1];
    Mail.await(
        () -> {
          try {
            remote[0] =
                Db.sql(
                    city,
                    "select remote_id from integration_remote_request where request_id = ?::uuid",
                    id);
            return remote[0] != null;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        id + " forwarded");
    return remote[0];
  }

  private static void lethbridgeMoves(String remoteId, String status, String note) {
    as("lethbridge-agent")
        .contentType(ContentType.JSON)
        .body(Map.of("status", status, "public_note", note))
        .post("api/v1/cities/lethbridge/service-requests/{id}/status", remoteId)
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
  }

  /** Waits until the integration was polled twice more after now (polling state, no sleep). */
  private static void twoMorePolls(TestCity city) throws Exception {
    String before =
        Db.sql(
            city,
            "select coalesce(max(polled_at), '-infinity')::text from integration_poll"
                + " where city_id = ?::uuid",
            city.id().toString());
    for (int i = 0; i < 2; i++) {
      String[] last = {before};
      Mail.await(
          () -> {
            try {
              String now =
                  Db.sql(
                      city,
                      "select case when max(polled_at) > ?::timestamptz then max(polled_at)::text"
                          + " end from integration_poll where city_id = ?::uuid",
                      last[0],
                      city.id().toString());
              if (now != null) {
                last[0] = now;
                return true;
              }
              return false;
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          },
          "another poll of " + city.slug());
      before = last[0];
    }
  }

  @Test
  void calgaryForwardsToLethbridgeAndLethbridgesWorkComesBackOnceThroughTheLifecycle()
      throws Exception {
    calgary = Db.city("calgary");
    TestCity lethbridge = Db.city("lethbridge");
    save(as("calgary-admin"), "calgary", forwardingToLethbridge())
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body("kind", equalTo("open311"))
        .body("jurisdiction_id", equalTo("lethbridge.ca"))
        .body("service_codes.pothole", equalTo("pothole"))
        .body("credentials_set", equalTo(true));
    String answer =
        as("calgary-admin")
            .get("api/v1/cities/calgary/admin/departments/roads/integration")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(answer).doesNotContain(LETHBRIDGE_KEY).doesNotContain("\"api_key\":");

    String description = "Forwarded pothole " + UUID.randomUUID();
    String resident = "fwd-" + UUID.randomUUID() + "@example.org";
    String id = submit("calgary", description, resident);
    String remoteId = awaitRemoteId(calgary, id);

    // Lethbridge has it as its own request, in its own category, with what Calgary knew
    api()
        .get("api/v1/cities/lethbridge/service-requests/{id}", remoteId)
        .then()
        .statusCode(200)
        .body("service_code", equalTo("pothole"))
        .body("description", equalTo(description));

    lethbridgeMoves(remoteId, "in_progress", "Lethbridge crew assigned.");
    Mail.await(() -> "in_progress".equals(status("calgary", id)), "in_progress back in Calgary");
    lethbridgeMoves(remoteId, "resolved", "Filled by Lethbridge.");
    Mail.await(() -> "resolved".equals(status("calgary", id)), "resolved back in Calgary");
    lethbridgeMoves(remoteId, "reopened", "It sank again.");
    Mail.await(() -> "reopened".equals(status("calgary", id)), "the reopening back in Calgary");

    List<Map<String, Object>> history =
        as("calgary-agent")
            .get("api/v1/cities/calgary/service-requests/{id}/history", id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    assertThat(history)
        .extracting(h -> h.get("status"))
        .containsExactly("received", "in_progress", "resolved", "reopened");
    assertThat(history.subList(1, 4))
        .extracting(h -> h.get("actor"))
        .containsOnly("integration:roads");
    assertThat(history.get(2).get("public_note")).isEqualTo("Filled by Lethbridge.");

    // polls go on over the same window: nothing is applied twice, nothing forwarded again
    twoMorePolls(calgary);
    assertThat(
            as("calgary-agent")
                .get("api/v1/cities/calgary/service-requests/{id}/history", id)
                .then()
                .extract()
                .jsonPath()
                .getList("$"))
        .hasSize(4);
    assertThat(Db.countFor(calgary, "integration_inbound_update", id)).isEqualTo(3);
    assertThat(
            Db.sql(
                lethbridge,
                "select count(*) from service_request where description = ?",
                description))
        .isEqualTo("1");
    // the resident following the Calgary request heard of Lethbridge's work
    Mail.await(
        () ->
            Mail.to(resident).stream()
                .anyMatch(m -> Mail.text(m).contains("Filled by Lethbridge.")),
        "the resident's mail about the fix");
  }

  @Test
  void eachCityForwardsItsOwnAndAPolledUpdateReachesOnlyTheCityThatForwarded() throws Exception {
    TestCity a = cityWithRoads("fwd-a");
    TestCity b = cityWithRoads("fwd-b");
    for (TestCity c : List.of(a, b)) {
      Map<String, Object> open311 = forwardingToLethbridge();
      save(as(c, "city-admin"), c.slug(), open311).then().statusCode(200);
    }
    String ours = submit(a.slug(), "A's pothole " + UUID.randomUUID(), null);
    String theirs = submit(b.slug(), "B's pothole " + UUID.randomUUID(), null);
    String oursRemote = awaitRemoteId(a, ours);
    String theirsRemote = awaitRemoteId(b, theirs);
    assertThat(oursRemote).isNotEqualTo(theirsRemote);

    lethbridgeMoves(oursRemote, "in_progress", "Only A's.");
    Mail.await(() -> "in_progress".equals(status(a.slug(), ours)), "A's update applied");
    twoMorePolls(b);
    assertThat(status(b.slug(), theirs)).isEqualTo("received");
    assertThat(Db.count(b, "integration_inbound_update")).isZero();
    // each city sees its own forwarded request only (row-level security)
    assertThat(Db.count(a, "integration_remote_request")).isEqualTo(1);
    assertThat(Db.count(b, "integration_remote_request")).isEqualTo(1);
    assertThat(
            Db.sql(
                b,
                "select count(*) from integration_remote_request where request_id = ?::uuid",
                ours))
        .isEqualTo("0");

    // another city's administrator cannot read or change A's settings; A's never show the key
    as(b, "city-admin")
        .get("api/v1/cities/{city}/admin/departments/roads/integration", a.slug())
        .then()
        .statusCode(403);
    save(as(b, "city-admin"), a.slug(), forwardingToLethbridge()).then().statusCode(403);
    assertThat(
            as(a, "city-admin")
                .get("api/v1/cities/{city}/admin/departments/roads/integration", a.slug())
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .doesNotContain(LETHBRIDGE_KEY);
  }

  @Test
  void aBadOpen311OrSftpConfigurationIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
    TestCity city = cityWithRoads("fwd-bad");
    Map<String, String> refusals = new java.util.LinkedHashMap<>();
    Map<String, Map<String, Object>> bodies = new java.util.LinkedHashMap<>();

    Map<String, Object> noCodes = forwardingToLethbridge();
    noCodes.remove("service_codes");
    bodies.put("no codes", noCodes);
    refusals.put("no codes", "service_codes");

    Map<String, Object> noKey = forwardingToLethbridge();
    noKey.remove("api_key");
    bodies.put("no key", noKey);
    refusals.put("no key", "api_key");

    Map<String, Object> ftpUrl = forwardingToLethbridge();
    ftpUrl.put("url", "ftp://example.org/open311/v2");
    bodies.put("not http", ftpUrl);
    refusals.put("not http", "url");

    Map<String, Object> token = forwardingToLethbridge();
    token.put("token", "a-bearer-token");
    bodies.put("a token", token);
    refusals.put("a token", "auth");

    Map<String, Object> sftpNoFingerprint = new HashMap<>();
    sftpNoFingerprint.put("kind", "sftp");
    sftpNoFingerprint.put("url", "sftp://files.example.org:2222/drop");
    sftpNoFingerprint.put("username", "civic311");
    sftpNoFingerprint.put("password", "secret");
    bodies.put("sftp without host key", sftpNoFingerprint);
    refusals.put("sftp without host key", "host_key_fingerprint");

    Map<String, Object> sftpHttp = new HashMap<>(sftpNoFingerprint);
    sftpHttp.put("url", "https://files.example.org/drop");
    sftpHttp.put("host_key_fingerprint", "SHA256:" + "A".repeat(43));
    bodies.put("sftp over https", sftpHttp);
    refusals.put("sftp over https", "url");

    Map<String, Object> sftpFormat = new HashMap<>(sftpHttp);
    sftpFormat.put("url", "sftp://files.example.org/drop");
    sftpFormat.put("format", "xml");
    bodies.put("sftp as xml", sftpFormat);
    refusals.put("sftp as xml", "format");

    for (var e : bodies.entrySet()) {
      save(as(city, "city-admin"), city.slug(), e.getValue())
          .then()
          .log()
          .ifValidationFails()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(refusals.get(e.getKey())));
    }
    as(city, "city-admin")
        .get("api/v1/cities/{city}/admin/departments/roads/integration", city.slug())
        .then()
        .statusCode(404);
    assertThat(Db.count(city, "department_integration")).isZero();
  }

  /** A test city with a pothole category routed to its roads department. */
  private static TestCity cityWithRoads(String prefix) throws Exception {
    TestCity city = Db.createCity(prefix);
    Db.addCategory(city, UUID.randomUUID(), "pothole", "Pothole");
    as(city, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Roads", "categories", List.of("pothole")))
        .put("api/v1/cities/{city}/admin/departments/roads", city.slug())
        .then()
        .statusCode(200);
    return city;
  }
}
