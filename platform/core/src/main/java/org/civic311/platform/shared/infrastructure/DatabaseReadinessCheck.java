package org.civic311.platform.shared.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the migrations ran and the application role's pool answers. The response says
 * what is missing, so an operator reading {@code /health/ready} knows what to fix.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {
  private static final int VALIDATION_SECONDS = 2;

  @Inject SchemaMigrator migrator;
  @Inject Database database;

  @Resource(lookup = Database.DATASOURCE)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    var response =
        HealthCheckResponse.named("database")
            .withData("url", database.displayUrl())
            .withData("migrations", migrator.detail());
    if (migrator.state() != SchemaMigrator.State.MIGRATED) {
      return response.down().build();
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(VALIDATION_SECONDS);
      return response.status(valid).withData("connection", valid ? "ok" : "invalid").build();
    } catch (SQLException e) {
      return response.down().withData("connection", String.valueOf(e.getMessage())).build();
    }
  }
}
