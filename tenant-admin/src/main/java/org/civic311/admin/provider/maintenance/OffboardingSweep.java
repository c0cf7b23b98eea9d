package org.civic311.admin.provider.maintenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.logging.Logger;
import org.civic311.admin.provider.offboarding.Offboarding;
import org.civic311.platform.tenancy.application.CityProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes the cities whose offboarding grace period is over (ADR 0018), every {@code
 * civic311.provider.offboard-sweep-interval} (an hour unless configured). A city whose deletion
 * fails (Keycloak away) stays scheduled and is tried again at the next run.
 */
@ApplicationScoped
public class OffboardingSweep extends CityByCityJob {
  private static final Logger LOG = Logger.getLogger(OffboardingSweep.class.getName());

  @Inject Offboarding offboarding;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "civic311.provider.offboard-sweep-interval", defaultValue = "PT1H")
  Duration interval;

  @Override
  Duration interval() {
    return interval;
  }

  /** Yes: only suspended cities are ever due. */
  @Override
  boolean visitsSuspendedCities() {
    return true;
  }

  @Override
  void forCity(CityProfile city) {
    if (city.offboardAt().filter(at -> !at.isAfter(OffsetDateTime.now(clock))).isPresent()) {
      offboarding
          .complete(city, "system")
          .ifPresent(e -> LOG.info(() -> "Offboarded " + city.slug() + ": deleted " + e.rows()));
    }
  }
}
