package org.civic311.integrations.connector.open311;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.shared.application.DatabaseUnavailableException;
import org.civic311.platform.shared.application.TenantTransactional;

/**
 * Which remote request each forwarded request of the current city became, per department ({@code
 * integration_remote_request}, under row-level security): a polled update reaches a request only
 * through here, so only one this city forwarded to that department's server.
 */
@ApplicationScoped
public class RemoteRequests {
  @Inject EntityManager em;

  /** The remote id {@code requestId} was forwarded as, if it was. */
  @TenantTransactional
  public Optional<String> remoteId(String department, String requestId) {
    return one(
        "select remote_id from integration_remote_request where tenant_id = ? and department = ?"
            + " and request_id = ?",
        department,
        UUID.fromString(requestId));
  }

  /** This city's request that became {@code remoteId} at the department's server, if any. */
  @TenantTransactional
  public Optional<String> requestId(String department, String remoteId) {
    return one(
        "select request_id::text from integration_remote_request where tenant_id = ?"
            + " and department = ? and remote_id = ?",
        department,
        remoteId);
  }

  /** Remembers the remote id (a second forward of the same request keeps the first id). */
  @TenantTransactional
  public void remember(String department, String requestId, String remoteId) {
    try (PreparedStatement s =
        em.unwrap(Connection.class)
            .prepareStatement(
                "insert into integration_remote_request (tenant_id, department, request_id,"
                    + " remote_id, forwarded_at) values (?, ?, ?, ?, now())"
                    + " on conflict do nothing")) {
      s.setObject(1, CurrentTenant.require().value());
      s.setString(2, department);
      s.setObject(3, UUID.fromString(requestId));
      s.setString(4, remoteId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("Remote requests: " + e.getMessage());
    }
  }

  private Optional<String> one(String sql, String department, Object key) {
    try (PreparedStatement s = em.unwrap(Connection.class).prepareStatement(sql)) {
      s.setObject(1, CurrentTenant.require().value());
      s.setString(2, department);
      s.setObject(3, key);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("Remote requests: " + e.getMessage());
    }
  }
}
