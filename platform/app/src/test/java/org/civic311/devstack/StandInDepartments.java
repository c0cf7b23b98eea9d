package org.civic311.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.civic311.integrations.connector.webhook.WebhookSignature;

/**
 * The demo's stand-in department systems: one small HTTP server that plays every department of
 * every demo city (path {@code /<city>/<department>}). It takes Civic311's signed webhook as a real
 * work-order system would (checks the signature, applies each idempotency key once, answers with a
 * work-order number) and, for each new request, brings status back through the city's signed
 * status-update endpoint: "in progress" after a while, "resolved" later. So in the demo, a request
 * reported in the portal moves on by itself, and residents who follow it get the mail.
 *
 * <p>Each department's signing secret is derived from its city and code: demo only.
 */
public final class StandInDepartments implements AutoCloseable {
  private static final JsonProvider JSON = JsonProvider.provider();

  private final HttpServer server;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String platform;
  private final Duration startAfter;
  private final Duration resolveAfter;
  private final Consumer<String> log;
  private final Set<String> applied = ConcurrentHashMap.newKeySet();
  private final AtomicInteger workOrders = new AtomicInteger(1000);
  private final List<String> sentBack = new CopyOnWriteArrayList<>();

  private StandInDepartments(
      HttpServer server,
      String platform,
      Duration startAfter,
      Duration resolveAfter,
      Consumer<String> log) {
    this.server = server;
    this.platform = platform;
    this.startAfter = startAfter;
    this.resolveAfter = resolveAfter;
    this.log = log;
  }

  /**
   * Starts the stand-ins on {@code port} (0: any free port). New requests go in progress {@code
   * startAfter} after they reach the department, and are resolved {@code resolveAfter} after that.
   */
  public static StandInDepartments start(
      int port, String platform, Duration startAfter, Duration resolveAfter, Consumer<String> log)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    StandInDepartments s = new StandInDepartments(server, platform, startAfter, resolveAfter, log);
    server.createContext("/", s::receive);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    return s;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The webhook address of {@code department} of {@code city}. */
  public String url(String city, String department) {
    return "http://localhost:" + port() + "/" + city + "/" + department;
  }

  /** The signing secret the stand-in shares with {@code department} of {@code city} (demo only). */
  public static String secret(String city, String department) {
    return "demo-stand-in-" + city + "-" + department + "-signing-secret";
  }

