package org.civic311.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * A real Keycloak (its distribution from Maven Central, unpacked by the build) in its own process,
 * keeping its data in its own database of the local PostgreSQL, and importing the committed realm
 * {@code civic311} at start (an existing realm is kept as it is). Its log goes to a file.
 *
 * <p>The distribution is built once for PostgreSQL ({@code kc.sh build}, about 20 s) and then
 * started with {@code --optimized} (about 10 s). Ports, cache and host name are always explicit so
 * that two instances on one machine never cluster or collide.
 */
public final class KeycloakServer implements AutoCloseable {
  /** Demo-only: the bootstrap administrator of Keycloak's master realm (admin console). */
  public static final String ADMIN_USER = "admin";

  public static final String ADMIN_PASSWORD = "admin";
  public static final String REALM = "civic311";
  public static final String DATABASE = "keycloak";

  private static final String BUILD_OPTIONS = "--db=postgres --health-enabled=true";
  private static final String TEMPLATE_APP_URL = "http://localhost:8080";

  /** The realm's SMTP port as committed (the local demo's mail catcher); replaced at start. */
  private static final String TEMPLATE_SMTP_PORT = "\"port\": \"3025\"";

  private final Process process;
  private final int port;
  private final int managementPort;
  private final Path log;

  private KeycloakServer(Process process, int port, int managementPort, Path log) {
    this.process = process;
    this.port = port;
    this.managementPort = managementPort;
    this.log = log;
  }

  /** {@link #start(Path, Path, String, int, int, int, int, Path, IntConsumer)} on SMTP 3025. */
  public static KeycloakServer start(
      Path home,
      Path realmJson,
      String appUrl,
      int port,
      int managementPort,
      int postgresPort,
      Path workDir,
      IntConsumer buildProgress)
      throws IOException, InterruptedException {
    return start(
        home, realmJson, appUrl, port, managementPort, postgresPort, 3025, workDir, buildProgress);
  }

  /**
   * Builds the distribution in {@code home} when needed, writes the realm (its pages' address
   * replaced by {@code appUrl}, its mail sent to {@code smtpPort} on localhost) where Keycloak
   * imports from, and starts the server.
   */
  public static KeycloakServer start(
      Path home,
      Path realmJson,
      String appUrl,
      int port,
      int managementPort,
      int postgresPort,
      int smtpPort,
      Path workDir,
      IntConsumer buildProgress)
      throws IOException, InterruptedException {
    if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
      throw new IOException(
          "No Keycloak distribution in "
              + home
              + ". Run the build first (./mvnw package), which unpacks it from Maven Central.");
    }
    Files.createDirectories(workDir);
    ensureBuilt(home, workDir, buildProgress);

    Path imports = Files.createDirectories(home.resolve("data/import"));
    String realm = Files.readString(realmJson, StandardCharsets.UTF_8);
    Files.writeString(
        imports.resolve(REALM + "-realm.json"),
        realm
            .replace(TEMPLATE_APP_URL, appUrl)
            .replace(TEMPLATE_SMTP_PORT, "\"port\": \"" + smtpPort + "\""),
        StandardCharsets.UTF_8);

    Path log = workDir.resolve("keycloak.log");
    List<String> command =
        List.of(
            home.resolve("bin/kc.sh").toString(),
            "start",
            "--optimized",
            "--http-enabled=true",
            "--http-port=" + port,
            "--http-management-port=" + managementPort,
            "--hostname=http://localhost:" + port,
            "--cache=local",
            "--db-url=jdbc:postgresql://localhost:" + postgresPort + "/" + DATABASE,
            "--db-username=" + DATABASE,
            "--db-password=" + DATABASE,
            "--import-realm");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    return new KeycloakServer(builder.start(), port, managementPort, log);
  }

  /** {@code kc.sh build} once per distribution and option set; a marker file records it. */
  private static void ensureBuilt(Path home, Path workDir, IntConsumer progress)
      throws IOException, InterruptedException {
    Path marker = home.resolve("lib/quarkus/civic311-build-options.txt");
    if (Files.exists(marker) && Files.readString(marker).equals(BUILD_OPTIONS)) {
      return;
    }
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/kc.sh").toString());
    command.add("build");
    command.addAll(List.of(BUILD_OPTIONS.split(" ")));
    Path buildLog = workDir.resolve("keycloak-build.log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(buildLog.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process build = builder.start();
    Instant start = Instant.now();
    while (!build.waitFor(1, TimeUnit.SECONDS)) {
      progress.accept((int) Duration.between(start, Instant.now()).toSeconds());
    }
    if (build.exitValue() != 0) {
      throw new IOException("kc.sh build failed (exit " + build.exitValue() + "); see " + buildLog);
    }
    Files.writeString(marker, BUILD_OPTIONS);
  }

  /** Waits until the management interface reports ready, calling {@code progress} with seconds. */
  public void awaitReady(Duration timeout, IntConsumer progress)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI ready = URI.create("http://localhost:" + managementPort + "/health/ready");
    Instant start = Instant.now();
    Instant deadline = start.plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        String output = Files.exists(log) ? Files.readString(log) : "";
        throw new IOException(
            output.contains("Address already in use")
                ? "Keycloak could not listen: port "
                    + port
                    + " or "
                    + managementPort
                    + " is in use. Stop what uses it (another demo or Keycloak?) and try again."
                : "Keycloak stopped during start-up; see " + log);
      }
      try {
        if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      progress.accept((int) Duration.between(start, Instant.now()).toSeconds());
      TimeUnit.MILLISECONDS.sleep(500);
    }
    throw new IOException(
        "Keycloak was not ready within " + timeout.toSeconds() + " s; see " + log);
  }

  /** The address browsers and tokens use, e.g. {@code http://localhost:8180}. */
  public String url() {
    return "http://localhost:" + port;
  }

  /** The issuer of the realm's tokens. */
  public String issuer() {
    return url() + "/realms/" + REALM;
  }

  /** Where the realm publishes its signing keys. */
  public String jwksUrl() {
    return issuer() + "/protocol/openid-connect/certs";
  }

  public Path log() {
    return log;
  }

  @Override
  public void close() {
    Processes.stop(process);
  }
}
