package org.civic311.admin.provider.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.OperatorAudit;
import org.civic311.platform.tenancy.application.PhoneDirectory;
import org.civic311.platform.tenancy.application.TenantRegistry;

/**
 * The operator's actions on a running city, each audited in the same transaction as the change (an
 * action that fails leaves no entry, an entry always means the action happened).
 */
@ApplicationScoped
public class CityOperations {
  @Inject TenantRegistry registry;
  @Inject PhoneDirectory phones;
  @Inject OperatorAudit audit;

  /** Suspends the city; empty when there is none. */
  @Transactional
  public Optional<CityProfile> suspend(CityProfile city, String reason, String operator) {
    Optional<CityProfile> done = registry.suspend(city.id());
    done.ifPresent(
        c -> audit.record(operator, "city.suspend", city.id(), Map.of("reason", reason)));
    return done;
  }

  /** Serves a suspended city again; empty when there is none. */
  @Transactional
  public Optional<CityProfile> resume(CityProfile city, String operator) {
    Optional<CityProfile> done = registry.resume(city.id());
    done.ifPresent(c -> audit.record(operator, "city.resume", city.id(), Map.of()));
    return done;
  }

  /**
   * Makes {@code numbers} exactly the city's numbers.
   *
   * @throws IllegalArgumentException when another city has one of them
   */
  @Transactional
  public List<String> assignNumbers(CityProfile city, Set<String> numbers, String operator) {
    List<String> before = phones.assignedTo(city.id());
    List<String> after = phones.assign(city.id(), numbers);
    audit.record(
        operator, "city.phone-numbers", city.id(), Map.of("before", before, "after", after));
    return after;
  }
}
