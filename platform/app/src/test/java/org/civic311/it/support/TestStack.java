package org.civic311.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Logger;
import org.civic311.devstack.DatabaseBootstrap;
import org.civic311.devstack.EmbeddedPostgresServer;
import org.civic311.devstack.KeycloakServer;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the real servers the integration tests need once per test run, before any test class (and
 * so before Arquillian starts Payara Micro): a PostgreSQL on the port Failsafe reserved,
 * bootstrapped as a DBA would. Payara reads the same port from the environment Failsafe sets. Does
 * nothing in the unit-test run, where {@code civic311.it.db.port} is not set.
 */
public class TestStack implements LauncherSessionListener {
  private static final Logger LOG = Logger.getLogger(TestStack.class.getName());
  private EmbeddedPostgresServer postgres;
  private KeycloakServer keycloak;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    Integer port = Integer.getInteger("civic311.it.db.port");
    if (port == null || postgres != null) {
      return;
    }
    try {
      Path work = Path.of(System.getProperty("civic311.it.work", "target/it"));
      Path data = work.resolve("postgres");
      org.civic311.devstack.Folders.deleteRecursively(data);
      Files.createDirectories(work.resolve("tmp"));
      postgres = EmbeddedPostgresServer.start(data, port, false, LOG::fine);
      DatabaseBootstrap.ensure(port);
      LOG.info("Test PostgreSQL on port " + port);
      keycloak =
          KeycloakServer.start(
              Path.of(System.getProperty("civic311.it.keycloak")),
              Path.of(System.getProperty("civic311.it.realm")),
              "http://localhost:" + Integer.getInteger("civic311.it.http.port"),
              Integer.getInteger("civic311.it.kc.port"),
              Integer.getInteger("civic311.it.kc.management.port"),
              port,
              Integer.getInteger("civic311.it.smtp.port"),
              work,
              seconds -> {});
      keycloak.awaitReady(Duration.ofMinutes(4), seconds -> {});
      Identity.started(keycloak);
      LOG.info("Test Keycloak on " + keycloak.url());
      Mail.start(Integer.getInteger("civic311.it.smtp.port"));
    } catch (Exception e) {
      throw new IllegalStateException(
          "The test PostgreSQL or Keycloak did not start: " + e.getMessage(), e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    Mail.stop();
    if (keycloak != null) {
      keycloak.close();
      keycloak = null;
    }
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }

  /** JDBC URL of the test database. */
  public static String jdbcUrl() {
    return "jdbc:postgresql://localhost:"
        + Integer.getInteger("civic311.it.db.port")
        + "/"
        + DatabaseBootstrap.DATABASE;
  }
}
