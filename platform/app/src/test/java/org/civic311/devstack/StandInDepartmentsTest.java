package org.civic311.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.civic311.integrations.connector.webhook.WebhookSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's stand-in department systems, against a real HTTP server standing in for the platform's
 * status-update endpoint: they check Civic311's signature, apply each key once, and bring status
 * back signed with the department's secret.
 */
class StandInDepartmentsTest {
  private static final String REQUEST = "0b7c5f0e-3d1a-4c59-9a64-0d2f0f1c7a21";

  private final HttpClient client = HttpClient.newHttpClient();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private HttpServer platform;
  private StandInDepartments departments;

  @BeforeEach
  void start() throws Exception {
    platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    platform.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          WebhookSignature.Verdict verdict =
              WebhookSignature.verify(
                  StandInDepartments.secret("lethbridge", "roads"),
                  exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                  exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                  body,
                  Instant.now());
          received.add(
              exchange.getRequestURI().getPath()
                  + " "
                  + verdict
                  + " "
                  + new String(body, StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    platform.start();
    departments =
        StandInDepartments.start(
            0,
            "http://127.0.0.1:" + platform.getAddress().getPort(),
            Duration.ofMillis(100),
            Duration.ofMillis(100),
            line -> {});
  }

  @AfterEach
  void stop() {
    departments.close();
    platform.stop(0);
  }

  private HttpResponse<String> webhook(String secret, String key, String type) throws Exception {
    String body =
        "{\"idempotency_key\": \""
            + key
            + "\", \"event\": {\"type\": \""
            + type
            + "\"}, \"service_request\": {\"service_request_id\": \""
            + REQUEST
            + "\"}}";
    long now = Instant.now().getEpochSecond();
    return client.send(
        HttpRequest.newBuilder(URI.create(departments.url("lethbridge", "roads")))
            .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(now))
            .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, now, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aNewRequestGoesInProgressThenResolvedThroughTheSignedStatusEndpoint() throws Exception {
    HttpResponse<String> answer =
        webhook(StandInDepartments.secret("lethbridge", "roads"), REQUEST + ":1", "created");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"work_order\": \"WO-");
    // the same key again is applied once: no second pair of updates
    assertThat(
            webhook(StandInDepartments.secret("lethbridge", "roads"), REQUEST + ":1", "created")
                .body())
        .contains("duplicate");

    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
    assertThat(received)
        .hasSize(2)
        .allMatch(
            r -> r.startsWith("/api/v1/cities/lethbridge/integrations/roads/status-updates VALID"));
    assertThat(received.get(0)).contains("\"status\":\"in_progress\"").contains(REQUEST);
    assertThat(received.get(1)).contains("\"status\":\"resolved\"");
    assertThat(departments.sentBack())
        .containsExactly(REQUEST + ":in_progress:200", REQUEST + ":resolved:200");
  }

  @Test
  void aWronglySignedMessageIsRefusedAndStartsNothing() throws Exception {
    assertThat(webhook("someone-elses-secret-000", REQUEST + ":1", "created").statusCode())
        .isEqualTo(401);
    assertThat(
            webhook(StandInDepartments.secret("lethbridge", "roads"), REQUEST + ":2", "note")
                .statusCode())
        .isEqualTo(200);
    assertThat(departments.sentBack()).isEmpty();
    assertThat(received).isEmpty();
  }
}
