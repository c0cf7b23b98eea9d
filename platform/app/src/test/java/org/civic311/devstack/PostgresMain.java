package org.civic311.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs a real PostgreSQL (zonky's binaries from Maven Central) in this JVM's child processes until
 * standard input closes: {@code PostgresMain <dataDir> <port> <durable>}. Started by {@link
 * EmbeddedPostgresServer}, inside an unprivileged user namespace when the caller is root, because
 * initdb refuses to run as root.
 */
public final class PostgresMain {
  private PostgresMain() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    boolean durable = Boolean.parseBoolean(args[2]);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setServerConfig("listen_addresses", "localhost")
            .setServerConfig("max_connections", "200")
            .setServerConfig("fsync", durable ? "on" : "off")
            .setServerConfig("synchronous_commit", durable ? "on" : "off")
            .setServerConfig("full_page_writes", durable ? "on" : "off");
    try (EmbeddedPostgres postgres = builder.start()) {
      System.out.println("POSTGRES READY " + postgres.getPort());
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      while (in.readLine() != null) {
        // wait for the parent to close our standard input
      }
    }
    System.exit(0);
  }
}
