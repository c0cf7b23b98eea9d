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
import org.civic311.admin.city.catalogue.CatalogueCsv;
import org.civic311.platform.catalogue.application.CatalogueImportException;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.routing.application.HoursDocument;
import org.civic311.platform.routing.application.HoursService;
import org.civic311.platform.routing.application.PhoneRoutingDocument;
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
  @Inject org.civic311.admin.provider.operations.PhoneLines phoneLines;
  @Inject org.civic311.admin.provider.demo.SampleRequests samples;

  /** How many sample requests a city onboarded with demo data gets. */
  static final int SAMPLE_REQUESTS = 25;

  @Inject OperatorAudit audit;
  @Inject CityIdentity identity;
  @Inject Open311Import open311;
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

  /** The catalogue kinds an onboarding may start with. */
  public static final List<String> CATALOGUES = List.of("template", "none", "csv", "open311");

  /**
   * Checks what can be checked without the network or the database's writes, before anything slow:
   * the catalogue choice (a CSV file read and checked row by row, an Open311 address checked and
   * its host looked up), {@code demo_data}, {@code admin_email}, and that the slug, jurisdiction
   * and host name are free.
   *
   * @throws IllegalArgumentException naming the invalid field ({@code field: message})
   * @throws CatalogueCsv.WrongRows naming every wrong row of {@code catalogue_csv}
   * @throws Taken for a slug, jurisdiction or host name already in use
   */
  public StartingCatalogue plan(OnboardCity city) {
    if (city.phoneEntryPoints() != null && city.phoneEntryPoints().size() > 20) {
      throw new IllegalArgumentException("phone_entry_points: at most 20");
    }
    String kind = city.catalogue() == null ? "template" : city.catalogue();
    if (!CATALOGUES.contains(kind)) {
      throw new IllegalArgumentException(
          "catalogue: '" + kind + "' is not one of " + String.join(", ", CATALOGUES));
    }
    adminEmail(city);
    if (!kind.equals("csv") && city.catalogueCsv() != null && !city.catalogueCsv().isBlank()) {
      throw new IllegalArgumentException("catalogue_csv: only with catalogue csv");
    }
    if (!kind.equals("open311") && city.catalogueUrl() != null && !city.catalogueUrl().isBlank()) {
      throw new IllegalArgumentException("catalogue_url: only with catalogue open311");
    }
    StartingCatalogue plan =
        switch (kind) {
          case "csv" -> {
            try {
              yield new StartingCatalogue(
                  kind, CatalogueCsv.read(city.catalogueCsv()), null, null, null);
            } catch (CatalogueCsv.Unreadable e) {
              throw new IllegalArgumentException("catalogue_csv: " + e.getMessage());
            }
          }
          case "open311" -> {
            String jurisdiction = city.catalogueJurisdictionId();
            if (jurisdiction != null
                && (jurisdiction.length() > 253 || jurisdiction.strip().contains(" "))) {
              throw new IllegalArgumentException(
                  "catalogue_jurisdiction_id: at most 253 characters, without spaces");
            }
            yield new StartingCatalogue(
                kind,
                List.of(),
                open311.check(city.catalogueUrl()),
                jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip(),
                null);
          }
          default -> StartingCatalogue.of(kind);
        };
    requireFree("slug", city.slug(), directory::bySlug);
    requireFree("jurisdiction_id", city.jurisdictionId(), directory::byJurisdiction);
    requireFree("host_name", city.hostName(), directory::hostOwner);
    return plan;
  }

  /**
   * Reads what the plan needs from the network (an Open311 server's services and definitions),
   * outside any transaction; {@code progress} counts the definitions read.
   *
   * @throws Open311Import.Unavailable when the server cannot be read or is not Open311
   */
  public StartingCatalogue load(StartingCatalogue plan, OnboardingJob progress) {
    if (!plan.unread()) {
      return plan;
    }
    return plan.withServices(open311.read(plan.url(), plan.jurisdictionId(), progress));
  }

  /**
   * Onboards {@code city} in one call, for a catalogue that needs no network ({@code template},
   * {@code none}, {@code csv}); an Open311 import is read before the transaction, through {@link
   * #plan}, {@link #load} and {@link #onboard(OnboardCity, StartingCatalogue, String,
   * OnboardingJob)}.
   */
  @Transactional
  public CityProfile onboard(OnboardCity city, String operator) {
    StartingCatalogue plan = plan(city);
    if (plan.unread()) {
      throw new IllegalStateException(
          "An Open311 import is read before the onboarding's transaction: use plan, load, onboard");
    }
    return onboard(
        city, plan, operator, OnboardingJob.unwatched(city.slug(), plan.kind(), operator));
  }

  /**
   * Onboards {@code city} for {@code operator} with the starting catalogue made ready by {@link
   * #plan} and {@link #load}; {@code progress} counts the categories written.
   *
   * @throws IllegalArgumentException naming the invalid field ({@code field: message})
   * @throws Taken for a slug, jurisdiction or host name already in use
   * @throws Open311Import.Unavailable when an imported category cannot be stored here
   */
  @Transactional
  public CityProfile onboard(
      OnboardCity city, StartingCatalogue start, String operator, OnboardingJob progress) {
    String template = start.kind();
    String adminEmail = adminEmail(city);
    requireFree("slug", city.slug(), directory::bySlug);
    requireFree("jurisdiction_id", city.jurisdictionId(), directory::byJurisdiction);
    requireFree("host_name", city.hostName(), directory::hostOwner);
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
    List<String> numbers = new java.util.ArrayList<>();
    int[] samples = {0};
    CurrentTenant.runAs(
        profile.id(),
        () -> {
          categories[0] =
              switch (template) {
                case "template" -> applyTemplate(operator, progress);
                case "csv" -> applyCsv(start, operator, progress);
                case "open311" -> applyOpen311(start, operator, progress);
                default -> 0;
              };
          progress.phase(OnboardingJob.Phase.FINISHING);
          if (city.hours() != null && !city.hours().isEmpty()) {
            hours.replace(new HoursDocument(null, city.hours(), List.of(), List.of()), operator);
          }
          numbers.addAll(phoneEntryPoints(profile, city.phoneEntryPoints(), operator));
          if (Boolean.TRUE.equals(city.demoData())) {
            // a trial city: sample requests over its catalogue, to show the product with
            samples[0] = this.samples.file(SAMPLE_REQUESTS, null, profile.slug(), null);
          }
        });
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("slug", profile.slug());
    detail.put("jurisdiction_id", profile.jurisdictionId());
    detail.put("catalogue", template);
    detail.put("categories", categories[0]);
    if (start.url() != null) {
      detail.put("catalogue_url", start.url().toString());
    }
    detail.put("hours", city.hours() != null && !city.hours().isEmpty());
    detail.put("phone_numbers", numbers);
    detail.put("sample_requests", samples[0]);
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

  private int applyCsv(StartingCatalogue start, String operator, OnboardingJob progress) {
    progress.phase(OnboardingJob.Phase.IMPORTING, start.rows().size());
    try {
      catalogue.importRows(start.rows(), false, operator);
    } catch (CatalogueImportException e) {
      throw new CatalogueCsv.WrongRows(e.problems());
    }
    progress.stepAll();
    return start.rows().size();
  }

  private int applyOpen311(StartingCatalogue start, String operator, OnboardingJob progress) {
    progress.phase(OnboardingJob.Phase.IMPORTING, start.services().size());
    for (Open311Import.Service s : start.services()) {
      try {
        catalogue.saveCategory(s.code(), s.definition(), operator, true);
      } catch (IllegalArgumentException e) {
        throw new Open311Import.Unusable(
            "the service '"
                + s.sourceCode()
                + "' of "
                + start.url()
                + " cannot be a category here: "
                + e.getMessage());
      }
      progress.step();
    }
    return start.services().size();
  }

  private int applyTemplate(String operator, OnboardingJob progress) {
    List<StandardCatalogue.Category> rows = StandardCatalogue.load().categories();
    progress.phase(OnboardingJob.Phase.IMPORTING, rows.size());
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
      progress.step();
    }
    return rows.size();
  }

  private static String adminEmail(OnboardCity city) {
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
    return adminEmail;
  }

  private static void requireFree(
      String field, String value, java.util.function.Function<String, Optional<CityProfile>> find) {
    if (value != null && !value.isBlank() && find.apply(value).isPresent()) {
      throw new Taken(field, value);
    }
  }

  /**
   * The city's phone entry points from the form: their numbers become the city's (the global
   * directory, as the operator's assignment does) and the entry points its phone routing, checked
   * as the administrator's routing is. Inside the onboarding's transaction, as the current city.
   *
   * @return the numbers assigned, in E.164
   * @throws IllegalArgumentException naming the entry and field ({@code
   *     phone_entry_points[0].number: ...}), or a number another city has
   */
  private List<String> phoneEntryPoints(
      CityProfile city, List<PhoneRoutingDocument.Entry> entries, String operator) {
    if (entries == null || entries.isEmpty()) {
      return List.of();
    }
    try {
      return phoneLines.set(city, new PhoneRoutingDocument(entries), operator);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      throw new IllegalArgumentException(
          message.startsWith("entry_points")
              ? "phone_" + message
              : "phone_entry_points: " + message.replaceFirst("^[a-z_]+: ", ""));
    }
  }
}
