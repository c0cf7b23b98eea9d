package org.civic311.admin.provider.maintenance;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civic311.platform.request.application.IdempotencyKeys;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.shared.application.SchemaMigrated;
import org.civic311.platform.shared.application.Transactions;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.TenantDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forgets Open311 {@code Idempotency-Key}s once they are older than the promised day (default: kept
 * 48 hours), city by city, each in its own transaction. Crossing cities is the operator's code's
 * business, so the job lives here; one city failing does not stop the others.
 */
@ApplicationScoped
public class IdempotencyKeyPurge {
  private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurge.class.getName());

  @Inject TenantDirectory directory;
  @Inject IdempotencyKeys keys;
  @Inject Transactions transactions;

  @Inject
  @ConfigProperty(name = "civic311.request.idempotency-keep", defaultValue = "PT48H")
  Duration keep;

  @Inject
  @ConfigProperty(name = "civic311.request.idempotency-purge-interval", defaultValue = "PT1H")
  Duration interval;

  @Resource ManagedScheduledExecutorService scheduler;

  private volatile ScheduledFuture<?> schedule;

  void start(@Observes SchemaMigrated schema) {
    long every = Math.max(1, interval.toMillis());
    schedule = scheduler.scheduleWithFixedDelay(this::purge, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> s = schedule;
    if (s != null) {
      s.cancel(false);
    }
  }

  void purge() {
    for (CityProfile city : directory.all()) {
      try {
        int removed =
            transactions.inNewTransaction(
                () -> CurrentTenant.callAs(city.id(), () -> keys.purgeOlderThan(keep)));
        if (removed > 0) {
          LOG.fine(() -> city.slug() + ": forgot " + removed + " idempotency keys");
        }
      } catch (Exception e) {
        LOG.log(
            Level.WARNING,
            "Idempotency keys of {0} not purged: {1}",
            new Object[] {city.slug(), e.getMessage()});
      }
    }
  }
}
