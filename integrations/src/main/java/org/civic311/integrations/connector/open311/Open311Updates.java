package org.civic311.integrations.connector.open311;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.civic311.integrations.inbound.StatusUpdate;
import org.civic311.integrations.inbound.StatusUpdates;
import org.civic311.platform.request.application.RequestIntakeService;
import org.civic311.platform.request.application.RequestSummary;
import org.civic311.platform.request.domain.ServiceRequestStatus;
import org.civic311.platform.shared.application.TenantTransactional;

/**
 * Applies an update polled from a department's Open311 server to the current city's request it was
 * forwarded as, through the same path as the signed inbound webhook ({@link StatusUpdates}: the
 * lifecycle, history, outbox and residents' mail; idempotent on the update id, prefixed {@code
 * open311:}). An update of a remote request this city did not forward to this department is not
 * this city's and is ignored.
 */
@ApplicationScoped
public class Open311Updates {
  @Inject RemoteRequests remoteRequests;
  @Inject RequestIntakeService requests;
  @Inject StatusUpdates statusUpdates;

  /**
   * @return whether the update changed the request
   * @throws IllegalArgumentException when the lifecycle refuses the change (nothing changed)
   */
  @TenantTransactional
  public boolean apply(String department, RemoteUpdate update) {
    Optional<String> local = remoteRequests.requestId(department, update.serviceRequestId());
    if (local.isEmpty()) {
      return false;
    }
    Optional<RequestSummary> request = requests.find(local.get());
    if (request.isEmpty()) {
      return false;
    }
    ServiceRequestStatus current = request.get().status();
    Optional<ServiceRequestStatus> target = local(update.status(), current);
    String note =
        update.description() == null || update.description().isBlank()
            ? null
            : update.description().strip();
    if (target.isEmpty() || (target.get() == current && note == null)) {
      return false; // nothing this lifecycle can show (an unknown status, or no change)
    }
    return statusUpdates
        .apply(
            department,
            new StatusUpdate(
                "open311:" + update.updateId(), local.get(), target.get().wireName(), note))
        .applied();
  }

  /**
   * This lifecycle's status for a FixMyStreet extended status (or a plain GeoReport {@code
   * open}/{@code closed}), given the request's status now: {@code open} or {@code reopen} reopen a
   * closed request and leave an open one as it is; {@code fixed} is resolved, {@code
   * no_further_action} cancelled; {@code duplicate} closes (the remote's duplicate is not a request
   * here).
   */
  static Optional<ServiceRequestStatus> local(String remote, ServiceRequestStatus current) {
    if (remote == null) {
      return Optional.empty();
    }
    String s = remote.strip().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "open", "reopen", "reopened" ->
          Optional.of(current.isOpen() ? current : ServiceRequestStatus.REOPENED);
      case "fixed", "resolved" -> Optional.of(ServiceRequestStatus.RESOLVED);
      case "closed", "duplicate" -> Optional.of(ServiceRequestStatus.CLOSED);
      case "no_further_action", "cancelled" -> Optional.of(ServiceRequestStatus.CANCELLED);
      case "in_progress", "action_scheduled", "investigating" -> ServiceRequestStatus.fromWire(s);
      default -> Optional.empty();
    };
  }
}
