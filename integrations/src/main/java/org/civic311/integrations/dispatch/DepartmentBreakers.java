package org.civic311.integrations.dispatch;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The deployment's {@link CircuitBreaker} settings, applied to each department's health row. */
@ApplicationScoped
public class DepartmentBreakers {
  @Inject
  @ConfigProperty(name = "civic311.integrations.breaker-failures", defaultValue = "5")
  int failures;

  @Inject
  @ConfigProperty(name = "civic311.integrations.breaker-open", defaultValue = "PT30S")
  Duration open;

  @Inject
  @ConfigProperty(name = "civic311.integrations.breaker-max-open", defaultValue = "PT15M")
  Duration maxOpen;

  @Inject Clock clock;

  private CircuitBreaker breaker;

  @PostConstruct
  void configure() {
    breaker = new CircuitBreaker(failures, open, maxOpen);
  }

  /** Until when the department's deliveries pause; empty when they may go ahead. */
  public Optional<Instant> pausedUntil(IntegrationLedger.Health health) {
    return breaker.pausedUntil(
        health.consecutiveFailures(), health.lastFailureAt(), clock.instant());
  }
}
