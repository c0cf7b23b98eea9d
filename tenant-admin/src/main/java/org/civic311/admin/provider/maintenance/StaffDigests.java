package org.civic311.admin.provider.maintenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.civic311.platform.notification.application.MailOffice;
import org.civic311.platform.tenancy.application.CityProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends department staff their daily digests, city by city and one digest per transaction, so one
 * failing city or mail server refusal does not hold up the rest. A digest that fails is due again
 * at the next run.
 */
@ApplicationScoped
public class StaffDigests extends CityByCityJob {
  @Inject MailOffice office;

  @Inject
  @ConfigProperty(name = "civic311.notification.digest-interval", defaultValue = "PT5M")
  Duration interval;

  @Override
  Duration interval() {
    return interval;
  }

  @Override
  void forCity(CityProfile city) throws Exception {
    if (!city.active()) {
      return;
    }
    List<UUID> due = asCity(city, office::dueDigests);
    for (UUID subscription : due) {
      asCity(
          city,
          () -> {
            office.sendDigest(subscription);
            return null;
          });
    }
  }
}
