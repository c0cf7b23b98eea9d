package org.civic311.integrations.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.shared.application.DatabaseUnavailableException;
import org.civic311.platform.shared.application.TenantTransactional;

/**
 * Records, per department of the current city, how its last deliveries went ({@code
 * integration_health}): one upsert per attempt, on the tenant transaction's own connection.
 */
@ApplicationScoped
public class IntegrationHealthLog {
  @Inject EntityManager em;

  @TenantTransactional
  public void delivered(String department) {
    upsert(
        "insert into integration_health (tenant_id, department, last_success_at,"
            + " consecutive_failures, delivered) values (?, ?, now(), 0, 1)"
            + " on conflict (tenant_id, department) do update set last_success_at = now(),"
            + " consecutive_failures = 0, delivered = integration_health.delivered + 1",
        department,
        null);
  }

  /**
   * The department's system refused a delivery for good (a 4xx): a failure, but the system is up,
   * so its failures in a row (the circuit breaker's count) start again from 0.
   */
  @TenantTransactional
  public void refused(String department, String reason) {
    upsert(
        "insert into integration_health (tenant_id, department, last_failure_at, last_error,"
            + " consecutive_failures, failed) values (?, ?, now(), ?, 0, 1)"
            + " on conflict (tenant_id, department) do update set last_failure_at = now(),"
            + " last_error = excluded.last_error, consecutive_failures = 0,"
            + " failed = integration_health.failed + 1",
        department,
        reason);
  }

  @TenantTransactional
  public void failed(String department, String reason) {
    upsert(
        "insert into integration_health (tenant_id, department, last_failure_at, last_error,"
            + " consecutive_failures, failed) values (?, ?, now(), ?, 1, 1)"
            + " on conflict (tenant_id, department) do update set last_failure_at = now(),"
            + " last_error = excluded.last_error,"
            + " consecutive_failures = integration_health.consecutive_failures + 1,"
            + " failed = integration_health.failed + 1",
        department,
        reason);
  }

  /**
   * Closes the department's circuit breaker at once (its failures in a row back to 0), for an
   * administrator who knows the system is back.
   *
   * @return false when the department has no health record (nothing was ever sent)
   */
  @TenantTransactional
  public boolean resume(String department) {
    try (PreparedStatement s =
        em.unwrap(Connection.class)
            .prepareStatement(
                "update integration_health set consecutive_failures = 0 where department = ?")) {
      s.setString(1, department);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("Integration health: " + e.getMessage());
    }
  }

  private void upsert(String sql, String department, String reason) {
    try (PreparedStatement s = em.unwrap(Connection.class).prepareStatement(sql)) {
      s.setObject(1, CurrentTenant.require().value());
      s.setString(2, department);
      if (reason != null) {
        s.setString(3, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("Integration health: " + e.getMessage());
    }
  }
}
