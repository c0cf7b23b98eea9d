package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.civic311.integrations.connector.webhook.WebhookSignature;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.DepartmentSystem;
import org.civic311.it.support.Mail;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Department integrations end to end (ADR 0013): requests leave through the outbox and each city's
 * Camel route for its department, to a real HTTP server standing in for the department's system;
 * status comes back through the signed inbound webhook. Failures are retried or dead-lettered as
 * the department's answer says, each city sees and handles only its own, and secrets never come
 * back out of the API.
 */
class DepartmentIntegrationsIT extends PlatformIT {
  private static final String ROADS = "/roads";

  private DepartmentSystem department;
  private TestCity city;
  private String secret;

  @BeforeEach
  void aCityWhoseRoadsDepartmentHasAWebhook() throws Exception {
    department = DepartmentSystem.start();
    city = Db.createCity("hooks");
    secret = "roads-secret-" + UUID.randomUUID();
    roadsWithWebhook(city, department.url(ROADS), secret);
  }

  @AfterEach
  void stopTheDepartment() {
    department.close();
  }

  /** {@code city} gets a pothole category routed to roads, whose webhook is {@code url}. */
  private static void roadsWithWebhook(TestCity city, String url, String signingSecret)
      throws Exception {
    Db.addCategory(city, UUID.randomUUID(), "pothole", "Pothole");
    as(city, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Roads", "categories", List.of("pothole")))
        .put("api/v1/cities/{city}/admin/departments/roads", city.slug())
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
    saveIntegration(
            city,
            "roads",
            Map.of(
                "kind",
                "webhook",
                "url",
                url,
                "auth",
                "bearer",
                "token",
                "roads-token-of-" + city.slug(),
                "signing_secret",
                signingSecret))
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
  }

  private static Response saveIntegration(TestCity city, String code, Map<String, ?> integration) {
    return as(city, "city-admin")
        .contentType(ContentType.JSON)
        .body(integration)
        .put("api/v1/cities/{city}/admin/departments/{code}/integration", city.slug(), code);
  }

  private static String submit(TestCity city) {
    return api()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "service_code", "pothole",
                "description", "Deep one by the school",
                "address_string", "100 Main Street",
                "acknowledge_duplicate", true,
                "email", "resident@example.org"))
        .post("api/v1/cities/{city}/service-requests", city.slug())
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201)
        .extract()
        .path("service_request_id");
  }

  private static void move(TestCity city, String id, String status, String note) {
    as(city, "agent")
        .contentType(ContentType.JSON)
        .body(Map.of("status", status, "public_note", note))
        .post("api/v1/cities/{city}/service-requests/{id}/status", city.slug(), id)
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
  }

  private static String status(TestCity city, String id) {
    return api()
        .get("api/v1/cities/{city}/service-requests/{id}", city.slug(), id)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  private static int historySize(TestCity city, String id) {
    return as(city, "agent")
        .get("api/v1/cities/{city}/service-requests/{id}/history", city.slug(), id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$")
        .size();
  }

  /** Every outbox event of the city was handed over (delivered, or dead). */
  private static void drained(TestCity city) {
    Mail.await(
        () -> {
          try {
            return Db.sql(
                    city,
                    "select count(*) from outbox_delivery where city_id = ?::uuid"
                        + " and dead_at is null",
                    city.id().toString())
                .equals("0");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        "the outbox of " + city.slug() + " to drain");
  }

  private static List<Map<String, Object>> deadLetters(TestCity city) {
    return as(city, "city-admin")
        .get("api/v1/cities/{city}/admin/integrations/dead-letters", city.slug())
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  private static Map<String, Object> health(TestCity city, String code) {
    return as(city, "city-admin")
        .get("api/v1/cities/{city}/admin/integrations/health", city.slug())
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getMap("find { it.department == '" + code + "' }");
  }

  /** A status update as the department's system sends it, signed with {@code key} now. */
  private static Response update(TestCity city, String key, Map<String, Object> update) {
    String body = jakarta.json.Json.createObjectBuilder(update).build().toString();
    return signed(city, key, body, Instant.now().getEpochSecond());
  }

  private static Response signed(TestCity city, String key, String body, long timestamp) {
    return api()
        .contentType(ContentType.JSON)
        .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
        .header(
            WebhookSignature.SIGNATURE_HEADER,
            WebhookSignature.sign(key, timestamp, body.getBytes(StandardCharsets.UTF_8)))
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("api/v1/cities/{city}/integrations/roads/status-updates", city.slug());
  }

  // --- outbound ---------------------------------------------------------------------------

  @Test
  void eachEventReachesTheDepartmentOnceSignedWithItsKeyAndInOrder() {
    String id = submit(city);
    move(city, id, "in_progress", "Crew assigned.");
    move(city, id, "resolved", "Filled.");

    Mail.await(
        () -> department.deliveriesOf(ROADS, id).size() >= 3, "three events of " + id + " sent");
    drained(city);

    List<DepartmentSystem.Delivery> sent = department.deliveriesOf(ROADS, id);
    assertThat(sent).hasSize(3); // once each: nothing repeated after the outbox drained
    assertThat(sent).extracting(DepartmentSystem.Delivery::seq).containsExactly(1, 2, 3);
    assertThat(sent)
        .extracting(DepartmentSystem.Delivery::idempotencyKey)
        .containsExactly(id + ":1", id + ":2", id + ":3");
    assertThat(sent)
        .extracting(d -> d.json().getJsonObject("event").getString("status"))
        .containsExactly("received", "in_progress", "resolved");
    assertThat(sent)
        .extracting(DepartmentSystem.Delivery::eventHeader)
        .containsExactly("created", "status_changed", "status_changed");
    for (DepartmentSystem.Delivery d : sent) {
      assertThat(d.signedWith(secret)).as("signed with the roads secret").isTrue();
      assertThat(d.signedWith("another-secret-altogether")).isFalse();
      assertThat(d.authorization()).isEqualTo("Bearer roads-token-of-" + city.slug());
      assertThat(d.json().getString("idempotency_key")).isEqualTo(d.idempotencyKey());
      assertThat(d.json().getString("department")).isEqualTo("roads");
    }
    var request = sent.get(0).json().getJsonObject("service_request");
    assertThat(request.getString("service_request_id")).isEqualTo(id);
    assertThat(request.getString("service_code")).isEqualTo("pothole");
    assertThat(request.getString("service_name")).isEqualTo("Pothole");
    assertThat(request.getString("description")).isEqualTo("Deep one by the school");
    assertThat(request.getString("address_string")).isEqualTo("100 Main Street");
    assertThat(request.getString("requested_datetime")).isNotBlank();
    assertThat(sent.get(0).body()).doesNotContain("resident@example.org"); // no personal data
    assertThat(sent.get(1).json().getJsonObject("event").getString("public_note"))
        .isEqualTo("Crew assigned.");
    assertThat(department.applied(ROADS)).containsExactly(id + ":1", id + ":2", id + ":3");

    Map<String, Object> roads = health(city, "roads");
    assertThat(roads.get("state")).isEqualTo("ok");
    assertThat(((Number) roads.get("delivered")).intValue()).isEqualTo(3);
    assertThat(((Number) roads.get("backlog")).intValue()).isZero();
    assertThat(roads.get("last_success_at")).isNotNull();
  }

  @Test
  void aServerErrorIsRetriedUntilAcceptedAndTheReceiverAppliesItOnce() {
    AtomicInteger calls = new AtomicInteger();
    // the first two deliveries are applied but answered 500 (the answer "lost"), then 200
    department.answer(ROADS, () -> calls.incrementAndGet() <= 2 ? 500 : 200);
    String id = submit(city);
    move(city, id, "in_progress", "Crew assigned.");

    Mail.await(
        () -> department.applied(ROADS).size() >= 2 && calls.get() >= 4,
        "both events of " + id + " accepted");
    drained(city);

    List<DepartmentSystem.Delivery> sent = department.deliveriesOf(ROADS, id);
    assertThat(sent)
        .extracting(DepartmentSystem.Delivery::answered)
        .containsExactly(500, 500, 200, 200);
    // the first event until accepted, and only then the second: order per request holds
    assertThat(sent)
        .extracting(DepartmentSystem.Delivery::idempotencyKey)
        .containsExactly(id + ":1", id + ":1", id + ":1", id + ":2");
    assertThat(sent).allMatch(d -> d.signedWith(secret));
    assertThat(department.applied(ROADS)).containsExactly(id + ":1", id + ":2");
    assertThat(deadLetters(city)).isEmpty();

    Map<String, Object> roads = health(city, "roads");
    assertThat(((Number) roads.get("failed")).intValue()).isEqualTo(2);
    assertThat(((Number) roads.get("delivered")).intValue()).isEqualTo(2);
    assertThat(((Number) roads.get("consecutive_failures")).intValue()).isZero();
    assertThat((String) roads.get("last_error")).startsWith("HTTP 500");
    assertThat(roads.get("state")).isEqualTo("ok");
  }

  @Test
  void aSystemThatDoesNotAnswerInTimeIsTriedAgainAndTheReceiverAppliesEachEventOnce() {
    // the first delivery is applied but its answer never comes within the response timeout
    department.holdAnswers(ROADS, 1);
    String id = submit(city);
    move(city, id, "in_progress", "Crew assigned.");

    Mail.await(
        () ->
            department.applied(ROADS).size() == 2 && department.deliveriesOf(ROADS, id).size() >= 3,
        "both events of " + id + " delivered after the timeout");
    drained(city);

    // the first event again after the timeout, and only then the second: order per request holds
    assertThat(department.deliveriesOf(ROADS, id))
        .extracting(DepartmentSystem.Delivery::idempotencyKey)
        .containsExactly(id + ":1", id + ":1", id + ":2");
    assertThat(department.applied(ROADS)).containsExactly(id + ":1", id + ":2");
    assertThat(deadLetters(city)).isEmpty();
    Map<String, Object> roads = health(city, "roads");
    assertThat(((Number) roads.get("failed")).intValue()).isEqualTo(1);
    assertThat(((Number) roads.get("delivered")).intValue()).isEqualTo(2);
    assertThat(roads.get("state")).isEqualTo("ok");
  }

  @Test
  void aDepartmentWhoseSystemIsAMailboxGetsEachChangeByMailOnceAndInOrder() throws Exception {
    String mailbox = "roads-" + UUID.randomUUID() + "@departments.example.org";
    // A webhook address, or credentials, are refused for a mailbox; nothing changes.
    saveIntegration(city, "roads", Map.of("kind", "email", "url", department.url(ROADS)))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("url"));
    saveIntegration(
            city,
            "roads",
            Map.of("kind", "email", "url", "mailto:" + mailbox, "auth", "bearer", "token", "x"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("auth"));
    saveIntegration(city, "roads", Map.of("kind", "email", "url", "mailto:" + mailbox))
        .then()
        .statusCode(200)
        .body("kind", equalTo("email"))
        .body("url", equalTo("mailto:" + mailbox));
    // Another city's mailbox department, to show nothing of this city reaches it.
    TestCity other = Db.createCity("hooks-mail");
    String otherMailbox = "roads-" + UUID.randomUUID() + "@departments.example.org";
    roadsWithWebhook(other, department.url("/other"), "other-secret-" + UUID.randomUUID());
    saveIntegration(other, "roads", Map.of("kind", "email", "url", "mailto:" + otherMailbox))
        .then()
        .statusCode(200);

    String id = submit(city);
    move(city, id, "in_progress", "Crew assigned.");
    List<jakarta.mail.internet.MimeMessage> mail = Mail.awaitTo(mailbox, 2);
    assertThat(Mail.subject(mail.get(0)))
        .contains("Roads: Pothole " + id.substring(0, 8) + " new request");
    assertThat(Mail.subject(mail.get(1))).contains("now in progress");
    assertThat(mail.get(0).getHeader("X-Civic311-Idempotency-Key")).containsExactly(id + ":1");
    assertThat(mail.get(1).getHeader("X-Civic311-Idempotency-Key")).containsExactly(id + ":2");
    assertThat(Mail.text(mail.get(1)))
        .contains("Public note: Crew assigned.")
        .contains("\"idempotency_key\":\"" + id + ":2\"")
        .doesNotContain("resident@example.org");
    drained(city);
    assertThat(Mail.to(mailbox)).as("each change once").hasSize(2);
    assertThat(department.deliveries(ROADS)).as("no webhook call").isEmpty();
    assertThat(Mail.to(otherMailbox)).isEmpty();
    Map<String, Object> roads = health(city, "roads");
    assertThat(roads.get("kind")).isEqualTo("email");
    assertThat(((Number) roads.get("delivered")).intValue()).isEqualTo(2);
  }

  @Test
  void aSystemRefusingConnectionsGetsEveryEventOnceAndInOrderWhenItComesBack() throws Exception {
    int port = DepartmentSystem.refusingPort();
    saveIntegration(
            city,
            "roads",
            Map.of("kind", "webhook", "url", "http://127.0.0.1:" + port + "/down", "auth", "none"))
        .then()
        .statusCode(200);
    String first = submit(city);
    String second = submit(city);
    move(city, first, "in_progress", "Crew assigned.");
    move(city, second, "in_progress", "Crew assigned too.");
    move(city, first, "resolved", "Filled.");

    // the port refuses: the events are retried with backoff (each try counted, the reason kept)
    // until the circuit breaker pauses the department
    Mail.await(
        () -> {
          try {
            return Integer.parseInt(
                    Db.sql(
                        city,
                        "select coalesce(max(attempts), 0) from outbox_delivery"
                            + " where consumer = 'integration' and city_id = ?::uuid"
                            + " and last_error like '%cannot connect%'",
                        city.id().toString()))
                >= 2;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        "a refused event to be tried again");
    Mail.await(() -> "paused".equals(health(city, "roads").get("state")), "roads to pause");
    assertThat(health(city, "roads").get("last_error").toString()).contains("cannot connect");
    assertThat(deadLetters(city)).isEmpty();
    assertThat(((Number) health(city, "roads").get("backlog")).intValue()).isEqualTo(5);
    // the same figures on the operator's /metrics, per city and department
    // (the gauges are a snapshot refreshed on their own schedule: wait for one taken after the
    // pause)
    Mail.await(
        () ->
            gauge("civic311_integration_backlog", city, "roads") == 5.0
                && gauge("civic311_integration_consecutive_failures", city, "roads") >= 3.0,
        "the gauges of " + city.slug() + "/roads at a backlog of 5 and 3 failures or more");
    assertThat(gauge("civic311_integration_oldest_pending_age_seconds", city, "roads"))
        .isGreaterThanOrEqualTo(0.0);
    assertThat(gauge("civic311_integration_last_success_age_seconds", city, "roads"))
        .isEqualTo(-1.0);

    // the system comes up on that port; its administrator closes the breaker (in the tests it
    // would stay open for an hour)
    try (DepartmentSystem back = DepartmentSystem.start(port)) {
      as(city, "city-admin")
          .post("api/v1/cities/{city}/admin/integrations/roads/resume", city.slug())
          .then()
          .statusCode(200);
      Mail.await(() -> back.applied("/down").size() == 5, "the five events delivered");
      drained(city);
      assertThat(back.deliveries("/down")).hasSize(5); // each once: nothing was half-delivered
      assertThat(back.deliveriesOf("/down", first))
          .extracting(DepartmentSystem.Delivery::idempotencyKey)
          .containsExactly(first + ":1", first + ":2", first + ":3");
      assertThat(back.deliveriesOf("/down", second))
          .extracting(DepartmentSystem.Delivery::idempotencyKey)
          .containsExactly(second + ":1", second + ":2");
      assertThat(back.deliveries("/down")).allMatch(d -> d.signedWith(secret));
      assertThat(health(city, "roads").get("state")).isEqualTo("ok");
    }
  }

  @Test
  void aSystemThatKeepsFailingIsPausedWithoutCallsUntilResumedThenGetsEverythingOnce()
      throws Exception {
    java.util.concurrent.atomic.AtomicBoolean down =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    department.answer(ROADS, () -> down.get() ? 503 : 200);
    List<String> ids = new java.util.ArrayList<>(List.of(submit(city), submit(city)));

    // Three failures in a row (the tests' threshold) open the breaker.
    Mail.await(() -> "paused".equals(health(city, "roads").get("state")), "roads to pause");
    Map<String, Object> paused = health(city, "roads");
    assertThat(paused.get("paused_until")).isNotNull();
    assertThat(((Number) paused.get("consecutive_failures")).intValue()).isEqualTo(3);
    int callsWhenPaused = department.deliveries(ROADS).size();
    assertThat(callsWhenPaused).isEqualTo(3);

    // A new event waits without a call; its delivery says why, and no attempt is counted.
    String third = submit(city);
    ids.add(third);
    Mail.await(
        () -> integrationError(third).startsWith("paused: the department's system failed 3"),
        "the new event to wait");
    assertThat(department.deliveries(ROADS)).hasSize(callsWhenPaused);
    assertThat(
            Db.sql(
                city,
                "select attempts from outbox_delivery where consumer = 'integration'"
                    + " and request_id = ?::uuid",
                third))
        .isEqualTo("0");

    // Another city's administrator can neither resume it nor see it.
    TestCity other = Db.createCity("unhooked");
    as(other, "city-admin")
        .post("api/v1/cities/{city}/admin/integrations/roads/resume", city.slug())
        .then()
        .statusCode(403);
    as(other, "city-admin")
        .post("api/v1/cities/{city}/admin/integrations/roads/resume", other.slug())
        .then()
        .statusCode(404);
    assertThat(health(city, "roads").get("state")).isEqualTo("paused");

    // The department is back; its administrator resumes, and everything arrives once.
    down.set(false);
    as(city, "city-admin")
        .post("api/v1/cities/{city}/admin/integrations/roads/resume", city.slug())
        .then()
        .statusCode(200)
        .body("state", equalTo("idle"))
        .body("consecutive_failures", equalTo(0));
    Mail.await(() -> department.applied(ROADS).size() == 3, "the three events to arrive");
    drained(city);
    assertThat(department.applied(ROADS))
        .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> id + ":1").toList());
    assertThat(health(city, "roads").get("state")).isEqualTo("ok");
    assertThat(
            Db.sql(
                city,
                "select count(*) from audit_entry where subject = 'integration:roads'"
                    + " and after::text like '%resumed%'"))
        .isEqualTo("1");
  }

  @Test
  void anOAuth2DepartmentIsSentATokenFromItsAuthorizationServerFetchedOnceAndRenewedOn401()
      throws Exception {
    // The department's authorization server is a real Keycloak: the realm's
    // lethbridge-integrations client (client credentials) stands in for the department's client.
    String tokenUrl = org.civic311.it.support.Identity.issuer() + "/protocol/openid-connect/token";
    String clientSecret = "demo-lethbridge-integrations-secret";
    Map<String, String> good =
        Map.of(
            "url",
            department.url(ROADS),
            "auth",
            "oauth2",
            "token_url",
            tokenUrl,
            "client_id",
            "lethbridge-integrations",
            "client_secret",
            clientSecret);
    // Bad settings are refused, naming the field, and change nothing.
    Map<String, String> badUrl = new java.util.HashMap<>(good);
    badUrl.put("token_url", "ftp://auth.example.org/token");
    saveIntegration(city, "roads", badUrl)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("token_url"));
    Map<String, String> noSecret = new java.util.HashMap<>(good);
    noSecret.remove("client_secret");
    saveIntegration(city, "roads", noSecret)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("client_secret"));
    saveIntegration(
            city,
            "roads",
            Map.of("url", department.url(ROADS), "auth", "bearer", "token", "t", "client_id", "x"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("auth"));
    as(city, "city-admin")
        .get("api/v1/cities/{city}/admin/departments/roads/integration", city.slug())
        .then()
        .body("auth", equalTo("bearer"));

    String saved =
        saveIntegration(city, "roads", good)
            .then()
            .statusCode(200)
            .body("auth", equalTo("oauth2"))
            .body("credentials_set", equalTo(true))
            .extract()
            .asString();
    assertThat(saved).doesNotContain(clientSecret);

    AtomicInteger calls = new AtomicInteger();
    // the third delivery is refused with 401 (a revoked token): a new one is fetched and it goes
    department.answer(ROADS, () -> calls.incrementAndGet() == 3 ? 401 : 200);
    String first = submit(city);
    move(city, first, "in_progress", "Crew assigned.");
    String second = submit(city);
    Mail.await(() -> department.applied(ROADS).size() >= 3, "three events at the department");
    drained(city);

    List<DepartmentSystem.Delivery> sent = department.deliveries(ROADS);
    assertThat(sent).hasSize(4);
    assertThat(sent)
        .allMatch(d -> d.authorization() != null && d.authorization().startsWith("Bearer ey"));
    String payload = sent.get(0).authorization().substring("Bearer ".length()).split("\\.")[1];
    assertThat(new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
        .contains("\"azp\":\"lethbridge-integrations\"");
    // one token for the first two deliveries; after the 401, another
    assertThat(sent.get(1).authorization()).isEqualTo(sent.get(0).authorization());
    assertThat(sent.get(2).answered()).isEqualTo(401);
    assertThat(department.applied(ROADS)).contains(first + ":1", first + ":2", second + ":1");
    assertThat(deadLetters(city)).isEmpty();

    // A client the authorization server refuses: the change is a dead letter with the reason.
    Map<String, String> wrong = new java.util.HashMap<>(good);
    wrong.put("client_secret", "not-the-secret-of-this-client");
    saveIntegration(city, "roads", wrong).then().statusCode(200);
    String third = submit(city);
    Mail.await(() -> !deadLetters(city).isEmpty(), "the refused token to park the change");
    assertThat(deadLetters(city).get(0).get("last_error").toString())
        .contains("the token endpoint refused client 'lethbridge-integrations' (HTTP 401");
    assertThat(department.deliveriesOf(ROADS, third)).isEmpty();
  }

  @Test
  void theOperatorsMetricsCountEachCitysDeadAndWaitingChanges() throws Exception {
    department.answer(ROADS, () -> 422);
    submit(city);
    submit(city);
    java.util.regex.Pattern dead =
        java.util.regex.Pattern.compile(
            "(?m)^civic311_outbox_dead\\{(?=[^}]*city=\""
                + city.slug()
                + "\")(?=[^}]*consumer=\"integration\")[^}]*\\} ([0-9.]+)$");
    Mail.await(
        () -> {
          java.util.regex.Matcher m = dead.matcher(metrics());
          return m.find() && Double.parseDouble(m.group(1)) == 2.0;
        },
        "the metrics to count two dead letters of " + city.slug());
    assertThat(metrics())
        .containsPattern(
            "(?m)^civic311_outbox_pending\\{(?=[^}]*city=\""
                + city.slug()
                + "\")(?=[^}]*consumer=\"integration\")[^}]*\\} 0(\\.0)?$");
    // Another city with nothing waiting has no dead letters counted.
    TestCity quiet = Db.createCity("hooks-quiet");
    assertThat(metrics()).doesNotContainPattern("city=\"" + quiet.slug() + "\"[^}]*\\} [1-9]");
  }

  /** One per-department integration gauge of {@code city}, or NaN when it is not there. */
  private static double gauge(String name, TestCity city, String department) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "(?m)^"
                    + name
                    + "\\{(?=[^}]*city=\""
                    + city.slug()
                    + "\")(?=[^}]*department=\""
                    + department
                    + "\")[^}]*\\} (-?[0-9.E]+)$")
            .matcher(metrics());
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private static String metrics() {
    return api().accept("text/plain").get("metrics").then().statusCode(200).extract().asString();
  }

  private String integrationError(String requestId) {
    try {
      String error =
          Db.sql(
              city,
              "select coalesce(last_error, '') from outbox_delivery"
                  + " where consumer = 'integration' and request_id = ?::uuid",
              requestId);
      return error == null ? "" : error;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aRefusalIsADeadLetterWithItsReasonToReplayOnceFixedOrToDiscard() throws Exception {
    department.answer(ROADS, () -> 422);
    String first = submit(city);
    String second = submit(city);
    Mail.await(() -> deadLetters(city).size() == 2, "two dead letters");

    List<Map<String, Object>> dead = deadLetters(city);
    assertThat(dead)
        .extracting(d -> d.get("service_request_id"))
        .containsExactlyInAnyOrder(first, second);
    for (Map<String, Object> d : dead) {
      assertThat((String) d.get("last_error"))
          .isEqualTo(
              "HTTP 422 from the department's system: {\"status\":422,\"error\":\"refused\"}");
      assertThat(d.get("attempts")).isEqualTo(1); // refused: not retried
      assertThat(d.get("department")).isEqualTo("roads");
      assertThat(d.get("type")).isEqualTo("created");
      assertThat(d.get("seq")).isEqualTo(1);
    }
    assertThat(department.deliveriesOf(ROADS, first)).hasSize(1);
    Map<String, Object> roads = health(city, "roads");
    assertThat(roads.get("state")).isEqualTo("failing");
    assertThat(((Number) roads.get("dead_letters")).intValue()).isEqualTo(2);

    String firstLetter = letterOf(dead, first);
    String secondLetter = letterOf(dead, second);
    department.answer(ROADS, () -> 200); // the department fixed its side
    as(city, "city-admin")
        .post(
            "api/v1/cities/{city}/admin/integrations/dead-letters/{id}/replay",
            city.slug(),
            firstLetter)
        .then()
        .statusCode(200)
        .body("service_request_id", equalTo(first));
    Mail.await(() -> department.applied(ROADS).contains(first + ":1"), "the replay delivered");
    assertThat(department.deliveriesOf(ROADS, first))
        .extracting(DepartmentSystem.Delivery::answered)
        .containsExactly(422, 200);

    as(city, "city-admin")
        .post(
            "api/v1/cities/{city}/admin/integrations/dead-letters/{id}/discard",
            city.slug(),
            secondLetter)
        .then()
        .statusCode(204);
    assertThat(deadLetters(city)).isEmpty();
    drained(city);
    assertThat(department.applied(ROADS)).doesNotContain(second + ":1");
    assertThat(Db.pendingDeliveries(city)).isZero();

    // gone is gone, and ids that are not dead letters of this city are unknown
    for (String id : List.of(secondLetter, firstLetter, UUID.randomUUID().toString(), "x")) {
      as(city, "city-admin")
          .post("api/v1/cities/{city}/admin/integrations/dead-letters/{id}/replay", city.slug(), id)
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
    as(city, "city-admin")
        .queryParam("subject", "integration-dead-letter:" + secondLetter)
        .get("api/v1/cities/{city}/admin/audit", city.slug())
        .then()
        .statusCode(200)
        .body("after", hasItem(org.hamcrest.Matchers.containsString("\"action\":\"discard\"")));
  }

  private static String letterOf(List<Map<String, Object>> dead, String requestId) {
    return dead.stream()
        .filter(d -> requestId.equals(d.get("service_request_id")))
        .map(d -> (String) d.get("id"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aChangedUrlIsUsedFromTheNextEventOnAndTheSecretsAreKept() {
    String first = submit(city);
    Mail.await(() -> department.deliveriesOf(ROADS, first).size() == 1, "first delivery");
    saveIntegration(city, "roads", Map.of("url", department.url("/roads-v2"), "auth", "bearer"))
        .then()
        .statusCode(200)
        .body("version", equalTo(2))
        .body("credentials_set", equalTo(true))
        .body("signing_secret_set", equalTo(true));
    String second = submit(city);
    Mail.await(() -> department.deliveriesOf("/roads-v2", second).size() == 1, "second delivery");
    DepartmentSystem.Delivery d = department.deliveriesOf("/roads-v2", second).get(0);
    assertThat(d.signedWith(secret)).isTrue();
    assertThat(d.authorization()).isEqualTo("Bearer roads-token-of-" + city.slug());
  }

  // --- inbound ----------------------------------------------------------------------------

  @Test
  void aSignedStatusUpdateMovesTheRequestOnceThroughTheLifecycle() {
    String id = submit(city);
    Map<String, Object> update =
        Map.of(
            "update_id", "wo-1001-1",
            "service_request_id", id,
            "status", "in_progress",
            "public_note", "A crew is on site.");

    update(city, secret, update)
        .then()
        .statusCode(200)
        .body("applied", equalTo(true))
        .body("status", equalTo("in_progress"));
    assertThat(status(city, id)).isEqualTo("in_progress");
    int history = historySize(city, id);
    as(city, "agent")
        .get("api/v1/cities/{city}/service-requests/{id}/history", city.slug(), id)
        .then()
        .body("actor", hasItem("integration:roads"))
        .body("public_note", hasItem("A crew is on site."));

    // the department's system retries the same update: nothing changes again
    update(city, secret, update)
        .then()
        .statusCode(200)
        .body("applied", equalTo(false))
        .body("status", equalTo("in_progress"));
    assertThat(historySize(city, id)).isEqualTo(history);

    // the change is a request change like any other: it goes out to the department too
    Mail.await(
        () ->
            department.deliveriesOf(ROADS, id).stream()
                .anyMatch(d -> d.seq() == 2 && d.signedWith(secret)),
        "the change echoed to the department");

    // the same update id for another change is a conflict, and changes nothing
    update(
            city,
            secret,
            Map.of("update_id", "wo-1001-1", "service_request_id", id, "status", "resolved"))
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    assertThat(status(city, id)).isEqualTo("in_progress");
  }

  @Test
  void anUnsignedWronglySignedStaleOrMalformedUpdateIsRefusedAndChangesNothing() {
    String id = submit(city);
    int history = historySize(city, id);
    String body =
        "{\"update_id\":\"u-1\",\"service_request_id\":\"" + id + "\",\"status\":\"resolved\"}";
    long now = Instant.now().getEpochSecond();

    api()
        .contentType(ContentType.JSON)
        .body(body)
        .post("api/v1/cities/{city}/integrations/roads/status-updates", city.slug())
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Civic311-Signature")
        .contentType("application/problem+json");
    signed(city, "not-the-roads-secret-at-all", body, now).then().statusCode(401);
    signed(city, secret, body, now - 3600).then().statusCode(401); // stale: a replay
    // a signature of another body does not carry over
    api()
        .contentType(ContentType.JSON)
        .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(now))
        .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, now, "{}"))
        .body(body)
        .post("api/v1/cities/{city}/integrations/roads/status-updates", city.slug())
        .then()
        .statusCode(401);

    // signed, but not what an update is
    for (String malformed :
        List.of(
            "{not json",
            "[]",
            "{\"service_request_id\":\"" + id + "\",\"status\":\"resolved\"}",
            "{\"update_id\":\"u-2\",\"service_request_id\":\"nope\",\"status\":\"resolved\"}",
            "{\"update_id\":\"u-3\",\"service_request_id\":\"" + id + "\",\"status\":\"mended\"}",
            "{\"update_id\":\"u-4\",\"service_request_id\":\"" + id + "\",\"status\":7}")) {
      signed(city, secret, malformed, now)
          .then()
          .log()
          .ifValidationFails()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    assertThat(status(city, id)).isEqualTo("received");
    assertThat(historySize(city, id)).isEqualTo(history);
    // A department without an integration, or an unknown one, answers exactly as a wrong
    // signature does, so no one can find out which departments have an integration.
    String wrongAnswer =
        signed(city, "not-the-secret-of-roads", body, now)
            .then()
            .statusCode(401)
            .extract()
            .asString();
    for (String department : List.of("parks", "no-such-department")) {
      String answer =
          api()
              .contentType(ContentType.JSON)
              .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(now))
              .header(
                  WebhookSignature.SIGNATURE_HEADER,
                  WebhookSignature.sign("not-the-secret-of-roads", now, body))
              .body(body)
              .post(
                  "api/v1/cities/{city}/integrations/{department}/status-updates",
                  city.slug(),
                  department)
              .then()
              .statusCode(401)
              .header("WWW-Authenticate", "Civic311-Signature")
              .extract()
              .asString();
      assertThat(answer).isEqualTo(wrongAnswer);
    }
  }

  @Test
  void anUpdateForAnotherCitysRequestIsNotFoundThereAndChangesNothing() throws Exception {
    TestCity other = Db.createCity("hooks-other");
    String otherSecret = "other-roads-secret-" + UUID.randomUUID();
    roadsWithWebhook(other, department.url("/other-roads"), otherSecret);
    String theirs = submit(other);

    // signed with this city's secret, sent to this city, naming the other city's request
    update(
            city,
            secret,
            Map.of("update_id", "x-1", "service_request_id", theirs, "status", "resolved"))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    // the other city's secret does not open this city's door either
    update(
            city,
            otherSecret,
            Map.of("update_id", "x-2", "service_request_id", theirs, "status", "resolved"))
        .then()
        .statusCode(401);
    assertThat(status(other, theirs)).isEqualTo("received");
    assertThat(Db.count(city, "integration_inbound_update")).isZero();
  }

  // --- configuration and isolation --------------------------------------------------------

  @Test
  void theIntegrationIsConfiguredAuditedAndItsSecretsNeverComeBack() throws Exception {
    Map<String, Object> basic = new HashMap<>();
    basic.put("kind", "webhook");
    basic.put("url", department.url(ROADS));
    basic.put("auth", "basic");
    basic.put("username", "civic311");
    basic.put("password", "basic-password-" + secret);
    String put = saveIntegration(city, "roads", basic).then().statusCode(200).extract().asString();
    String get =
        as(city, "city-admin")
            .get("api/v1/cities/{city}/admin/departments/roads/integration", city.slug())
            .then()
            .statusCode(200)
            .body("auth", equalTo("basic"))
            .body("credentials_set", equalTo(true))
            .body("signing_secret_set", equalTo(true))
            .body(
                "status_updates_path",
                equalTo("/api/v1/cities/" + city.slug() + "/integrations/roads/status-updates"))
            .extract()
            .asString();
    String audit =
        as(city, "city-admin")
            .queryParam("subject", "integration:roads")
            .get("api/v1/cities/{city}/admin/audit", city.slug())
            .then()
            .statusCode(200)
            .body("size()", equalTo(2))
            .extract()
            .asString();
    assertThat(audit).contains("secrets_changed").contains("credentials");
    for (String answer : List.of(put, get, audit)) {
      assertThat(answer)
          .doesNotContain(secret)
          .doesNotContain("roads-token-of-")
          .doesNotContain("basic-password-");
    }
    // at rest: sealed, never the secret itself
    String stored =
        Db.sql(city, "select signing_secret || ' ' || credentials from department_integration");
    assertThat(stored).startsWith("v1.").doesNotContain(secret).doesNotContain("basic-password");

    String id = submit(city);
    Mail.await(() -> department.deliveriesOf(ROADS, id).size() == 1, "delivered with basic auth");
    assertThat(department.deliveriesOf(ROADS, id).get(0).authorization())
        .isEqualTo(
            "Basic "
                + java.util.Base64.getEncoder()
                    .encodeToString(
                        ("civic311:basic-password-" + secret).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void badConfigurationsAreRefusedNamingTheFieldAndChangeNothing() {
    String before =
        as(city, "city-admin")
            .get("api/v1/cities/{city}/admin/departments/roads/integration", city.slug())
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Map<String, Map<String, ?>> refused =
        Map.of(
            "url", Map.of("url", "ftp://works.example.org/in", "auth", "none"),
            "kind", Map.of("kind", "carrier-pigeon", "url", department.url(ROADS), "auth", "none"),
            "auth", Map.of("url", department.url(ROADS), "auth", "digest"),
            "token", Map.of("url", department.url(ROADS), "auth", "bearer", "token", "two\nlines"),
            "username", Map.of("url", department.url(ROADS), "auth", "basic", "password", "p"),
            "signing_secret",
                Map.of("url", department.url(ROADS), "auth", "none", "signing_secret", "short"));
    refused.forEach(
        (field, body) ->
            saveIntegration(city, "roads", body)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)));
    saveIntegration(city, "roads", Map.of("url", "not a url at all", "auth", "none"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("url"));
    saveIntegration(city, "roads", Map.of("url", "https://user:pw@works.example.org/in"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("url"));
    assertThat(
            as(city, "city-admin")
                .get("api/v1/cities/{city}/admin/departments/roads/integration", city.slug())
                .then()
                .extract()
                .asString())
        .isEqualTo(before);

    // a department's first integration needs its signing secret; unknown departments are 404
    as(city, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Parks", "categories", List.of()))
        .put("api/v1/cities/{city}/admin/departments/parks", city.slug())
        .then()
        .statusCode(200);
    saveIntegration(city, "parks", Map.of("url", department.url("/parks")))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("signing_secret"));
    as(city, "city-admin")
        .get("api/v1/cities/{city}/admin/departments/parks/integration", city.slug())
        .then()
        .statusCode(404);
    saveIntegration(
            city,
            "nowhere",
            Map.of("url", department.url("/x"), "signing_secret", "a-long-enough-secret"))
        .then()
        .statusCode(404);
  }

  @Test
  void eachCityReachesOnlyItsOwnDepartmentAndNobodyElsesSettings() throws Exception {
    TestCity other = Db.createCity("hooks-other");
    String otherSecret = "other-roads-secret-" + UUID.randomUUID();
    roadsWithWebhook(other, department.url("/other-roads"), otherSecret);

    List<String> ours = List.of(submit(city), submit(city));
    List<String> theirs = List.of(submit(other), submit(other));
    Mail.await(
        () ->
            department.deliveries(ROADS).size() >= 2
                && department.deliveries("/other-roads").size() >= 2,
        "both cities' requests delivered");
    drained(city);
    drained(other);
    assertThat(department.deliveries(ROADS))
        .extracting(DepartmentSystem.Delivery::requestId)
        .containsExactlyInAnyOrderElementsOf(ours);
    assertThat(department.deliveries("/other-roads"))
        .extracting(DepartmentSystem.Delivery::requestId)
        .containsExactlyInAnyOrderElementsOf(theirs);
    assertThat(department.deliveries("/other-roads"))
        .allMatch(d -> d.signedWith(otherSecret) && !d.signedWith(secret))
        .allMatch(d -> d.authorization().equals("Bearer roads-token-of-" + other.slug()));

    // the other city's administrator sees and changes nothing of this city's
    var theirAdmin = as(other, "city-admin");
    String path = "api/v1/cities/" + city.slug() + "/admin";
    theirAdmin.get(path + "/departments/roads/integration").then().statusCode(403);
    as(other, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("url", department.url("/stolen"), "auth", "none"))
        .put(path + "/departments/roads/integration")
        .then()
        .statusCode(403);
    as(other, "city-admin").get(path + "/integrations/dead-letters").then().statusCode(403);
    as(other, "city-admin").get(path + "/integrations/health").then().statusCode(403);
    // and its own answers carry none of this city's secrets
    String theirView =
        as(other, "city-admin")
            .get("api/v1/cities/{city}/admin/departments/roads/integration", other.slug())
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(theirView).doesNotContain(secret).doesNotContain(otherSecret);
    assertThat(
            Db.sql(
                other,
                "select count(*) from department_integration where tenant_id = ?::uuid",
                city.id().toString()))
        .isEqualTo("0"); // row-level security: this city's row is invisible as the other city
  }
}
