package org.civic311.platform.request.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import org.civic311.platform.catalogue.application.CategorySummary;
import org.civic311.platform.request.domain.Reporter;
import org.civic311.platform.request.domain.RequestChange;
import org.civic311.platform.request.domain.ServiceRequest;
import org.civic311.platform.request.domain.ServiceRequestId;
import org.civic311.platform.request.domain.ServiceRequestRepository;
import org.civic311.platform.request.domain.ServiceRequestStatus;
import org.civic311.platform.shared.application.TenantTransactional;

/**
 * Moves the current city's requests through their lifecycle, for every channel: staff in the
 * consoles, department systems bringing status back, Open311 update clients. Each change is a
 * history entry and an outbox event in the same transaction.
 */
@ApplicationScoped
public class RequestLifecycleService {
  @Inject ServiceRequestRepository requests;
  @Inject RequestIntakeService intake;
  @Inject Clock clock;

  /**
   * @throws RequestNotFoundException when the city has no such request
   * @throws IllegalArgumentException naming the field when the lifecycle refuses the change
   */
  @TenantTransactional
  public RequestSummary changeStatus(
      String id, String status, String actor, String publicNote, String internalNote) {
    ServiceRequest request = load(id);
    ServiceRequestStatus next =
        ServiceRequestStatus.fromWire(status)
            .orElseThrow(
                () -> new IllegalArgumentException("status: '" + status + "' is not a status"));
    return record(request, request.changeStatus(next, actor, publicNote, internalNote, clock));
  }

  /** Marks {@code id} as a duplicate of {@code parentId} (both of the current city). */
  @TenantTransactional
  public RequestSummary markDuplicate(String id, String parentId, String actor, String publicNote) {
    ServiceRequest request = load(id);
    ServiceRequest parent =
        ServiceRequestId.parse(parentId)
            .flatMap(requests::find)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "parent_service_request_id: no such request in this city"));
    return record(request, request.markDuplicateOf(parent, actor, publicNote, clock));
  }

  /**
   * "Me too": a resident with the same problem adds their support to {@code id} instead of opening
   * a duplicate, and follows it by e-mail once they confirm their address. Idempotent per address:
   * the same address again changes nothing and sends nothing, and gets the same answer.
   *
   * @throws IllegalArgumentException when the request is no longer open or the e-mail is invalid
   */
  @TenantTransactional
  public RequestSummary support(String id, String email, String locale, String actor) {
    ServiceRequest request = load(id);
    String address = new Reporter(null, email).email();
    if (address == null) {
      throw new IllegalArgumentException("email: is required to follow the request");
    }
    Map<String, CategorySummary> categories = intake.categoriesById();
    boolean first =
        requests.addSupporter(
            request.id().value(),
            org.civic311.platform.shared.domain.Sha256.hex(
                address.toLowerCase(java.util.Locale.ROOT)),
            java.time.OffsetDateTime.now(clock));
    if (!first && request.status().isOpen()) {
      return RequestIntakeService.summarise(request, categories);
    }
    // A closed request refuses here, and the transaction's rollback takes the row back.
    RequestChange change = request.support(actor, clock);
    RequestSummary summary = RequestIntakeService.summarise(request, categories);
    requests.record(
        change,
        OutboxPayloads.of(
            change,
            summary.categoryCode(),
            new Follower(address, RequestIntakeService.locale(locale), false)));
    return summary;
  }

  private ServiceRequest load(String id) {
    return ServiceRequestId.parse(id)
        .flatMap(requests::find)
        .orElseThrow(() -> new RequestNotFoundException(id));
  }

  private RequestSummary record(ServiceRequest request, RequestChange change) {
    Map<String, CategorySummary> categories = intake.categoriesById();
    RequestSummary summary = RequestIntakeService.summarise(request, categories);
    requests.record(change, OutboxPayloads.of(change, summary.categoryCode()));
    return summary;
  }
}
