package org.civic311.it.support;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import org.civic311.integrations.connector.webhook.WebhookSignature;

/**
 * A department's own system, as the integrations meet it: a real HTTP server in the test JVM (the
 * JDK's), on an ephemeral port of loopback, that records every delivery and answers what the test
 * scripts per path (200 unless told otherwise). Like a careful receiver it applies each idempotency
 * key once, whatever it answers and however often the key arrives.
 */
public final class DepartmentSystem implements AutoCloseable {
  /** One delivery as received. */
  public record Delivery(
      String path,
      String idempotencyKey,
      String timestamp,
      String signature,
      String authorization,
      String eventHeader,
      String body,
      int answered) {
    public JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    public String requestId() {
      return json().getJsonObject("service_request").getString("service_request_id");
    }

    public int seq() {
      return json().getJsonObject("event").getInt("seq");
    }

    /** Whether the signature is right for {@code secret} (and its timestamp recent). */
    public boolean signedWith(String secret) {
      return WebhookSignature.verify(
              secret, timestamp, signature, body.getBytes(StandardCharsets.UTF_8), Instant.now())
          == WebhookSignature.Verdict.VALID;
    }
  }

  private final HttpServer server;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final Map<String, IntSupplier> answers = new ConcurrentHashMap<>();
  private final Set<String> applied = ConcurrentHashMap.newKeySet();
  private final List<String> appliedInOrder = new CopyOnWriteArrayList<>();

  private DepartmentSystem(HttpServer server) {
    this.server = server;
  }

  public static DepartmentSystem start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    DepartmentSystem system = new DepartmentSystem(server);
    server.createContext("/", system::handle);
    server.start();
    return system;
  }

  private void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      String key = exchange.getRequestHeaders().getFirst(WebhookSignature.IDEMPOTENCY_HEADER);
      int status = answers.getOrDefault(path, () -> 200).getAsInt();
      if (status < 400 || status >= 500) {
        // a 5xx here stands for "done, but the answer was lost": the work is applied either way
        if (key != null && applied.add(path + " " + key)) {
          appliedInOrder.add(path + " " + key);
        }
      }
      deliveries.add(
          new Delivery(
              path,
              key,
              exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
              exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
              exchange.getRequestHeaders().getFirst("Authorization"),
              exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_HEADER),
              body,
              status));
      byte[] answer =
          ("{\"status\":" + status + ",\"error\":\"" + (status >= 400 ? "refused" : "") + "\"}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  /** The address of {@code path} on this system, as Payara (on the same host) reaches it. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** From now on, {@code path} answers what {@code status} gives for each delivery. */
  public void answer(String path, IntSupplier status) {
    answers.put(path, status);
  }

  public List<Delivery> deliveries(String path) {
    return deliveries.stream().filter(d -> d.path().equals(path)).toList();
  }

  /** Deliveries to {@code path} of events of one request, in the order they came. */
  public List<Delivery> deliveriesOf(String path, String requestId) {
    return deliveries(path).stream().filter(d -> requestId.equals(d.requestId())).toList();
  }

  /** The idempotency keys {@code path} applied, in order, each once. */
  public List<String> applied(String path) {
    return appliedInOrder.stream()
        .filter(k -> k.startsWith(path + " "))
        .map(k -> k.substring(path.length() + 1))
        .toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
