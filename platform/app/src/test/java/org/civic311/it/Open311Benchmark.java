package org.civic311.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.Test;

/**
 * The Open311 benchmark (not a test: run with {@code ./mvnw -B verify -Pbenchmark}; results in
 * {@code docs/performance.md}). Each measurement runs against a baseline taken in the same run, on
 * the same deployment and database, at the same concurrency:
 *
 * <ul>
 *   <li>{@code POST requests.json} against a raw JDBC loop that runs the same SQL transaction (bind
 *       the city and read its configuration version, insert the request, its history entry and its
 *       outbox event, commit): how much the edge, the rules and JPA cost over the bare SQL (target:
 *       at least 70% of the raw rate);
 *   <li>{@code GET requests/{id}.json} against a trivial JAX-RS endpoint of the same server
 *       (discovery with no city: no database): how much the city, the lookup and the wire format
 *       cost (target: at least 60%).
 * </ul>
 *
 * It prints and writes ({@code target/benchmark/open311.md}) both ratios, the absolute rates and
 * the p50/p99 latencies. It asserts nothing about speed.
 */
class Open311Benchmark extends PlatformIT {
  private static final String KEY = "demo-calgary-open311-key";
  private static final int THREADS = Integer.getInteger("benchmark.threads", 4);
  private static final Duration WARM_UP =
      Duration.ofSeconds(Long.getLong("benchmark.warmup-seconds", 10));
  private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** What one operation does; returns normally when it succeeded. */
  interface Operation {
    void run(int thread) throws Exception;
  }

  record Result(String name, long count, double perSecond, double p50Ms, double p99Ms) {
    String row() {
      return String.format(
          Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f |", name, count, perSecond, p50Ms, p99Ms);
    }
  }

  @Test
  void open311AgainstItsBaselines() throws Exception {
    TestCity calgary = Db.city("calgary");
    String categoryId =
        Db.sql(calgary, "select id::text from service_category where code = 'pothole'");
    String form =
        "jurisdiction_id=calgary.ca&api_key="
            + KEY
            + "&service_code=pothole&lat=51.0447&long=-114.0719&acknowledge_duplicate=true"
            + "&description="
            + URLEncoder.encode("Benchmark report", StandardCharsets.UTF_8);
    URI create = base().resolve("open311/v2/requests.json");
    URI trivial = base().resolve("open311/v2/discovery.json");

    List<Connection> connections = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      Connection c = Db.asApp();
      c.setAutoCommit(false);
      connections.add(c);
    }
    String id = created(create, form);
    // the outbox payload the application wrote for it, so that both paths queue the same work
    String payload =
        Db.sql(
            calgary, "select payload from outbox_event where request_id = ?::uuid and seq = 1", id);
    Operation rawInsert =
        thread ->
            insertLikeTheApplication(
                connections.get(thread), calgary, categoryId, payload.replace(id, "%s"));
    Operation post =
        thread -> {
          HttpResponse<String> r =
              http.send(
                  HttpRequest.newBuilder(create)
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(HttpRequest.BodyPublishers.ofString(form))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          expect(r, 200);
        };
    URI read = base().resolve("open311/v2/requests/" + id + ".json?jurisdiction_id=calgary.ca");
    Operation get = thread -> expect(send(read), 200);
    Operation baseline = thread -> expect(send(trivial), 200);

    // the four, each warmed up, one after the other; before each, the outbox consumers finish the
    // work the previous one queued, so that no operation is measured while the server still
    // delivers another's events (the raw loop's tens of thousands would otherwise land on POST)
    awaitOutboxDrained(calgary);
    Result jdbc = measure("raw JDBC: the same SQL transaction", rawInsert);
    awaitOutboxDrained(calgary);
    Result posted = measure("POST requests.json", post);
    awaitOutboxDrained(calgary);
    Result trivialRead = measure("GET discovery.json (trivial JAX-RS, no database)", baseline);
    Result read1 = measure("GET requests/{id}.json", get);
    for (Connection c : connections) {
      c.close();
    }

    double postRatio = posted.perSecond() / jdbc.perSecond();
    double getRatio = read1.perSecond() / trivialRead.perSecond();
    String report =
        String.join(
            "\n",
            "Open311 benchmark, "
                + Instant.now()
                + ", "
                + THREADS
                + " threads, "
                + MEASURE.toSeconds()
                + " s each after "
                + WARM_UP.toSeconds()
                + " s of warm-up, "
                + Runtime.getRuntime().availableProcessors()
                + " processors",
            "",
            "| Operation | Done | Per second | p50 ms | p99 ms |",
            "|---|---|---|---|---|",
            jdbc.row(),
            posted.row(),
            trivialRead.row(),
            read1.row(),
            "",
            String.format(
                Locale.ROOT,
                "POST requests.json / raw JDBC: %.0f%% (target at least 70%%)",
                postRatio * 100),
            String.format(
                Locale.ROOT,
                "GET requests/{id}.json / trivial JAX-RS: %.0f%% (target at least 60%%)",
                getRatio * 100),
            "");
    System.out.println(report);
    Path out = Path.of("target/benchmark/open311.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  /**
   * Waits until the server has delivered every outbox event of {@code city} (notifications and
   * integrations), printing the backlog as it shrinks.
   */
  private static void awaitOutboxDrained(TestCity city) throws Exception {
    long started = System.nanoTime();
    long[] last = {-1};
    org.awaitility.Awaitility.await("the outbox of " + city.slug() + " delivered")
        .atMost(Duration.ofMinutes(15))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              long pending = liveDeliveries(city);
              if (pending > 0
                  && (last[0] < 0
                      || System.nanoTime() - last[0] > Duration.ofSeconds(10).toNanos())) {
                System.out.println("Waiting for the outbox: " + pending + " deliveries pending");
                last[0] = System.nanoTime();
              }
              return pending == 0;
            });
    System.out.printf(
        Locale.ROOT, "Outbox drained in %.1f s%n", (System.nanoTime() - started) / 1e9);
  }

