package org.civic311.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A real PostgreSQL server in a child JVM ({@link PostgresMain}). Closing this object closes the
 * child's standard input, which stops PostgreSQL cleanly.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  private final Process process;
  private final int port;

  private EmbeddedPostgresServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts PostgreSQL on {@code port} with its data in {@code dataDir} (created if missing, kept if
   * present). {@code durable} turns fsync and synchronous commit on, as the demo's data needs.
   */
  public static EmbeddedPostgresServer start(
      Path dataDir, int port, boolean durable, Consumer<String> log)
      throws IOException, InterruptedException, TimeoutException {
    Files.createDirectories(dataDir.getParent());
    List<String> command = new ArrayList<>();
    if (isRoot()) {
      // initdb refuses root: run as an unprivileged user that owns what root owns outside.
      command.addAll(List.of("unshare", "--map-user=1000", "--map-group=1000"));
    }
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx128m",
            "-cp",
            classPath(),
            PostgresMain.class.getName(),
            dataDir.toAbsolutePath().toString(),
            Integer.toString(port),
            Boolean.toString(durable)));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<Integer> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.startsWith("POSTGRES READY ")) {
                    ready.complete(Integer.parseInt(line.substring(15).strip()));
                  } else {
                    log.accept(line);
                  }
                }
              } catch (IOException ignored) {
                // the child ended
              }
              ready.completeExceptionally(
                  new IOException("PostgreSQL stopped before it was ready; its output is above."));
            },
            "postgres-output");
    reader.setDaemon(true);
    reader.start();
    try {
      int actual = ready.get(180, TimeUnit.SECONDS);
      return new EmbeddedPostgresServer(process, actual);
    } catch (java.util.concurrent.ExecutionException e) {
      process.destroyForcibly();
      throw new IOException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  public int port() {
    return port;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** The test class path: Surefire and Failsafe publish it; elsewhere the JVM's own. */
  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }
}
