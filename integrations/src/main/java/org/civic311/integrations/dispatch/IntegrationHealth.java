package org.civic311.integrations.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.integrations.config.IntegrationSettings;
import org.civic311.integrations.config.IntegrationView;
import org.civic311.platform.shared.application.TenantTransactional;

/**
 * How each department integration of the current city is doing: when it last delivered, how often
 * it failed and why, and what is waiting for it (how many events, since when, how many dead).
 */
@ApplicationScoped
public class IntegrationHealth {
  @Inject IntegrationSettings settings;
  @Inject IntegrationLedger ledger;
  @Inject DepartmentBreakers breakers;

  /**
   * One department's health. {@code state}: ok, failing, paused (its circuit breaker is open until
   * {@code pausedUntil}), idle (nothing sent yet) or disabled.
   */
  public record DepartmentHealth(
      String department,
      String kind,
      boolean enabled,
      String state,
      OffsetDateTime lastSuccessAt,
      OffsetDateTime lastFailureAt,
      String lastError,
      int consecutiveFailures,
      long delivered,
      long failed,
      long backlog,
      OffsetDateTime oldestPendingAt,
      long deadLetters,
      OffsetDateTime pausedUntil) {}

  /** One department's health, if it has an integration. */
  @TenantTransactional
  public Optional<DepartmentHealth> of(String department) {
    return report().stream().filter(h -> h.department().equals(department)).findFirst();
  }

  @TenantTransactional
  public List<DepartmentHealth> report() {
    Map<String, IntegrationLedger.Health> health = ledger.health();
    Map<String, IntegrationLedger.Backlog> backlog = ledger.backlog();
    return settings.all().stream()
        .map(
            (IntegrationView i) -> {
              IntegrationLedger.Health h =
                  health.getOrDefault(
                      i.department(),
                      new IntegrationLedger.Health(i.department(), null, null, null, 0, 0, 0));
              IntegrationLedger.Backlog b =
                  backlog.getOrDefault(
                      i.department(), new IntegrationLedger.Backlog(i.department(), 0, null, 0));
              OffsetDateTime pausedUntil =
                  breakers
                      .pausedUntil(h)
                      .map(t -> OffsetDateTime.ofInstant(t, java.time.ZoneOffset.UTC))
                      .orElse(null);
              String state;
              if (!i.enabled()) {
                state = "disabled";
              } else if (pausedUntil != null) {
                state = "paused";
              } else if (h.consecutiveFailures() > 0 || b.dead() > 0) {
                state = "failing";
              } else if (h.lastSuccessAt() == null) {
                state = "idle";
              } else {
                state = "ok";
              }
              return new DepartmentHealth(
                  i.department(),
                  i.kind(),
                  i.enabled(),
                  state,
                  h.lastSuccessAt(),
                  h.lastFailureAt(),
                  h.lastError(),
                  h.consecutiveFailures(),
                  h.delivered(),
                  h.failed(),
                  b.pending(),
                  b.oldestPending(),
                  b.dead(),
                  pausedUntil);
            })
        .toList();
  }
}
