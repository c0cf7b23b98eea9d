package org.civic311.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Payara Micro running the Civic311 WAR in its own JVM, configured through environment variables as
 * it would be in Kubernetes. Its log goes to a file.
 */
public final class PayaraMicroProcess implements AutoCloseable {
  private final Process process;
  private final URI base;
  private final Path log;

  private PayaraMicroProcess(Process process, URI base, Path log) {
    this.process = process;
    this.base = base;
    this.log = log;
  }

  public static PayaraMicroProcess start(
      Path payaraJar, Path war, int httpPort, Path workDir, Map<String, String> environment)
      throws IOException {
    return start(payaraJar, war, httpPort, httpPort + 1, workDir, environment);
  }

  /** As above, with HTTPS on {@code httpsPort} (reserved by the build, so it cannot collide). */
  public static PayaraMicroProcess start(
      Path payaraJar,
      Path war,
      int httpPort,
      int httpsPort,
      Path workDir,
      Map<String, String> environment)
      throws IOException {
    Path root = workDir.resolve("payara-root");
    Folders.deleteRecursively(root); // a reused root directory boots stale applications
    Files.createDirectories(workDir);
    Path log = workDir.resolve("payara.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-Djava.io.tmpdir=" + Files.createDirectories(workDir.resolve("tmp")),
                "-jar",
                payaraJar.toString(),
                "--nocluster",
                "--port",
                Integer.toString(httpPort),
                "--sslport",
                Integer.toString(httpsPort),
                "--rootdir",
                root.toString(),
                "--deploy",
                war.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    return new PayaraMicroProcess(
        builder.start(), URI.create("http://localhost:" + httpPort + "/"), log);
  }

  public URI base() {
    return base;
  }

  /** The operating system's id of the JVM (for the benchmarks' heap readings). */
  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits until {@code path} answers {@code expected}, calling {@code progress} with the seconds
   * waited so far; fails when the process dies or time runs out.
   */
  public void awaitStatus(String path, int expected, Duration timeout, IntConsumer progress)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant start = Instant.now();
    Instant deadline = start.plus(timeout);
    int lastStatus = -1;
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException("Payara Micro stopped during start-up; see " + log);
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        lastStatus = response.statusCode();
        if (lastStatus == expected) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      progress.accept((int) Duration.between(start, Instant.now()).toSeconds());
      TimeUnit.MILLISECONDS.sleep(500);
    }
    throw new IOException(
        path
            + " did not answer "
            + expected
            + " within "
            + timeout.toSeconds()
            + " s (last: "
            + lastStatus
            + "); see "
            + log);
  }

  @Override
  public void close() {
    Processes.stop(process);
  }
}
