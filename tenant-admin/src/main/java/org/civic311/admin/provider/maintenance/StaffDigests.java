package org.civic311.admin.provider.maintenance;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civic311.platform.notification.application.MailOffice;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.shared.application.SchemaMigrated;
import org.civic311.platform.shared.application.Transactions;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.TenantDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends department staff their daily digests, city by city and one digest per transaction, so one
 * failing city or mail server refusal does not hold up the rest. A digest that fails is due again
 * at the next run.
 */
@ApplicationScoped
public class StaffDigests {
  private static final Logger LOG = Logger.getLogger(StaffDigests.class.getName());

  @Inject TenantDirectory directory;
  @Inject MailOffice office;
  @Inject Transactions transactions;

  @Inject
  @ConfigProperty(name = "civic311.notification.digest-interval", defaultValue = "PT5M")
  Duration interval;

  @Resource ManagedScheduledExecutorService scheduler;

  private volatile ScheduledFuture<?> schedule;

  void start(@Observes SchemaMigrated schema) {
    long every = Math.max(1, interval.toMillis());
    schedule = scheduler.scheduleWithFixedDelay(this::run, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> s = schedule;
    if (s != null) {
      s.cancel(false);
    }
  }

  void run() {
    for (CityProfile city : directory.all()) {
      if (!city.active()) {
        continue;
      }
      try {
        List<UUID> due =
            transactions.inNewTransaction(
                () -> CurrentTenant.callAs(city.id(), office::dueDigests));
        for (UUID subscription : due) {
          transactions.inNewTransaction(
              () ->
                  CurrentTenant.callAs(
                      city.id(),
                      () -> {
                        office.sendDigest(subscription);
                        return null;
                      }));
        }
      } catch (Exception e) {
        LOG.log(
            Level.WARNING,
            "Staff digests of {0} not sent: {1}",
            new Object[] {city.slug(), e.getMessage()});
      }
    }
  }
}
