package org.civic311.platform.request.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.catalogue.application.CategorySummary;
import org.civic311.platform.request.domain.Location;
import org.civic311.platform.request.domain.ServiceRequest;
import org.civic311.platform.request.domain.ServiceRequestId;
import org.civic311.platform.request.domain.ServiceRequestRepository;
import org.civic311.platform.shared.application.TenantTransactional;

/**
 * Takes in the current city's service requests, from every channel. The Open311 issue adds the
 * lifecycle, history and outbox; every channel keeps calling this one service.
 */
@ApplicationScoped
public class RequestIntakeService {
  public static final int MAX_LIST = 500;

  @Inject ServiceRequestRepository requests;
  @Inject CatalogueService catalogue;
  @Inject Clock clock;

  /**
   * Records a new request in the current city.
   *
   * @throws IllegalArgumentException naming the field that is wrong; nothing is stored then
   */
  @TenantTransactional
  public RequestSummary submit(SubmitServiceRequest submission) {
    CategorySummary category =
        catalogue
            .byCode(submission.categoryCode() == null ? "" : submission.categoryCode())
            .filter(CategorySummary::active)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "service_code: '"
                            + submission.categoryCode()
                            + "' is not in this city's catalogue"));
    Location location =
        Location.of(submission.latitude(), submission.longitude(), submission.address());
    ServiceRequest request =
        ServiceRequest.receive(
            UUID.fromString(category.id()), submission.description(), location, clock);
    requests.add(request);
    return RequestSummary.of(request, category.code(), category.name());
  }

  @TenantTransactional
  public Optional<RequestSummary> find(String id) {
    return ServiceRequestId.parse(id).flatMap(requests::find).map(r -> summarise(r, categories()));
  }

  @TenantTransactional
  public List<RequestSummary> newest(int limit) {
    Map<String, CategorySummary> byId = categories();
    return requests.newest(Math.min(Math.max(limit, 1), MAX_LIST)).stream()
        .map(r -> summarise(r, byId))
        .toList();
  }

  private Map<String, CategorySummary> categories() {
    return catalogue.allCategories().stream()
        .collect(Collectors.toMap(CategorySummary::id, Function.identity()));
  }

  private static RequestSummary summarise(ServiceRequest r, Map<String, CategorySummary> byId) {
    CategorySummary c = byId.get(r.categoryId().toString());
    return RequestSummary.of(r, c == null ? null : c.code(), c == null ? null : c.name());
  }
}
