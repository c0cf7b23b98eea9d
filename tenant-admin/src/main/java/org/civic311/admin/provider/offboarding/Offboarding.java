package org.civic311.admin.provider.offboarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.civic311.admin.provider.onboarding.CityIdentity;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.CityTables;
import org.civic311.platform.tenancy.application.OperatorAudit;
import org.civic311.platform.tenancy.application.TenantDirectory;
import org.civic311.platform.tenancy.application.TenantRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A city leaves (ADR 0018). Scheduling suspends it at once and sets its deletion for the end of the
 * grace period ({@code civic311.provider.offboard-grace}, 30 days unless configured); until then
 * the operator may cancel. Completing it, once due, deletes its Keycloak organization (and the
 * users who belonged to no other city), then every row of it in every table that holds city data,
 * then the city; the operator's audit log keeps the record.
 */
@ApplicationScoped
public class Offboarding {
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject TenantRegistry registry;
  @Inject TenantDirectory directory;
  @Inject OperatorAudit audit;
  @Inject CityTables tables;
  @Inject CityIdentity identity;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "civic311.provider.offboard-grace", defaultValue = "P30D")
  Duration grace;

  /** The deletion is not scheduled, or not yet due, or already scheduled. */
  public static final class NotNow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotNow(String message) {
      super(message, null, false, false);
    }
  }

  /** What completing an offboarding deleted: rows per table, and in Keycloak. */
  public record Erased(Map<String, Long> rows, CityIdentity.Removed identity) {}

  public Duration grace() {
    return grace;
  }

  /**
   * Suspends {@code city} and schedules its deletion after the grace period, once the operator
   * retyped its slug as {@code confirm}.
   *
   * @throws IllegalArgumentException ({@code confirm: ...}) when the slug was not retyped
   * @throws NotNow when its deletion is already scheduled
   */
  @Transactional
  public CityProfile schedule(CityProfile city, String confirm, String reason, String operator) {
    if (confirm == null || !confirm.strip().equals(city.slug())) {
      throw new IllegalArgumentException(
          "confirm: retype the city's slug (" + city.slug() + ") to confirm");
    }
    OffsetDateTime at = now().plus(grace);
    try {
      CityProfile done =
          registry
              .scheduleOffboarding(city.id(), at)
              .orElseThrow(() -> new NotNow("There is no city '" + city.slug() + "'."));
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("reason", reason);
      detail.put("grace", grace.toString());
      detail.put("delete_at", at.toString());
      audit.record(operator, "city.offboard", city.id(), detail);
      return done;
    } catch (IllegalStateException e) {
      throw new NotNow(e.getMessage());
    }
  }

  /**
   * Keeps {@code city} after all; it stays suspended until resumed.
   *
   * @throws NotNow when no deletion is scheduled
   */
  @Transactional
  public CityProfile cancel(CityProfile city, String operator) {
    try {
      CityProfile done =
          registry
              .cancelOffboarding(city.id())
              .orElseThrow(() -> new NotNow("There is no city '" + city.slug() + "'."));
      audit.record(
          operator,
          "city.offboard-cancel",
          city.id(),
          Map.of("delete_at", String.valueOf(city.offboardAt().orElse(null))));
      return done;
    } catch (IllegalStateException e) {
      throw new NotNow(e.getMessage());
    }
  }

  /**
   * Deletes {@code city} now that its grace period is over: Keycloak first (a failure there leaves
   * the city scheduled, to be tried again), then the database in one transaction with its audit
   * entry.
   *
   * @return what was deleted; empty when the city was deleted meanwhile (by another instance)
   * @throws NotNow when its deletion is not scheduled or not yet due
   * @throws CityIdentity.Refused when Keycloak refuses or cannot be reached
   */
  public Optional<Erased> complete(CityProfile known, String operator) {
    OffsetDateTime now = now();
    Optional<CityProfile> current = registry.fresh(known.id());
    if (current.isEmpty()) {
      directory.invalidate();
      return Optional.empty();
    }
    CityProfile city = current.get();
    OffsetDateTime due =
        city.offboardAt()
            .orElseThrow(
                () -> new NotNow("The city's deletion is not scheduled; offboard it first"));
    if (due.isAfter(now)) {
      throw new NotNow("The city's grace period runs until " + due + "; it can be deleted then");
    }
    CityIdentity.Removed removed =
        identity.enabled() ? identity.removeCity(city.slug()) : CityIdentity.Removed.NONE;
    try {
      Optional<Map<String, Long>> rows =
          tables.erase(
              city.id(),
              now,
              operator,
              "city.erase",
              deleted -> {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("slug", city.slug());
                detail.put("jurisdiction_id", city.jurisdictionId());
                detail.put("name", city.displayName());
                detail.put("organization_deleted", removed.organization());
                detail.put("users_deleted", removed.usersDeleted());
                detail.put("members_kept", removed.membersKept());
                detail.put("rows", deleted);
                return JSON.toJson(detail);
              });
      return rows.map(r -> new Erased(r, removed));
    } catch (IllegalStateException e) {
      throw new NotNow(e.getMessage());
    } finally {
      directory.invalidate();
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
