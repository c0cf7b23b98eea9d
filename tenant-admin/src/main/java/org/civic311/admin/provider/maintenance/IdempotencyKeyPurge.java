package org.civic311.admin.provider.maintenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.civic311.platform.request.application.IdempotencyKeys;
import org.civic311.platform.tenancy.application.CityProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forgets Open311 {@code Idempotency-Key}s once they are older than the promised day (default: kept
 * 48 hours), city by city, each in its own transaction. Crossing cities is the operator's code's
 * business, so the job lives here; one city failing does not stop the others.
 */
@ApplicationScoped
public class IdempotencyKeyPurge extends CityByCityJob {
  private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurge.class.getName());

  @Inject IdempotencyKeys keys;

  @Inject
  @ConfigProperty(name = "civic311.request.idempotency-keep", defaultValue = "PT48H")
  Duration keep;

  @Inject
  @ConfigProperty(name = "civic311.request.idempotency-purge-interval", defaultValue = "PT1H")
  Duration interval;

  @Override
  Duration interval() {
    return interval;
  }

  /** Yes: housekeeping: keys expire as promised whatever the city's status. */
  @Override
  boolean visitsSuspendedCities() {
    return true;
  }

  @Override
  void forCity(CityProfile city) throws Exception {
    int removed = asCity(city, () -> keys.purgeOlderThan(keep));
    if (removed > 0) {
      LOG.fine(() -> city.slug() + ": forgot " + removed + " idempotency keys");
    }
  }
}
