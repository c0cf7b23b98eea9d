package org.civic311.integrations.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.civic311.platform.shared.application.AuditLog;
import org.civic311.platform.shared.application.TenantTransactional;

/** An administrator closes a department's circuit breaker by hand; audited. */
@ApplicationScoped
public class BreakerResume {
  @Inject IntegrationHealth health;
  @Inject IntegrationHealthLog log;
  @Inject AuditLog audit;

  /**
   * @return the department's health after the resume; empty when it has no integration
   */
  @TenantTransactional
  public Optional<IntegrationHealth.DepartmentHealth> resume(String department, String actor) {
    Optional<IntegrationHealth.DepartmentHealth> before = health.of(department);
    if (before.isEmpty()) {
      return before;
    }
    log.resume(department);
    audit.record(
        "integration:" + department,
        actor,
        "{\"state\": \"" + before.get().state() + "\"}",
        "{\"resumed\": true}");
    return health.of(department);
  }
}
