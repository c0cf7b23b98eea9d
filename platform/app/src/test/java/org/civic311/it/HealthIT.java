package org.civic311.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.Test;

class HealthIT extends PlatformIT {
  @Test
  void livenessIsUp() {
    api().get("health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void readinessReportsTheMigratedSchemaAndTheConnection() {
    api()
        .get("health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body(
            "checks.find { it.name == 'database' }.data.migrations",
            startsWith("schema at version"))
        .body("checks.find { it.name == 'database' }.data.connection", equalTo("ok"));
  }
}
