package org.civic311.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.devstack.Folders;
import org.civic311.devstack.PayaraMicroProcess;
import org.civic311.it.support.CityEraser;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.Identity;
import org.civic311.it.support.LiveHeap;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.Test;

/**
 * The department integrations' benchmark (issue 6; not a test: run with {@code ./mvnw -B verify
 * -Pbenchmark -Dit.test=DispatchBenchmark}; results in {@code docs/performance.md}). Three parts,
 * against one receiving HTTP server in this JVM standing in for every department's system:
 *
 * <ol>
 *   <li><b>Commit-to-receipt latency</b> at a steady rate of creations through the native API
 *       (100/s for 20 s after 5 s of warm-up): the receiver's clock at receipt minus the request's
 *       {@code created_at}, which the application sets in the creating transaction just before it
 *       commits (same machine, same wall clock).
 *   <li><b>Dispatch throughput</b>: a backlog of N events committed at once (one SQL transaction,
 *       the rows the application writes) and delivered through the outbox, the integration consumer
 *       and the Camel route; against the same signed payloads posted directly with {@code
 *       java.net.http.HttpClient} to the same receiver, in the same run, at the dispatcher's
 *       concurrency (one poller per consumer and instance: one at a time).
 *   <li><b>1,000 cities × 3 departments</b> with webhooks: a second Payara's start-up (readiness,
 *       and the CamelContext's own start) and live heap with one such city configured, then with a
 *       thousand; and the main instance's live heap and dispatch time once every one of the 3,000
 *       departments has had an event (a route instance each), against the same events once the
 *       routes exist.
 * </ol>
 *
 * It prints and writes {@code target/benchmark/dispatch.md}. It asserts nothing about speed. The
 * cities it made are erased at the end.
 */
class DispatchBenchmark extends PlatformIT {
  private static final int RATE = Integer.getInteger("benchmark.dispatch.rate", 100);
  private static final Duration WARM_UP =
      Duration.ofSeconds(Long.getLong("benchmark.dispatch.warmup-seconds", 5));
  private static final Duration MEASURE =
      Duration.ofSeconds(Long.getLong("benchmark.dispatch.seconds", 20));
  private static final int BACKLOG = Integer.getInteger("benchmark.dispatch.backlog", 2000);
  private static final int CITIES = Integer.getInteger("benchmark.dispatch.cities", 1000);

  /** Which parts to run: {@code a} latency, {@code b} throughput, {@code c} a thousand cities. */
  private static final String PARTS = System.getProperty("benchmark.dispatch.parts", "abc");

  private static final String[][] DEPARTMENTS = {
    {"roads", "Roads", "pothole"},
    {"parks", "Parks", "graffiti"},
    {"lights", "Lights", "streetlight"}
  };

  static {
    // The JDK's HTTP server writes a response's headers and body separately and, unless told,
    // leaves Nagle's algorithm on: each answer then waits for the client's delayed ACK (about 40
    // ms), which would cap any sender at some 20 messages a second. A department's real system
    // answers without that stall; so does this one. Read once, when the server's class loads.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<String> report = new ArrayList<>();

  /** One delivery as the receiver got it. */
  record Receipt(
      String path, String key, Instant at, long nanos, String body, Map<String, String> headers) {}

  /** The departments' systems: one JDK HTTP server, answering 200 to everything, recording all. */
  static final class Receiver implements AutoCloseable {
    private static final List<String> KEPT =
        List.of(
            "Content-Type",
            "Idempotency-Key",
            "X-Civic311-Signature",
            "X-Civic311-Timestamp",
            "X-Civic311-Event");
    final HttpServer server;
    final ExecutorService pool = Executors.newFixedThreadPool(4);
    final Map<String, Receipt> byKey = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> perPrefix = new ConcurrentHashMap<>();
    final Queue<Receipt> all = new ConcurrentLinkedQueue<>();

    Receiver() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
      server.setExecutor(pool);
      server.createContext("/", this::handle);
      server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        Instant at = Instant.now();
        long nanos = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        Map<String, String> headers = new HashMap<>();
        for (String h : KEPT) {
          String v = exchange.getRequestHeaders().getFirst(h);
          if (v != null) {
            headers.put(h, v);
          }
        }
        String key = headers.get("Idempotency-Key");
        Receipt r = new Receipt(path, key, at, nanos, body, headers);
        if (key != null && !path.startsWith("/direct")) {
          byKey.putIfAbsent(key, r);
        }
        all.add(r);
        String prefix =
            path.substring(0, path.indexOf('/', 1) < 0 ? path.length() : path.indexOf('/', 1));
        perPrefix.computeIfAbsent(prefix, p -> new AtomicInteger()).incrementAndGet();
        byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
      }
    }

