package org.civic311.integrations.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.civic311.integrations.config.DepartmentConnection;
import org.civic311.integrations.config.IntegrationSettings;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.catalogue.application.CategorySummary;
import org.civic311.platform.request.application.RequestIntakeService;
import org.civic311.platform.request.application.RequestLifecycleService;
import org.civic311.platform.request.application.RequestNotFoundException;
import org.civic311.platform.request.application.RequestSummary;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.shared.application.DatabaseUnavailableException;
import org.civic311.platform.shared.application.TenantTransactional;

/**
 * Applies status updates from a department's system to the current city's requests, through the
 * same lifecycle as staff's changes (so history, the outbox and residents' mail follow). An update
 * id is remembered in the transaction of the change it made: applied and remembered, or neither. A
 * department changes only requests routed to it.
 */
@ApplicationScoped
public class StatusUpdates {
  @Inject IntegrationSettings settings;
  @Inject RequestIntakeService requests;
  @Inject RequestLifecycleService lifecycle;
  @Inject CatalogueService catalogue;
  @Inject EntityManager em;

  /** What became of an update. */
  public record Outcome(boolean applied, RequestSummary request) {}

  /** Thrown when an update id already changed another request or to another status. */
  public static class UpdateIdReused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UpdateIdReused(String updateId) {
      super(
          "update_id '" + updateId + "' was already used for another update of this department.",
          null,
          false,
          false);
    }
  }

  /** The department's enabled integration, whose secret signs what it sends; empty if none. */
  @TenantTransactional
  public Optional<DepartmentConnection> connection(String department) {
    return settings.connection(department).filter(DepartmentConnection::enabled);
  }

  /**
   * @throws RequestNotFoundException when the city has no such request, or it is not routed to
   *     {@code department}
   * @throws IllegalArgumentException naming the field, when the lifecycle refuses the change
   * @throws UpdateIdReused when the id was used for a different update
   */
  @TenantTransactional
  public Outcome apply(String department, StatusUpdate update) {
    RequestSummary request =
        requests
            .find(update.serviceRequestId())
            .filter(r -> routedTo(r, department))
            .orElseThrow(() -> new RequestNotFoundException(update.serviceRequestId()));
    Optional<String[]> seen = seen(department, update.updateId());
    if (seen.isPresent()) {
      boolean same =
          seen.get()[0].equals(request.id())
              && Objects.equals(
                  seen.get()[1], update.status().strip().toLowerCase(java.util.Locale.ROOT));
      if (!same) {
        throw new UpdateIdReused(update.updateId());
      }
      return new Outcome(false, request);
    }
    RequestSummary changed =
        lifecycle.changeStatus(
            request.id(), update.status(), "integration:" + department, update.publicNote(), null);
    remember(department, update, changed);
    return new Outcome(true, changed);
  }

  private boolean routedTo(RequestSummary request, String department) {
    return request.categoryCode() != null
        && catalogue
            .byCode(request.categoryCode())
            .map(CategorySummary::departmentCode)
            .filter(department::equals)
            .isPresent();
  }

  /** The request id and status an update id was applied with, if it was. */
  private Optional<String[]> seen(String department, String updateId) {
    try (PreparedStatement s =
        em.unwrap(Connection.class)
            .prepareStatement(
                "select request_id, status from integration_inbound_update"
                    + " where tenant_id = ? and department = ? and update_id = ?")) {
      s.setObject(1, CurrentTenant.require().value());
      s.setString(2, department);
      s.setString(3, updateId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? Optional.of(new String[] {rs.getString(1), rs.getString(2)})
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("Inbound updates: " + e.getMessage());
    }
  }

  /**
   * Remembers the update. Two deliveries of the same update at once both get here; the second
   * insert waits for the first and then fails on the key, rolling its change back (the edge answers
   * 409 and the department's retry then finds it seen).
   */
  private void remember(String department, StatusUpdate update, RequestSummary changed) {
    try (PreparedStatement s =
        em.unwrap(Connection.class)
            .prepareStatement(
                "insert into integration_inbound_update (tenant_id, department, update_id,"
                    + " request_id, status, received_at) values (?, ?, ?, ?, ?, now())")) {
      s.setObject(1, CurrentTenant.require().value());
      s.setString(2, department);
      s.setString(3, update.updateId());
      s.setObject(4, UUID.fromString(changed.id()));
      s.setString(5, changed.statusName());
      s.executeUpdate();
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        // the edge's conflict mapping finds the SQL state in the causes and answers 409
        throw new IllegalStateException("update_id taken concurrently", e);
      }
      throw new DatabaseUnavailableException("Inbound updates: " + e.getMessage());
    }
  }
}
