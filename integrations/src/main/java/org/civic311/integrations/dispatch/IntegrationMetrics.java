package org.civic311.integrations.dispatch;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.shared.application.SchemaMigrated;
import org.civic311.platform.shared.application.Transactions;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.TenantDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Each department integration's health ({@link IntegrationHealth}, what the administrator's page
 * shows) as MicroProfile Metrics gauges with the labels {@code city} (its slug) and {@code
 * department}: {@code civic311_integration_last_success_age_seconds} (-1 before the first success),
 * {@code civic311_integration_consecutive_failures}, {@code civic311_integration_failed}, {@code
 * civic311_integration_backlog}, {@code civic311_integration_oldest_pending_age_seconds} (0 with
 * nothing waiting) and {@code civic311_integration_dead}. Read every {@code
 * civic311.outbox.metrics-interval}, one short transaction per active city (the health rows are the
 * city's, under row-level security); a scrape reads the last values. Every instance reports the
 * same numbers: aggregate with {@code max}.
 */
@ApplicationScoped
public class IntegrationMetrics {
  private static final Logger LOG = Logger.getLogger(IntegrationMetrics.class.getName());
  static final String LAST_SUCCESS_AGE = "civic311_integration_last_success_age_seconds";
  static final String FAILURES = "civic311_integration_consecutive_failures";
  static final String FAILED = "civic311_integration_failed";
  static final String BACKLOG = "civic311_integration_backlog";
  static final String OLDEST_PENDING_AGE = "civic311_integration_oldest_pending_age_seconds";
  static final String DEAD = "civic311_integration_dead";

  @Inject IntegrationHealth health;
  @Inject TenantDirectory directory;
  @Inject Transactions transactions;
  @Inject Clock clock;
  @Inject Instance<MetricRegistry> registries;

  @Inject
  @ConfigProperty(name = "civic311.outbox.metrics-interval", defaultValue = "PT15S")
  Duration interval;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Map<MetricID, AtomicLong> values = new ConcurrentHashMap<>();
  private volatile ScheduledFuture<?> refresher;

  void start(@Observes SchemaMigrated schema) {
    if (!registries.isResolvable()) {
      return;
    }
    long every = Math.max(1000, interval.toMillis());
    refresher = scheduler.scheduleWithFixedDelay(this::refresh, 0, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (refresher != null) {
      refresher.cancel(false);
    }
  }

  /** Reads every city's integrations once and sets the gauges; never throws. */
  void refresh() {
    try {
      Set<MetricID> seen = new HashSet<>();
      OffsetDateTime now = OffsetDateTime.now(clock);
      for (CityProfile city : directory.all()) {
        if (!city.active()) {
          continue;
        }
        List<IntegrationHealth.DepartmentHealth> report;
        try {
          report =
              CurrentTenant.callAs(
                  city.id(), () -> transactions.inNewTransaction(() -> health.report()));
        } catch (Exception e) {
          LOG.log(Level.FINE, "Integration metrics of " + city.slug() + ": " + e.getMessage());
          continue;
        }
        for (IntegrationHealth.DepartmentHealth h : report) {
          String c = city.slug();
          String d = h.department();
          seen.add(
              set(
                  LAST_SUCCESS_AGE,
                  "Seconds since the department's system last accepted a change (-1: never)",
                  c,
                  d,
                  h.lastSuccessAt() == null ? -1 : age(h.lastSuccessAt(), now)));
          seen.add(
              set(
                  FAILURES,
                  "Failed deliveries in a row (the circuit breaker's count)",
                  c,
                  d,
                  h.consecutiveFailures()));
          seen.add(set(FAILED, "Failed deliveries, all told", c, d, h.failed()));
          seen.add(set(BACKLOG, "Changes waiting for the department's system", c, d, h.backlog()));
          seen.add(
              set(
                  OLDEST_PENDING_AGE,
                  "Seconds the oldest waiting change has waited (0: none waits)",
                  c,
                  d,
                  h.oldestPendingAt() == null ? 0 : age(h.oldestPendingAt(), now)));
          seen.add(set(DEAD, "Changes given up on (dead letters)", c, d, h.deadLetters()));
        }
      }
      values.forEach(
          (id, value) -> {
            if (!seen.contains(id)) {
              value.set(0); // the integration is gone
            }
          });
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Integration metrics not refreshed: " + e.getMessage());
    }
  }

  private static long age(OffsetDateTime at, OffsetDateTime now) {
    return Math.max(0, Duration.between(at, now).toSeconds());
  }

  private MetricID set(String name, String description, String city, String department, long n) {
    MetricID id = new MetricID(name, new Tag("city", city), new Tag("department", department));
    values
        .computeIfAbsent(
            id,
            key -> {
              AtomicLong value = new AtomicLong();
              registries
                  .get()
                  .gauge(
                      Metadata.builder().withName(name).withDescription(description).build(),
                      value,
                      AtomicLong::get,
                      key.getTagsAsArray());
              return value;
            })
        .set(n);
    return id;
  }
}