  /** Outbox deliveries of {@code city} still to do (dead ones are not waited for). */
  private static long liveDeliveries(TestCity city) throws Exception {
    try (Connection c = Db.asOwner();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from outbox_delivery where city_id = ? and dead_at is null")) {
      s.setObject(1, city.id());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private HttpResponse<String> send(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String created(URI create, String form) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(create)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    expect(r, 200);
    String body = r.body();
    int start = body.indexOf("\"service_request_id\":\"") + 22;
    return body.substring(start, body.indexOf('"', start));
  }

  private static void expect(HttpResponse<String> r, int status) {
    if (r.statusCode() != status) {
      throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  /**
   * The transaction {@code POST requests.json} sends, written by hand: bind the city (reading its
   * configuration version), insert the request, its first history entry and its outbox event (whose
   * trigger queues the delivery), commit. The key, the category and the hours come from the city
   * cache in a warm application, so they cost it no statement (ADR 0022).
   */
  private static void insertLikeTheApplication(
      Connection c, TestCity city, String categoryId, String payload) throws Exception {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    try {
      // the application's binding statement, which also reads the city's configuration version;
      // with the version unchanged, the application checks the key against its city cache (ADR
      // 0022), so a warm POST sends no statement for it, and neither does this loop
      try (PreparedStatement s =
          c.prepareStatement(
              "select set_config('app.tenant_id', ?, true), (select coalesce(v.version, 0)"
                  + " from tenant t left join city_config_version v on v.city_id = t.id"
                  + " where t.id = ?::uuid)")) {
        s.setString(1, city.id().toString());
        s.setString(2, city.id().toString());
        s.executeQuery().close();
      }
      String tenant = city.id().toString();
      update(
          c,
          "insert into service_request (tenant_id, id, category_id, description, latitude,"
              + " longitude, status, created_at, channel, updated_at, last_seq, version,"
              + " expected_at) values (?::uuid, ?, ?::uuid, ?, 51.0447, -114.0719,"
              + " 'RECEIVED', ?, 'OPEN311', ?, 1, 1, ?)",
          tenant,
          id,
          categoryId,
          "Benchmark report",
          now,
          now,
          now);
      update(
          c,
          "insert into service_request_event (tenant_id, id, request_id, seq, at, status,"
              + " actor) values (?::uuid, ?, ?, 1, ?, 'RECEIVED', 'open311')",
          tenant,
          UUID.randomUUID(),
          id,
          now);
      update(
          c,
          "insert into outbox_event (tenant_id, id, request_id, seq, type, payload,"
              + " created_at) values (?::uuid, ?, ?, 1, 'created', ?, ?)",
          tenant,
          UUID.randomUUID(),
          id,
          payload.replace("%s", id.toString()),
          now);
      c.commit();
    } catch (Exception e) {
      c.rollback();
      throw e;
    }
  }

  private static void update(Connection c, String sql, Object... values) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }

  /** Warms {@code operation} up, then runs it on every thread for the measured time. */
  private static Result measure(String name, Operation operation) throws Exception {
    run(operation, WARM_UP);
    List<long[]> perThread = run(operation, MEASURE);
    List<Long> latencies = new ArrayList<>();
    for (long[] thread : perThread) {
      for (long l : thread) {
        latencies.add(l);
      }
    }
    Collections.sort(latencies);
    long count = latencies.size();
    return new Result(
        name,
        count,
        count / (double) MEASURE.toSeconds(),
        latencies.get((int) (count * 0.50)) / 1e6,
        latencies.get((int) Math.min(count - 1, count * 0.99)) / 1e6);
  }

  private static List<long[]> run(Operation operation, Duration length) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      long end = System.nanoTime() + length.toNanos();
      List<Future<long[]>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<long[]> work =
            () -> {
              long[] times = new long[1 << 16];
              int n = 0;
              while (System.nanoTime() < end) {
                long start = System.nanoTime();
                operation.run(thread);
                if (n == times.length) {
                  times = java.util.Arrays.copyOf(times, n * 2);
                }
                times[n++] = System.nanoTime() - start;
              }
              return java.util.Arrays.copyOf(times, n);
            };
        futures.add(pool.submit(work));
      }
      List<long[]> out = new ArrayList<>();
      for (Future<long[]> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
