package org.civic311.admin.provider.onboarding;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.routing.application.HoursDocument;
import org.civic311.platform.routing.application.HoursService;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.NewCity;
import org.civic311.platform.tenancy.application.OperatorAudit;
import org.civic311.platform.tenancy.application.TenantDirectory;
import org.civic311.platform.tenancy.application.TenantRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings a city live in one JTA transaction: the city row, its starting catalogue, its hours and
 * the operator's audit entry commit together or not at all, so a failure at any step leaves no row
 * of the city anywhere and the same request can simply be sent again.
 *
 * <p>The tenant row is written (flushed) first so the city's own rows can follow it; the city's
 * steps then run as the new city ({@link CurrentTenant#runAs}, the operator's audited door), which
 * binds the same transaction to it for row-level security.
 */
@ApplicationScoped
public class Onboarding {
  private static final Logger LOG = Logger.getLogger(Onboarding.class.getName());

  @Inject TenantRegistry registry;
  @Inject TenantDirectory directory;
  @Inject CatalogueService catalogue;
  @Inject HoursService hours;
  @Inject OperatorAudit audit;
  @Inject CityIdentity identity;
  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * A test hook, unset in production: the first onboarding of each slug starting with this prefix
   * fails after every row of the city was written (just before commit), so a test can prove the
   * rollback and then the retry. Documented in docs/operations.md.
   */
  @Inject
  @ConfigProperty(name = "civic311.provider.test-fail-once-prefix")
  Optional<String> failOncePrefix;

  private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

  /** A slug, jurisdiction or host name that another city already has. */
  public static final class Taken extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    Taken(String field, String value) {
      super(field + ": '" + value + "' is already taken by another city", null, false, false);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** Thrown by the test hook. */
  public static final class InjectedFailure extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    InjectedFailure(String slug) {
      super(
          "Injected onboarding failure for " + slug + " (civic311.provider.test-fail-once-prefix)");
    }
  }

  /**
   * Onboards {@code city} for {@code operator}.
   *
   * @throws IllegalArgumentException naming the invalid field ({@code field: message})
   * @throws Taken for a slug, jurisdiction or host name already in use
   */
  @Transactional
  public CityProfile onboard(OnboardCity city, String operator) {
    String template = city.catalogue() == null ? "template" : city.catalogue();
    if (!List.of("template", "none").contains(template)) {
      throw new IllegalArgumentException(
          "catalogue: '" + template + "' is not one of template, none");
    }
    if (Boolean.TRUE.equals(city.demoData())) {
      throw new IllegalArgumentException("demo_data: demo data is only for the demo cities");
    }
    String adminEmail =
        city.adminEmail() == null || city.adminEmail().isBlank()
            ? null
            : city.adminEmail().strip().toLowerCase(java.util.Locale.ROOT);
    if (adminEmail != null
        && (adminEmail.length() > 254
            || !adminEmail.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}"))) {
      throw new IllegalArgumentException(
          "admin_email: '" + adminEmail + "' is not an e-mail address");
    }
    requireFree("slug", city.slug(), directory::bySlug);
    requireFree("jurisdiction_id", city.jurisdictionId(), directory::byJurisdiction);
    requireFree("host_name", city.hostName(), directory::byHost);
    CityProfile profile =
        registry.register(
            new NewCity(
                city.slug(),
                city.jurisdictionId(),
                city.displayName(),
                city.timeZone(),
                city.locales(),
                city.hostName()),
            city.population(),
            city.contactEmail());
    int[] categories = {0};
    CurrentTenant.runAs(
        profile.id(),
        () -> {
          if (template.equals("template")) {
            categories[0] = applyTemplate(operator);
          }
          if (city.hours() != null && !city.hours().isEmpty()) {
            hours.replace(new HoursDocument(null, city.hours(), List.of(), List.of()), operator);
          }
        });
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("slug", profile.slug());
    detail.put("jurisdiction_id", profile.jurisdictionId());
    detail.put("catalogue", template);
    detail.put("categories", categories[0]);
    detail.put("hours", city.hours() != null && !city.hours().isEmpty());
    if (identity.enabled()) {
      // last, so the database steps that are likeliest to refuse come first; undone if the
      // transaction does not commit
      CityIdentity.Provisioned made =
          identity.provision(
              profile.slug(), profile.displayName(), profile.jurisdictionId(), adminEmail);
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status != Status.STATUS_COMMITTED) {
                identity.remove(made);
              }
            }
          });
      detail.put("organization", profile.slug());
      if (adminEmail != null) {
        detail.put("invited", adminEmail);
      }
    }
    audit.record(operator, "city.onboard", profile.id(), detail);
    failOncePrefix
        .filter(p -> !p.isBlank() && profile.slug().startsWith(p))
        .filter(p -> failedOnce.add(profile.slug()))
        .ifPresent(
            p -> {
              LOG.warning("Test hook: failing the first onboarding of " + profile.slug());
              throw new InjectedFailure(profile.slug());
            });
    return profile;
  }

  private int applyTemplate(String operator) {
    List<StandardCatalogue.Category> rows = StandardCatalogue.load().categories();
    for (StandardCatalogue.Category c : rows) {
      catalogue.saveCategory(c.code(), c.definition(), operator);
      if (c.slaHours() != null) {
        catalogue.setServiceLevel(
            c.code(),
            c.slaHours() * 60,
            !Boolean.FALSE.equals(c.businessHours()),
            c.priority(),
            operator);
      }
    }
    return rows.size();
  }

  private static void requireFree(
      String field, String value, java.util.function.Function<String, Optional<CityProfile>> find) {
    if (value != null && !value.isBlank() && find.apply(value).isPresent()) {
      throw new Taken(field, value);
    }
  }
}
