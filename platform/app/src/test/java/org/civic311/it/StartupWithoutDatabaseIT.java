package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.civic311.devstack.DatabaseBootstrap;
import org.civic311.devstack.EmbeddedPostgresServer;
import org.civic311.devstack.Folders;
import org.civic311.devstack.PayaraMicroProcess;
import org.junit.jupiter.api.Test;

/**
 * A second Payara Micro, started before its database exists: it deploys, says clearly that it is
 * not ready and why (one log line per retry, no stack traces), refuses city requests with 503, and
 * becomes ready by itself once PostgreSQL appears. Not an Arquillian test: it needs its own Payara
 * with another configuration.
 */
class StartupWithoutDatabaseIT {

  @Test
  void startsWithoutItsDatabaseReportsWhyAndRecoversWhenItAppears() throws Exception {
    int dbPort = Integer.getInteger("civic311.it.spare.port");
    int httpPort = Integer.getInteger("civic311.it.spare.http.port");
    Path work = Path.of(System.getProperty("civic311.it.work", "target/it")).resolve("no-database");
    Folders.deleteRecursively(work);
    Map<String, String> env =
        Map.of(
            "CIVIC311_DB_URL",
                "jdbc:postgresql://localhost:" + dbPort + "/" + DatabaseBootstrap.DATABASE,
            "CIVIC311_DB_USER", DatabaseBootstrap.APP,
            "CIVIC311_DB_PASSWORD", DatabaseBootstrap.APP,
            "CIVIC311_DB_OWNER_USER", DatabaseBootstrap.OWNER,
            "CIVIC311_DB_OWNER_PASSWORD", DatabaseBootstrap.OWNER,
            "CIVIC311_DEMO_ENABLED", "true");
    Path payara = Path.of(System.getProperty("civic311.it.payara"));
    Path war = Path.of(System.getProperty("civic311.it.war"));
    try (PayaraMicroProcess platform =
        PayaraMicroProcess.start(
            payara, war, httpPort, Integer.getInteger("civic311.it.spare.https.port"), work, env)) {
      platform.awaitStatus("health/live", 200, Duration.ofMinutes(3), seconds -> {});
      RequestSpecification api = RestAssured.given().baseUri(platform.base().toString());

      api.get("health/ready")
          .then()
          .statusCode(503)
          .body("status", equalTo("DOWN"))
          .body(
              "checks.find { it.name == 'database' }.data.migrations",
              containsString("is not reachable"))
          .body(
              "checks.find { it.name == 'database' }.data.migrations",
              containsString("CIVIC311_DB_URL"));
      api.get("api/v1/cities/lethbridge/service-categories")
          .then()
          .statusCode(503)
          .contentType("application/problem+json");

      try (EmbeddedPostgresServer late =
          EmbeddedPostgresServer.start(work.resolve("postgres"), dbPort, false, line -> {})) {
        DatabaseBootstrap.ensure(dbPort);
        platform.awaitStatus("health/ready", 200, Duration.ofMinutes(2), seconds -> {});
        api.get("api/v1/cities").then().statusCode(200).body("slug", hasItem("lethbridge"));
      }

      String log = Files.readString(platform.log());
      assertThat(log).contains("is not reachable");
      assertThat(log).as("no stack trace from the retry loop").doesNotContain("\tat org.flywaydb");
    }
  }
}
