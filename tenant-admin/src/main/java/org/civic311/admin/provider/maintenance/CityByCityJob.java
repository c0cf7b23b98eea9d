package org.civic311.admin.provider.maintenance;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.shared.application.SchemaMigrated;
import org.civic311.platform.shared.application.Ticker;
import org.civic311.platform.shared.application.Transactions;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.TenantDirectory;

/**
 * The shape of the operator's background jobs: once the schema is migrated, every {@link
 * #interval()}, the job's work for each city in turn, so one city failing (logged, retried at the
 * next run) does not hold up the others. Crossing cities is the operator's code's business, so
 * these jobs live here.
 */
abstract class CityByCityJob {
  private static final Logger LOG = Logger.getLogger(CityByCityJob.class.getName());

  @Inject TenantDirectory directory;
  @Inject Transactions transactions;
  @Resource ManagedThreadFactory threads;

  private volatile Ticker schedule;

  /** How long between two runs. */
  abstract Duration interval();

  /** What the job does for {@code city}; it binds the city through {@link #asCity}. */
  abstract void forCity(CityProfile city) throws Exception;

  void start(@Observes SchemaMigrated schema) {
    Duration every = Duration.ofMillis(Math.max(1, interval().toMillis()));
    // a thread of its own: a run over a thousand cities holds up no other schedule
    schedule =
        Ticker.start(
            threads,
            "civic311-" + getClass().getSimpleName().replaceAll("\\$.*", ""),
            every,
            every,
            this::run);
  }

  @PreDestroy
  void stop() {
    Ticker s = schedule;
    if (s != null) {
      s.stop(Duration.ofSeconds(5));
    }
  }

  /**
   * Whether the job visits suspended cities too. By default it does not: a suspended city is
   * switched off, its mail and deliveries wait until it is resumed (ADR 0018).
   */
  boolean visitsSuspendedCities() {
    return false;
  }

  void run() {
    for (CityProfile city : directory.all()) {
      if (schedule != null && schedule.stopping()) {
        return;
      }
      if (!city.active() && !visitsSuspendedCities()) {
        continue;
      }
      try {
        forCity(city);
      } catch (Exception e) {
        LOG.log(
            Level.WARNING,
            "{0} of {1} did not complete: {2}",
            new Object[] {getClass().getSimpleName(), city.slug(), e.getMessage()});
      }
    }
  }

  /** {@code work} in a transaction of its own, as {@code city}. */
  <T> T asCity(CityProfile city, Callable<T> work) throws Exception {
    return transactions.inNewTransaction(() -> CurrentTenant.callAs(city.id(), work));
  }
}