    int count(String prefix) {
      AtomicInteger n = perPrefix.get(prefix);
      return n == null ? 0 : n.get();
    }

    String url(String path) {
      return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
      server.stop(0);
      pool.shutdownNow();
    }
  }

  @Test
  void dispatchAgainstItsBaselines() throws Exception {
    report.add(
        "Dispatch benchmark, "
            + Instant.now()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " processors");
    report.add("");
    List<UUID> made = new ArrayList<>();
    try (Receiver receiver = new Receiver()) {
      TestCity city = Db.createCity("dispatch");
      made.add(city.id());
      Map<String, UUID> categories = new HashMap<>();
      for (String[] d : DEPARTMENTS) {
        UUID id = UUID.randomUUID();
        Db.addCategory(city, id, d[2], d[1] + " issue");
        categories.put(d[2], id);
      }
      configure(city, receiver, "/bench");

      latency(city, receiver);
      if (PARTS.contains("b")) {
        throughput(city, categories.get("pothole"), receiver);
      }
      if (PARTS.contains("c")) {
        thousandCities(city, receiver, made);
      }
    } finally {
      long start = System.nanoTime();
      CityEraser.erase(made);
      System.out.printf(
          Locale.ROOT,
          "Erased the benchmark's %d cities in %.0f s%n",
          made.size(),
          (System.nanoTime() - start) / 1e9);
    }
    String text = String.join("\n", report) + "\n";
    System.out.println(text);
    Path out = Path.of("target/benchmark/dispatch.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
  }

  // ---------------------------------------------------------------- (a) commit-to-receipt latency

  private void latency(TestCity city, Receiver receiver) throws Exception {
    paced(city, WARM_UP); // the routes are made here, on the first events
    Map<String, long[]> created = paced(city, MEASURE);
    awaitUntil(
        "the measured requests at the receiver",
        Duration.ofMinutes(5),
        () -> created.keySet().stream().allMatch(id -> receiver.byKey.containsKey(id + ":1")));
    Map<String, Instant> createdAt = createdAt(city);
    List<Long> commitToReceipt = new ArrayList<>();
    List<Long> post = new ArrayList<>();
    for (Map.Entry<String, long[]> e : created.entrySet()) {
      Receipt r = receiver.byKey.get(e.getKey() + ":1");
      commitToReceipt.add(Duration.between(createdAt.get(e.getKey()), r.at()).toNanos());
      post.add(e.getValue()[1] - e.getValue()[0]);
    }
    List<Map.Entry<String, long[]>> inOrder = new ArrayList<>(created.entrySet());
    inOrder.sort(java.util.Comparator.comparingLong(e -> e.getValue()[0]));
    for (int i : new int[] {0, 1, inOrder.size() / 2, inOrder.size() - 2, inOrder.size() - 1}) {
      String id = inOrder.get(i).getKey();
      System.out.println(
          "request "
              + i
              + " created_at "
              + createdAt.get(id)
              + " received "
              + receiver.byKey.get(id + ":1").at());
    }
    double achieved = created.size() / (double) MEASURE.toSeconds();
    report.add(
        String.format(
            Locale.ROOT,
            "### Commit-to-receipt latency at %d creations/s for %d s (%d created, %.1f/s achieved)",
            RATE,
            MEASURE.toSeconds(),
            created.size(),
            achieved));
    report.add("");
    report.add("| Measure | min ms | p50 ms | p99 ms | max ms |");
    report.add("|---|---|---|---|---|");
    report.add(row("created_at → receipt at the department's system", commitToReceipt));
    report.add(row("POST service-requests (for comparison: the creation itself)", post));
    report.add("");
  }

  /** Creates requests through the native API at {@link #RATE} per second for {@code length}. */
  private Map<String, long[]> paced(TestCity city, Duration length) throws Exception {
    Map<String, long[]> created = new ConcurrentHashMap<>();
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger n = new AtomicInteger();
    URI uri = base().resolve("api/v1/cities/" + city.slug() + "/service-requests");
    ExecutorService senders = Executors.newFixedThreadPool(32);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    Runnable one =
        () -> {
          String code = DEPARTMENTS[n.getAndIncrement() % DEPARTMENTS.length][2];
          String body =
              "{\"service_code\":\""
                  + code
                  + "\",\"description\":\"Benchmark report\","
                  + "\"address_string\":\"100 Main Street\",\"acknowledge_duplicate\":true}";
          long start = System.nanoTime();
          try {
            HttpResponse<String> r =
                http.send(
                    HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            long end = System.nanoTime();
            if (r.statusCode() != 201) {
              failures.incrementAndGet();
              return;
            }
            String b = r.body();
            int i = b.indexOf("\"service_request_id\":\"") + 22;
            created.put(b.substring(i, b.indexOf('"', i)), new long[] {start, end});
          } catch (Exception e) {
            failures.incrementAndGet();
          }
        };
    ScheduledFuture<?> ticks =
        ticker.scheduleAtFixedRate(
            () -> senders.submit(one), 0, 1_000_000_000L / RATE, TimeUnit.NANOSECONDS);
    TimeUnit.NANOSECONDS.sleep(length.toNanos()); // the pacing itself, not a wait for a result
    ticks.cancel(false);
    ticker.shutdown();
    senders.shutdown();
    senders.awaitTermination(2, TimeUnit.MINUTES);
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " creations failed");
    }
    return created;
  }

  private static Map<String, Instant> createdAt(TestCity city) throws Exception {
    Map<String, Instant> at = new HashMap<>();
    try (Connection c = Db.asOwner()) {
      c.setAutoCommit(false);
      Db.bind(c, city);
      try (PreparedStatement s =
              c.prepareStatement("select id::text, created_at from service_request");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          at.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
        }
      }
      c.commit();
    }
    return at;
  }

  // ---------------------------------------------------------------- (b) dispatch throughput

  private void throughput(TestCity city, UUID pothole, Receiver receiver) throws Exception {
    String sample = receiver.byKey.keySet().iterator().next();
    String sampleId = sample.substring(0, sample.indexOf(':'));
    String payload =
        Db.sql(
                city,
                "select payload from outbox_event where request_id = ?::uuid and seq = 1",
                sampleId)
            .replace(sampleId, "%s");
    List<String> ids = new ArrayList<>();
    long committed;
    try (Connection c = Db.asApp()) {
      c.setAutoCommit(false);
      Db.bind(c, city);
      for (int i = 0; i < BACKLOG; i++) {
        ids.add(insertLikeTheApplication(c, city.id(), pothole, payload).toString());
      }
      committed = System.nanoTime();
      c.commit();
    }
    awaitUntil(
        "the backlog at the receiver",
        Duration.ofMinutes(15),
        () -> ids.stream().allMatch(id -> receiver.byKey.containsKey(id + ":1")));
    long last = ids.stream().mapToLong(id -> receiver.byKey.get(id + ":1").nanos()).max().orElse(0);
    double outboxRate = BACKLOG / ((last - committed) / 1e9);

    // the same signed messages, straight from this JVM to the same server, one at a time
    List<Receipt> messages = ids.stream().map(id -> receiver.byKey.get(id + ":1")).toList();
    URI direct = URI.create(receiver.url("/direct/roads"));
    for (int i = 0; i < Math.min(500, messages.size()); i++) {
      postDirect(direct, messages.get(i)); // warm-up
    }
    long start = System.nanoTime();
    for (Receipt m : messages) {
      postDirect(direct, m);
    }
    double directRate = BACKLOG / ((System.nanoTime() - start) / 1e9);
    report.add(
        String.format(
            Locale.ROOT,
            "### Dispatch throughput: a backlog of %d events, one at a time (the dispatcher's"
                + " concurrency)",
            BACKLOG));
    report.add("");
    report.add("| Path | Events per second |");
    report.add("|---|---|");
    report.add(
        String.format(
            Locale.ROOT,
            "| outbox → integration consumer → Camel route → webhook (commit to last receipt) | %.0f |",
            outboxRate));
    report.add(
        String.format(
            Locale.ROOT,
            "| the same signed messages posted directly with java.net.http.HttpClient | %.0f |",
            directRate));
    report.add("");
    report.add(
        String.format(
            Locale.ROOT,
            "Outbox dispatch / direct posting: %.0f%%",
            100 * outboxRate / directRate));
    report.add("");
  }

  private void postDirect(URI uri, Receipt m) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(m.body()));
    m.headers().forEach(b::header);
    HttpResponse<Void> r = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("the receiver answered " + r.statusCode());
    }
  }

  /** Request, first history entry and outbox event, as the application writes them. */
  private static UUID insertLikeTheApplication(
      Connection c, UUID city, UUID category, String payload) throws Exception {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    String tenant = city.toString();
    update(
        c,
        "insert into service_request (tenant_id, id, category_id, description, latitude,"
            + " longitude, status, created_at, channel, updated_at, last_seq, version,"
            + " expected_at) values (?::uuid, ?, ?, ?, 51.0447, -114.0719,"
            + " 'RECEIVED', ?, 'OPEN311', ?, 1, 1, ?)",
        tenant,
        id,
        category,
        "Benchmark report",
        now,
        now,
        now);
    update(
        c,
        "insert into service_request_event (tenant_id, id, request_id, seq, at, status,"
            + " actor) values (?::uuid, ?, ?, 1, ?, 'RECEIVED', 'benchmark')",
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
    return id;
  }

  private static void update(Connection c, String sql, Object... values) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }

  // ---------------------------------------------------------------- (c) 1,000 cities × 3

  private void thousandCities(TestCity first, Receiver receiver, List<UUID> made) throws Exception {
    long main = LiveHeap.mainPayara();
    Start one = startSecondInstance("one-city");

    // 999 more cities, each with 3 categories in its own SQL transaction, then its 3 departments
    // and their webhooks through the administrators' API, as a city administrator makes them
    long seeding = System.nanoTime();
    List<TestCity> cities = new ArrayList<>(List.of(first));
    Map<UUID, Map<String, UUID>> categoriesOf = new HashMap<>();
    try (Connection c = Db.asOwner()) {
      c.setAutoCommit(false);
      for (int i = 1; i < CITIES; i++) {
        String slug = "dispatch-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
        TestCity city = new TestCity(UUID.randomUUID(), slug, slug + ".example.org");
        update(
            c,
            "insert into tenant (id, slug, jurisdiction_id, display_name, time_zone, locales,"
                + " status, created_at) values (?, ?, ?, ?, 'America/Edmonton', 'en', 'ACTIVE',"
                + " now())",
            city.id(),
            city.slug(),
            city.jurisdictionId(),
            "Benchmark city " + i);
        Db.bind(c, city);
        Map<String, UUID> categories = new HashMap<>();
        for (String[] d : DEPARTMENTS) {
          UUID id = UUID.randomUUID();
          update(
              c,
              "insert into service_category (tenant_id, id, code, name, groups, keywords, active)"
                  + " values (?, ?, ?, ?, 'Benchmark', 'benchmark', true)",
              city.id(),
              id,
              d[2],
              d[1] + " issue");
          categories.put(d[2], id);
        }
        c.commit();
        made.add(city.id());
        cities.add(city);
        categoriesOf.put(city.id(), categories);
      }
    }
    ExecutorService admins = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (TestCity city : cities.subList(1, cities.size())) {
      done.add(
          admins.submit(
              () -> {
                configure(city, receiver, "/c");
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    admins.shutdown();
    double seeded = (System.nanoTime() - seeding) / 1e9;
    System.out.printf(Locale.ROOT, "Seeded %d more cities in %.0f s%n", CITIES - 1, seeded);

    Start thousand = startSecondInstance("thousand-cities");

    // every department of every city gets one event: a route instance each, on the main instance
    LiveHeap.Reading before = LiveHeap.of(main);
    categoriesOf.put(first.id(), categoriesOf(first));
    double firstRound = oneEventPerDepartment(cities, categoriesOf, receiver);
    LiveHeap.Reading after = LiveHeap.of(main);
    double secondRound = oneEventPerDepartment(cities, categoriesOf, receiver);
    LiveHeap.Reading again = LiveHeap.of(main);

    report.add(
        String.format(
            Locale.ROOT,
            "### %d cities × %d departments with webhooks (seeded in %.0f s)",
            CITIES,
            DEPARTMENTS.length,
            seeded));
    report.add("");
    report.add(
        "| A second Payara Micro on the same database, with | Ready after s | Payara's \"ready in\""
            + " s | CamelContext start ms | Live heap MB (of it Camel's classes) |");
    report.add("|---|---|---|---|---|");
    report.add(one.row("1 city × 3 departments configured (and the demo cities)"));
    report.add(thousand.row(CITIES + " cities × 3 departments configured"));
    report.add("");
    int routes = CITIES * DEPARTMENTS.length;
    report.add(
        "| The running instance | Events per second | Live heap MB | of it Camel's classes MB |");
    report.add("|---|---|---|---|");
    report.add(
        String.format(
            Locale.ROOT,
            "| before: 3 routes | | %.1f | %.1f |",
            before.megabytes(),
            before.camelMegabytes()));
    report.add(
        String.format(
            Locale.ROOT,
            "| one event to each of the %d departments (each makes its route) | %.0f | %.1f | %.1f |",
            routes,
            firstRound,
            after.megabytes(),
            after.camelMegabytes()));
    report.add(
        String.format(
            Locale.ROOT,
            "| again, one event each (the %d routes exist) | %.0f | %.1f | %.1f |",
            routes,
            secondRound,
            again.megabytes(),
            again.camelMegabytes()));
    report.add("");
    report.add(
        String.format(
            Locale.ROOT,
            "Heap per route instance: %.1f KB (all live objects), %.1f KB of Camel's classes."
                + " First events / later events: %.0f%%. CamelContext start with %d cities /"
                + " with 1: %.0f%%; readiness: %.0f%%.",
            (after.bytes() - before.bytes()) / 1024.0 / (routes - DEPARTMENTS.length),
            (after.camelBytes() - before.camelBytes()) / 1024.0 / (routes - DEPARTMENTS.length),
            100 * firstRound / secondRound,
            CITIES,
            100.0 * thousand.camelMillis() / Math.max(1, one.camelMillis()),
            100 * thousand.readySeconds() / one.readySeconds()));
    report.add("");
  }

  private static Map<String, UUID> categoriesOf(TestCity city) throws Exception {
    Map<String, UUID> out = new HashMap<>();
    for (String[] d : DEPARTMENTS) {
      out.put(
          d[2],
          UUID.fromString(
              Db.sql(city, "select id::text from service_category where code = ?", d[2])));
    }
    return out;
  }

  /** One event per department of {@code cities}, committed at once; returns events per second. */
  private double oneEventPerDepartment(
      List<TestCity> cities, Map<UUID, Map<String, UUID>> categoriesOf, Receiver receiver)
      throws Exception {
    String payload = "{\"status\":\"RECEIVED\",\"at\":\"" + Instant.now() + "\"}";
    List<String> ids = new ArrayList<>();
    long committed;
    try (Connection c = Db.asApp()) {
      c.setAutoCommit(false);
      for (TestCity city : cities) {
        Db.bind(c, city);
        for (String[] d : DEPARTMENTS) {
          ids.add(
              insertLikeTheApplication(c, city.id(), categoriesOf.get(city.id()).get(d[2]), payload)
                  .toString());
        }
      }
      committed = System.nanoTime();
      c.commit();
    }
    awaitUntil(
        "one event per department at the receiver",
        Duration.ofMinutes(20),
        () -> ids.stream().allMatch(id -> receiver.byKey.containsKey(id + ":1")));
    long last = ids.stream().mapToLong(id -> receiver.byKey.get(id + ":1").nanos()).max().orElse(0);
    return ids.size() / ((last - committed) / 1e9);
  }

  /** What a second instance's start-up took. */
  record Start(double readySeconds, double payaraSeconds, long camelMillis, LiveHeap.Reading heap) {
    String row(String what) {
      return String.format(
          Locale.ROOT,
          "| %s | %.1f | %.1f | %d | %.1f (%.1f) |",
          what,
          readySeconds,
          payaraSeconds,
          camelMillis,
          heap.megabytes(),
          heap.camelMegabytes());
    }
  }

  /**
   * Starts a second Payara Micro on the spare ports against the same database, waits for {@code
   * /health/ready}, reads its log and its live heap, and stops it.
   */
  private static Start startSecondInstance(String name) throws Exception {
    Path work =
        Path.of(System.getProperty("civic311.it.work", "target/it")).resolve("benchmark-" + name);
    Folders.deleteRecursively(work);
    Map<String, String> env = new HashMap<>();
    System.getenv()
        .forEach(
            (k, v) -> {
              if (k.startsWith("CIVIC311_")) {
                env.put(k, v);
              }
            });
    long start = System.nanoTime();
    try (PayaraMicroProcess second =
        PayaraMicroProcess.start(
            Path.of(System.getProperty("civic311.it.payara")),
            Path.of(System.getProperty("civic311.it.war")),
            Integer.getInteger("civic311.it.spare.http.port"),
            Integer.getInteger("civic311.it.spare.https.port"),
            work,
            env)) {
      second.awaitStatus("health/ready", 200, Duration.ofMinutes(5), seconds -> {});
      double ready = (System.nanoTime() - start) / 1e9;
      String log = Files.readString(second.log());
      LiveHeap.Reading heap = LiveHeap.of(second.pid());
      Matcher camel = Pattern.compile("Camel \\S+ started in (\\d+) ms").matcher(log);
      Matcher payara = Pattern.compile("ready in ([\\d,.]+) \\(ms\\)").matcher(log);
      long camelMillis = camel.find() ? Long.parseLong(camel.group(1)) : -1;
      double payaraSeconds =
          payara.find() ? Long.parseLong(payara.group(1).replaceAll("[,.]", "")) / 1000.0 : -1;
      System.out.printf(
          Locale.ROOT,
          "Second instance (%s): ready after %.1f s, Camel started in %d ms, live heap %.1f MB%n",
          name,
          ready,
          camelMillis,
          heap.megabytes());
      return new Start(ready, payaraSeconds, camelMillis, heap);
    }
  }

  /** The city's departments, each routed one category, each with a webhook to the receiver. */
  private void configure(TestCity city, Receiver receiver, String prefix) throws Exception {
    String token =
        Identity.sign(
            Identity.claimsOf(
                    city.slug() + "-city-admin", List.of("city-admin"), List.of(city.slug()))
                .build());
    for (String[] d : DEPARTMENTS) {
      put(
          token,
          "api/v1/cities/" + city.slug() + "/admin/departments/" + d[0],
          "{\"name\":\"" + d[1] + "\",\"categories\":[\"" + d[2] + "\"]}");
      put(
          token,
          "api/v1/cities/" + city.slug() + "/admin/departments/" + d[0] + "/integration",
          "{\"url\":\""
              + receiver.url(prefix + "/" + city.slug() + "/" + d[0])
              + "\",\"signing_secret\":\"secret-"
              + UUID.randomUUID()
              + "\"}");
    }
  }

  private void put(String token, String path, String json) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base().resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  // ---------------------------------------------------------------- helpers

  private static void awaitUntil(String what, Duration atMost, BooleanSupplier condition) {
    org.awaitility.Awaitility.await(what)
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(100))
        .until(condition::getAsBoolean);
  }

  private static String row(String name, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    java.util.Collections.sort(sorted);
    int n = sorted.size();
    return String.format(
        Locale.ROOT,
        "| %s | %.1f | %.1f | %.1f | %.1f |",
        name,
        sorted.get(0) / 1e6,
        sorted.get(n / 2) / 1e6,
        sorted.get(Math.min(n - 1, (int) (n * 0.99))) / 1e6,
        sorted.get(n - 1) / 1e6);
  }
}
