package org.civic311.integrations.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.civic311.integrations.connector.webhook.WebhookRoutes;
import org.civic311.integrations.connector.webhook.WebhookSignature;
import org.civic311.integrations.dispatch.DeliveryFailure;
import org.civic311.platform.shared.application.SchemaMigrated;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle class and the webhook template outside the container, against a real HTTP server on
 * an ephemeral port: what a department receives, that HttpClient does not retry on its own, and
 * that a route is made again when its configuration changes.
 */
class CamelRuntimeTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private record Received(String path, Map<String, List<String>> headers, String body) {}

  private HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private CamelRuntime camel;

  @BeforeEach
  void departmentAndCamel() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  exchange.getRequestURI().toString(),
                  exchange.getRequestHeaders(),
                  new String(body, StandardCharsets.UTF_8)));
          byte[] answer = ("{\"answer\":" + status.get() + "}").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status.get(), answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    camel = new CamelRuntime();
    camel.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    camel.connectTimeout = Duration.ofSeconds(2);
    camel.responseTimeout = Duration.ofSeconds(5);
    camel.build();
    assertThat(camel.started()).isFalse();
    camel.start(new SchemaMigrated("test"));
  }

  @AfterEach
  void stop() {
    camel.stop();
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private Exchange send(String url, int version, String body) {
    return camel.send(
        WebhookRoutes.TEMPLATE,
        "webhook-city-roads",
        Map.of("url", url, "city", "city", "department", "roads", "version", "" + version),
        exchange -> {
          exchange.getMessage().setBody(body);
          exchange.getMessage().setHeader("X-Not-For-The-Department", "internal");
          exchange.setProperty(WebhookRoutes.SIGNING_SECRET, "roads-signing-secret");
          exchange.setProperty(WebhookRoutes.AUTHORIZATION, "Bearer roads-token");
          exchange.setProperty(WebhookRoutes.IDEMPOTENCY_KEY, "req-1:1");
          exchange.setProperty(WebhookRoutes.EVENT_TYPE, "created");
        });
  }

  @Test
  void postsTheSignedBodyWithItsKeyAndAuthorizationToTheDepartmentsUrl() {
    String body = "{\"idempotency_key\":\"req-1:1\",\"note\":\"caf\u00e9\"}";
    Exchange result = send(url("/hooks/311?b=2&a=1"), 1, body);

    assertThat(result.getException()).isNull();
    assertThat(received).hasSize(1);
    Received r = received.get(0);
    assertThat(r.path()).isEqualTo("/hooks/311?b=2&a=1"); // the query as configured, not reordered
    assertThat(r.body()).isEqualTo(body);
    assertThat(r.headers().get("Content-type").get(0)).startsWith("application/json");
    assertThat(r.headers().get("Idempotency-key")).containsExactly("req-1:1");
    assertThat(r.headers().get("X-civic311-event")).containsExactly("created");
    assertThat(r.headers().get("Authorization")).containsExactly("Bearer roads-token");
    assertThat(r.headers().get("X-civic311-timestamp"))
        .containsExactly(String.valueOf(NOW.getEpochSecond()));
    assertThat(
            WebhookSignature.verify(
                "roads-signing-secret",
                r.headers().get("X-civic311-timestamp").get(0),
                r.headers().get("X-civic311-signature").get(0),
                body.getBytes(StandardCharsets.UTF_8),
                NOW))
        .isEqualTo(WebhookSignature.Verdict.VALID);
    assertThat(r.headers()).doesNotContainKey("X-not-for-the-department");
    // the secrets left the exchange once used
    assertThat(result.getProperty(WebhookRoutes.SIGNING_SECRET)).isNull();
    assertThat(result.getProperty(WebhookRoutes.AUTHORIZATION)).isNull();
  }

  @Test
  void aServiceUnavailableIsOneRequestAndComesBackAsARetryableFailure() {
    status.set(503);
    Exchange result = send(url("/in"), 1, "{}");
    assertThat(received).hasSize(1); // HttpClient's own retry of 503 is off
    DeliveryFailure failure = DeliveryFailure.of(result.getException());
    assertThat(failure.permanent()).isFalse();
    assertThat(failure.reason()).startsWith("HTTP 503");
  }

  @Test
  void aRefusalComesBackAsPermanentWithTheDepartmentsAnswer() {
    status.set(422);
    DeliveryFailure failure = DeliveryFailure.of(send(url("/in"), 1, "{}").getException());
    assertThat(failure.permanent()).isTrue();
    assertThat(failure.reason())
        .isEqualTo("HTTP 422 from the department's system: {\"answer\":422}");
  }

  @Test
  void aRedirectIsNotFollowedButRefused() {
    server.createContext(
        "/moved",
        exchange -> {
          received.add(new Received("/moved", exchange.getRequestHeaders(), ""));
          exchange.getResponseHeaders().add("Location", url("/elsewhere"));
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    DeliveryFailure failure = DeliveryFailure.of(send(url("/moved"), 1, "{}").getException());
    assertThat(received).extracting(Received::path).containsExactly("/moved");
    assertThat(failure.permanent()).isTrue();
    assertThat(failure.reason()).contains("302").contains("not followed");
  }

  @Test
  void aNewConfigurationVersionRemakesTheRouteWithTheNewUrl() {
    send(url("/first"), 1, "{}");
    send(url("/first"), 1, "{}");
    send(url("/second"), 2, "{}");
    assertThat(received).extracting(Received::path).containsExactly("/first", "/first", "/second");
    assertThat(camel.routeCount()).isEqualTo(1);
  }

  @Test
  void anUnreachableDepartmentIsARetryableFailure() {
    int port = server.getAddress().getPort();
    server.stop(0);
    DeliveryFailure failure =
        DeliveryFailure.of(send("http://127.0.0.1:" + port + "/in", 1, "{}").getException());
    assertThat(failure.permanent()).isFalse();
  }
}
