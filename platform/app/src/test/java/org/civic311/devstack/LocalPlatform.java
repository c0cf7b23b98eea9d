package org.civic311.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The README's first command: the whole platform on this machine, on embedded defaults, until
 * Ctrl-C: PostgreSQL, Keycloak (realm {@code civic311} with the demo users) and Civic311 on Payara
 * Micro. PostgreSQL's data lives in {@code .civic311/postgres} (Civic311's and Keycloak's
 * databases; kept between runs; {@code -Ddemo.reset=true} starts afresh); the logs are in {@code
 * .civic311/}.
 */
public final class LocalPlatform {
  private LocalPlatform() {}

  public static void main(String[] args) throws Exception {
    Path data =
        Path.of(System.getProperty("civic311.demo.data", ".civic311")).toAbsolutePath().normalize();
    int httpPort = Integer.getInteger("civic311.demo.http.port", 8080);
    int dbPort = Integer.getInteger("civic311.demo.db.port", 15432);
    int keycloakPort = Integer.getInteger("civic311.demo.keycloak.port", 8180);
    int keycloakManagementPort = Integer.getInteger("civic311.demo.keycloak.management.port", 9180);
    int smtpPort = Integer.getInteger("civic311.demo.smtp.port", 3025);
    int mailPort = Integer.getInteger("civic311.demo.mail.port", 8025);
    int departmentsPort = Integer.getInteger("civic311.demo.departments.port", 8090);
    Path war = Path.of(System.getProperty("civic311.demo.war", "platform/app/target/civic311.war"));
    Path payara =
        Path.of(System.getProperty("civic311.demo.payara", "platform/app/target/payara-micro.jar"));
    Path keycloakHome =
        Path.of(
            System.getProperty(
                "civic311.demo.keycloak", "platform/app/target/keycloak-dist/keycloak-26.7.3"));
    Path realm =
        Path.of(
            System.getProperty(
                "civic311.demo.realm", "platform/app/src/main/keycloak/civic311-realm.json"));

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

    String base = "http://localhost:" + httpPort;
    say(
        "Starting Keycloak on port "
            + keycloakPort
            + (firstStart ? " (first start also imports the realm civic311)" : "")
            + " ...");
    int[] lastBuildReport = {0};
    KeycloakServer keycloak =
        KeycloakServer.start(
            keycloakHome,
            realm,
            base,
            keycloakPort,
            keycloakManagementPort,
            postgres.port(),
            smtpPort,
            data,
            seconds -> {
              if (seconds >= lastBuildReport[0] + 10) {
                lastBuildReport[0] = seconds;
                say("  preparing Keycloak for PostgreSQL, once (" + seconds + " s) ...");
              }
            });

    say(
        "Starting the mail catcher: SMTP on port "
            + smtpPort
            + ", mail at http://localhost:"
            + mailPort
            + "/ ...");
    MailCatcher mail = MailCatcher.start(smtpPort, mailPort);
    say("Starting the stand-in department systems on port " + departmentsPort + " ...");
    StandInDepartments departments =
        StandInDepartments.start(
            departmentsPort,
            base,
            Duration.ofSeconds(30),
            Duration.ofMinutes(2),
            LocalPlatform::say);

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
            Map.ofEntries(
                Map.entry("CIVIC311_DB_URL", postgres.jdbcUrl(DatabaseBootstrap.DATABASE)),
                Map.entry("CIVIC311_DB_USER", DatabaseBootstrap.APP),
                Map.entry("CIVIC311_DB_PASSWORD", DatabaseBootstrap.APP),
                Map.entry("CIVIC311_DB_OWNER_USER", DatabaseBootstrap.OWNER),
                Map.entry("CIVIC311_DB_OWNER_PASSWORD", DatabaseBootstrap.OWNER),
                Map.entry("CIVIC311_DEMO_ENABLED", "true"),
                Map.entry("CIVIC311_IDENTITY_ISSUER", keycloak.issuer()),
                Map.entry("CIVIC311_IDENTITY_JWKS_URL", keycloak.jwksUrl()),
                // demo only: the token a local telephony simulator signs webhook calls with
                Map.entry("CIVIC311_VOICE_AUTH_TOKEN", "demo-voice-auth-token"),
                Map.entry("CIVIC311_NOTIFICATION_SMTP_HOST", "127.0.0.1"),
                Map.entry(
                    "CIVIC311_IDENTITY_PROVISIONING_SECRET", "demo-civic311-provisioning-secret"),
                Map.entry("CIVIC311_NOTIFICATION_SMTP_PORT", String.valueOf(smtpPort)),
                Map.entry("CIVIC311_NOTIFICATION_PUBLIC_URL", base),
                Map.entry("CIVIC311_NOTIFICATION_DIGEST_INTERVAL", "PT1M"),
                // demo only: the key department secrets are encrypted with (never reuse it), and
                // stand-in department systems on this machine
                Map.entry(
                    "CIVIC311_INTEGRATIONS_KEY", "sW22OWGP5EsXLTlYwwhF4BUU3Zze9gbnRLdLrvDWOVM="),
                Map.entry("CIVIC311_INTEGRATIONS_ALLOW_PRIVATE_NETWORKS", "true"),
                // demo only: onboarding may import a catalogue from the demo's own Open311
                Map.entry("CIVIC311_PROVIDER_IMPORT_ALLOW_PRIVATE_NETWORKS", "true")));

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  say("Stopping Civic311, Keycloak and PostgreSQL ...");
                  platform.close();
                  departments.close();
                  mail.close();
                  keycloak.close();
                  postgres.close();
                  say("Stopped. Data kept in " + data);
                  stopped.countDown();
                }));

    int[] lastReported = {0};
    keycloak.awaitReady(
        Duration.ofMinutes(5),
        seconds -> {
          if (seconds >= lastReported[0] + 10) {
            lastReported[0] = seconds;
            say("  Keycloak still starting (" + seconds + " s; log: " + keycloak.log() + ")");
          }
        });
    say("Keycloak is ready.");
    lastReported[0] = 0;
    platform.awaitStatus(
        "health/ready",
        200,
        Duration.ofMinutes(5),
        seconds -> {
          if (seconds >= lastReported[0] + 10) {
            lastReported[0] = seconds;
            say("  Civic311 still starting (" + seconds + " s; log: " + platform.log() + ")");
          }
        });
    List<String> connected =
        departments.connectDemoCities(keycloak.issuer() + "/protocol/openid-connect/token");
    if (!connected.isEmpty()) {
      say("Connected to the stand-in department systems: " + String.join(", ", connected));
    }
    say("");
    say("Civic311 is running.");
    say("  Cities (public API)    " + base + "/api/v1/cities");
    say("  Lethbridge catalogue   " + base + "/api/v1/cities/lethbridge/service-categories");
    say("  Resident portal        " + base + "/c/lethbridge/ and " + base + "/c/calgary/");
    say("  Agent console          " + base + "/c/lethbridge/agent/");
    say("  City administration    " + base + "/c/lethbridge/admin/ (lethbridge-admin)");
    say("  Provider console       " + base + "/provider/ (operator)");
    say("  Health                 " + base + "/health/ready");
    say(
        "  Mail catcher           http://localhost:"
            + mailPort
            + "/ (every message the demo sends)");
    say("  Keycloak               " + keycloak.url() + "/admin/ (admin / admin, demo only)");
    say(
        "  Department systems     http://localhost:"
            + departmentsPort
            + "/<city>/<department> (stand-ins: new requests go in progress after 30 s,"
            + " resolved 2 min later)");
    say("  Demo users             lethbridge-agent, calgary-admin, ... password demo311 (README)");
    say(
        "  PostgreSQL             "
            + postgres.jdbcUrl(DatabaseBootstrap.DATABASE)
            + " (data: "
            + data.resolve("postgres")
            + ")");
    say("  Logs                   " + platform.log() + ", " + keycloak.log());
    say("Press Ctrl-C to stop.");
    stopped.await();
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