  /** The status updates sent back so far, as {@code <request id>:<status>:<answer status>}. */
  public List<String> sentBack() {
    return List.copyOf(sentBack);
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      String[] path = exchange.getRequestURI().getPath().split("/");
      if (!"POST".equals(exchange.getRequestMethod()) || path.length != 3) {
        answer(exchange, 404, "{\"error\": \"POST /<city>/<department>\"}");
        return;
      }
      String city = path[1];
      String department = path[2];
      byte[] body = exchange.getRequestBody().readNBytes(1 << 20);
      WebhookSignature.Verdict verdict =
          WebhookSignature.verify(
              secret(city, department),
              exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
              exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
              body,
              Instant.now());
      if (verdict != WebhookSignature.Verdict.VALID) {
        answer(exchange, 401, "{\"error\": \"signature " + verdict + "\"}");
        return;
      }
      JsonObject message;
      try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
        message = reader.readObject();
      }
      String key = message.getString("idempotency_key");
      if (!applied.add(city + "/" + department + "/" + key)) {
        answer(exchange, 200, "{\"duplicate\": true}");
        return;
      }
      String workOrder = "WO-" + workOrders.incrementAndGet();
      JsonObject event = message.getJsonObject("event");
      String requestId = message.getJsonObject("service_request").getString("service_request_id");
      if ("created".equals(event.getString("type", ""))) {
        log.accept(
            "  " + department + " of " + city + " opened " + workOrder + " for " + requestId);
        timer.schedule(
            () ->
                sendBack(
                    city,
                    department,
                    requestId,
                    workOrder + "-started",
                    "in_progress",
                    "Work order " + workOrder + " is open; a crew is scheduled."),
            startAfter.toMillis(),
            TimeUnit.MILLISECONDS);
        timer.schedule(
            () ->
                sendBack(
                    city,
                    department,
                    requestId,
                    workOrder + "-done",
                    "resolved",
                    "Work order " + workOrder + " is complete. Thank you for reporting it."),
            startAfter.plus(resolveAfter).toMillis(),
            TimeUnit.MILLISECONDS);
      }
      answer(exchange, 200, "{\"work_order\": \"" + workOrder + "\"}");
    } catch (RuntimeException e) {
      answer(exchange, 400, "{\"error\": \"unreadable message\"}");
    }
  }

  private void sendBack(
      String city,
      String department,
      String requestId,
      String updateId,
      String status,
      String note) {
    String body =
        JSON.createObjectBuilder()
            .add("update_id", updateId)
            .add("service_request_id", requestId)
            .add("status", status)
            .add("public_note", note)
            .build()
            .toString();
    long now = Instant.now().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    platform
                        + "/api/v1/cities/"
                        + URLEncoder.encode(city, StandardCharsets.UTF_8)
                        + "/integrations/"
                        + URLEncoder.encode(department, StandardCharsets.UTF_8)
                        + "/status-updates"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(now))
            .header(
                WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.sign(secret(city, department), now, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      int answer = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      sentBack.add(requestId + ":" + status + ":" + answer);
      // A request that staff closed meanwhile refuses the move (400): that is fine here.
      log.accept(
          "  "
              + department
              + " of "
              + city
              + ": "
              + status
              + " "
              + requestId
              + " ("
              + answer
              + ")");
    } catch (IOException e) {
      sentBack.add(requestId + ":" + status + ":unreachable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Connects every department of every demo city that has no integration yet to its stand-in, as
   * the city's administrator would in the admin pages ({@code <city>-admin}, the demo password).
   *
   * @return the departments connected now, as {@code city/department}
   */
  public List<String> connectDemoCities(String tokenUrl) throws IOException, InterruptedException {
    List<String> connected = new java.util.ArrayList<>();
    for (jakarta.json.JsonValue c : getArray(platform + "/api/v1/cities", null)) {
      String city = c.asJsonObject().getString("slug");
      String token = token(tokenUrl, city + "-admin");
      if (token == null) {
        continue; // not a demo city: no demo administrator
      }
      String admin = platform + "/api/v1/cities/" + city + "/admin/departments";
      for (jakarta.json.JsonValue d : getArray(admin, token)) {
        String department = d.asJsonObject().getString("code");
        HttpResponse<String> existing =
            client.send(
                HttpRequest.newBuilder(URI.create(admin + "/" + department + "/integration"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (existing.statusCode() != 404) {
          continue; // configured already (by an earlier start, or by its administrator)
        }
        String body =
            JSON.createObjectBuilder()
                .add("url", url(city, department))
                .add("auth", "none")
                .add("signing_secret", secret(city, department))
                .build()
                .toString();
        HttpResponse<String> saved =
            client.send(
                HttpRequest.newBuilder(URI.create(admin + "/" + department + "/integration"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (saved.statusCode() == 200) {
          connected.add(city + "/" + department);
        } else {
          log.accept("  could not connect " + city + "/" + department + ": " + saved.body());
        }
      }
    }
    return connected;
  }

  private jakarta.json.JsonArray getArray(String url, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    try (JsonReader reader = JSON.createReader(new java.io.StringReader(response.body()))) {
      return reader.readArray();
    }
  }

  /** A demo user's access token, or null when there is no such user. */
  private String token(String tokenUrl, String username) throws IOException, InterruptedException {
    String form =
        "grant_type=password&client_id=civic311-cli&password=demo311&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      return null;
    }
    try (JsonReader reader = JSON.createReader(new java.io.StringReader(response.body()))) {
      return reader.readObject().getString("access_token");
    }
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
