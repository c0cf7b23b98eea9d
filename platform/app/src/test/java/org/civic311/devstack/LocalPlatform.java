package org.civic311.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The README's first command: the whole platform on this machine, on embedded defaults, until
 * Ctrl-C. PostgreSQL's data lives in {@code .civic311/postgres} (kept between runs; {@code
 * -Ddemo.reset=true} starts afresh), Payara Micro's log in {@code .civic311/payara.log}.
 */
public final class LocalPlatform {
  private LocalPlatform() {}

  public static void main(String[] args) throws Exception {
    Path data =
        Path.of(System.getProperty("civic311.demo.data", ".civic311")).toAbsolutePath().normalize();
    int httpPort = Integer.getInteger("civic311.demo.http.port", 8080);
    int dbPort = Integer.getInteger("civic311.demo.db.port", 15432);
    Path war = Path.of(System.getProperty("civic311.demo.war", "platform/app/target/civic311.war"));
    Path payara =
        Path.of(System.getProperty("civic311.demo.payara", "platform/app/target/payara-micro.jar"));

    if (Boolean.getBoolean("civic311.demo.reset")) {
      say("Resetting: deleting " + data);
      Folders.deleteRecursively(data);
    }
    boolean firstStart = !Files.exists(data.resolve("postgres"));
    say(
        "Starting PostgreSQL on port "
            + dbPort
            + (firstStart ? " (first start: creating " + data.resolve("postgres") + ")" : "")
            + " ...");
    EmbeddedPostgresServer postgres =
        EmbeddedPostgresServer.start(data.resolve("postgres"), dbPort, true, line -> {});
    DatabaseBootstrap.ensure(postgres.port());

    say(
        "Starting Civic311 on Payara Micro, port "
            + httpPort
            + (firstStart ? " (first start also seeds the demo cities)" : "")
            + " ...");
    PayaraMicroProcess platform =
        PayaraMicroProcess.start(
            payara,
            war,
            httpPort,
            data,
            Map.of(
                "CIVIC311_DB_URL", postgres.jdbcUrl(DatabaseBootstrap.DATABASE),
                "CIVIC311_DB_USER", DatabaseBootstrap.APP,
                "CIVIC311_DB_PASSWORD", DatabaseBootstrap.APP,
                "CIVIC311_DB_OWNER_USER", DatabaseBootstrap.OWNER,
                "CIVIC311_DB_OWNER_PASSWORD", DatabaseBootstrap.OWNER,
                "CIVIC311_DEMO_ENABLED", "true"));

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  say("Stopping Civic311 and PostgreSQL ...");
                  platform.close();
                  postgres.close();
                  say("Stopped. Data kept in " + data);
                  stopped.countDown();
                }));

    int[] lastReported = {0};
    platform.awaitStatus(
        "health/ready",
        200,
        Duration.ofMinutes(5),
        seconds -> {
          if (seconds >= lastReported[0] + 10) {
            lastReported[0] = seconds;
            say("  still starting (" + seconds + " s; log: " + platform.log() + ")");
          }
        });
    String base = "http://localhost:" + httpPort;
    say("");
    say("Civic311 is running.");
    say("  Cities (public API)    " + base + "/api/v1/cities");
    say("  Lethbridge catalogue   " + base + "/api/v1/cities/lethbridge/service-categories");
    say("  Calgary requests       " + base + "/api/v1/cities/calgary/service-requests");
    say("  Health                 " + base + "/health/ready");
    say(
        "  PostgreSQL             "
            + postgres.jdbcUrl(DatabaseBootstrap.DATABASE)
            + " (data: "
            + data.resolve("postgres")
            + ")");
    say("  Log                    " + platform.log());
    say("Press Ctrl-C to stop.");
    stopped.await();
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
