package org.civic311.platform.request.api.open311;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.civic311.platform.request.application.RequestIntakeService;
import org.civic311.platform.request.application.RequestSummary;
import org.civic311.platform.request.application.SubmitServiceRequest;
import org.civic311.platform.shared.application.TenantTransactional;
import org.civic311.platform.tenancy.application.ApiKeys;

/**
 * An Open311 report and the check of its {@code api_key} in one transaction of the current city:
 * the key is read, then the request written, and both commit together. A report is the most
 * frequent write of the API, and a transaction of its own for the key cost a connection, a city
 * binding and a commit each time (see docs/performance.md).
 */
@ApplicationScoped
class KeyedIntake {
  @Inject ApiKeys apiKeys;
  @Inject RequestIntakeService intake;

  /** The new request, or nothing (and nothing written) when {@code apiKey} is not the city's. */
  @TenantTransactional
  Optional<RequestSummary> submit(String apiKey, SubmitServiceRequest submission) {
    if (!apiKeys.isValid(apiKey)) {
      return Optional.empty();
    }
    return Optional.of(intake.submit(submission));
  }
}
