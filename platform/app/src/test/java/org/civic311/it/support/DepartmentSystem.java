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
  private final Map<String, java.util.concurrent.atomic.AtomicInteger> held =
      new ConcurrentHashMap<>();
  private final java.util.concurrent.CountDownLatch closed =
      new java.util.concurrent.CountDownLatch(1);
  private final List<String> appliedInOrder = new CopyOnWriteArrayList<>();

  private DepartmentSystem(HttpServer server) {
    this.server = server;
  }

  public static DepartmentSystem start() throws IOException {
    return start(0);
  }

  /** A system on {@code port} of loopback (0: any free port). */
  public static DepartmentSystem start(int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    DepartmentSystem system = new DepartmentSystem(server);
    server.createContext("/", system::handle);
    // a thread per exchange: an answer held back (a timeout) does not hold the next delivery up
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
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
      java.util.concurrent.atomic.AtomicInteger hold = held.get(path);
      if (hold != null && hold.getAndDecrement() > 0) {
        // the work is applied, but the answer does not come until the caller has given up
        try {
          closed.await(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      byte[] answer =
          ("{\"status\":" + status + ",\"error\":\"" + (status >= 400 ? "refused" : "") + "\"}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  /**
   * A port of loopback on which nothing listens now: connections to it are refused until a system
   * is {@linkplain #start(int) started} there.
   */
  public static int refusingPort() throws IOException {
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress("127.0.0.1", 0));
      return probe.getLocalPort();
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

  /**
   * The next {@code count} deliveries to {@code path} are applied but not answered (until this
   * system closes): the caller's response timeout runs out, as with a system that hangs.
   */
  public void holdAnswers(String path, int count) {
    held.put(path, new java.util.concurrent.atomic.AtomicInteger(count));
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
    closed.countDown();
    server.stop(0);
  }
}
