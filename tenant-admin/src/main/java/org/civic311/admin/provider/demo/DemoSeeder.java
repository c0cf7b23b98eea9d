package org.civic311.admin.provider.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.catalogue.application.DepartmentStaffService;
import org.civic311.platform.contact.application.KnowledgeService;
import org.civic311.platform.routing.application.HoursService;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.shared.application.SchemaMigrated;
import org.civic311.platform.shared.application.Transactions;
import org.civic311.platform.tenancy.application.ApiKeys;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.NewCity;
import org.civic311.platform.tenancy.application.TenantDirectory;
import org.civic311.platform.tenancy.application.TenantRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds the demo cities (data in {@code demo/}) once the schema is ready, when {@code
 * civic311.demo.enabled} is true. A city that already exists is left as it is, so restarts keep
 * whatever was changed in the demo. This is the one place the seed lives; later issues add their
 * data beside the catalogue files.
 */
@ApplicationScoped
public class DemoSeeder {
  private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());

  @Inject
  @ConfigProperty(name = "civic311.demo.enabled", defaultValue = "false")
  boolean enabled;

  @Inject TenantRegistry registry;
  @Inject TenantDirectory directory;
  @Inject CatalogueService catalogue;
  @Inject DepartmentStaffService departmentStaff;
  @Inject Transactions transactions;
  @Inject ApiKeys apiKeys;
  @Inject HoursService hours;
  @Inject org.civic311.admin.provider.operations.PhoneLines phoneLines;
  @Inject KnowledgeService knowledge;
  @Inject SampleRequests samples;

  void seed(@Observes SchemaMigrated schema) {
    if (!enabled) {
      return;
    }
    for (DemoCity city : cities()) {
      if (directory.bySlug(city.slug()).isPresent()) {
        LOG.info("Demo: " + city.slug() + " already exists; left as it is.");
        continue;
      }
      seed(city);
    }
  }

  /**
   * One transaction registers the city and a second fills it, both owned by the container (this
   * runs on a start-up task, not a request). If filling fails, the empty city stays and the next
   * start leaves it alone; the log says which city failed.
   */
  private void seed(DemoCity city) {
    List<CategoryCsv.Row> rows = categories(city.slug());
    LOG.info(
        "Demo: seeding "
            + city.slug()
            + ": "
            + rows.size()
            + " categories, "
            + city.sampleRequests()
            + " requests");
    try {
      CityProfile profile =
          transactions.inNewTransaction(
              () ->
                  registry.register(
                      new NewCity(
                          city.slug(),
                          city.jurisdictionId(),
                          city.name(),
                          city.timeZone(),
                          city.locales(),
                          null)));
      if (city.centre() != null) {
        transactions.inNewTransaction(
            () -> registry.centreMap(profile.id(), city.centre().lat(), city.centre().lon()));
      }
      transactions.inNewTransaction(
          () -> {
            CurrentTenant.runAs(profile.id(), () -> fill(city, profile, rows));
            return null;
          });
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Demo: seeding " + city.slug() + " failed", e);
    }
  }

  private void fill(DemoCity city, CityProfile profile, List<CategoryCsv.Row> rows) {
    apiKeys.register("Demo key (printed in the README)", city.open311DemoKey());
    if (city.hours() != null) {
      hours.replace(city.hours(), "demo-seed");
    }
    for (CategoryCsv.Row row : rows) {
      catalogue.define(row.code(), row.name(), row.groups(), row.keywords(), row.description());
    }
    for (DemoCity.DemoDepartment d :
        city.departments() == null ? List.<DemoCity.DemoDepartment>of() : city.departments()) {
      List<String> codes =
          rows.stream()
              .filter(r -> d.groups().contains(r.group()))
              .map(CategoryCsv.Row::code)
              .toList();
      catalogue.saveDepartment(d.code(), d.name(), d.email(), codes, "demo-seed");
      if (d.members() != null && !d.members().isEmpty()) {
        departmentStaff.replaceMembers(d.code(), d.members(), "demo-seed");
      }
      for (String code : codes) {
        catalogue.setServiceLevel(
            code, d.slaHours() * 60, "business".equals(d.basis()), "normal", "demo-seed");
      }
    }
    for (DemoCity.DemoArticle a :
        city.knowledge() == null ? List.<DemoCity.DemoArticle>of() : city.knowledge()) {
      knowledge.write(
          a.slug(), a.topic(), a.title(), a.body(), a.keywords(), a.locale(), "demo-seed");
    }
    if (city.phone() != null) {
      phoneLines.set(profile, city.phone(), "demo-seed");
    }
    if (city.categoryTexts() != null) {
      city.categoryTexts()
          .forEach(
              (code, t) ->
                  catalogue.describe(
                      code, t.names(), t.descriptions(), t.groups(), t.area(), "demo-seed"));
    }
    samples.file(
        city.sampleRequests(),
        new SampleRequests.Around(city.centre().lat(), city.centre().lon()),
        city.slug(),
        // every fifth is the demo resident's, so their "my requests" has something to show
        city.slug() + "-resident@example.org");
  }

  static List<DemoCity> cities() {
    try (InputStream in = resource("demo/cities.json");
        Jsonb jsonb = JsonbBuilder.create()) {
      return jsonb.fromJson(in, listOf(DemoCity.class));
    } catch (Exception e) {
      throw new IllegalStateException("demo/cities.json cannot be read", e);
    }
  }

  static List<CategoryCsv.Row> categories(String slug) {
    try (Reader reader =
        new InputStreamReader(
            resource("demo/" + slug + "/categories.csv"), StandardCharsets.UTF_8)) {
      return CategoryCsv.read(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("demo/" + slug + "/categories.csv", e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = DemoSeeder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is not on the class path");
    }
    return in;
  }

  private static Type listOf(Class<?> element) {
    return new ParameterizedType() {
      @Override
      public Type[] getActualTypeArguments() {
        return new Type[] {element};
      }

      @Override
      public Type getRawType() {
        return List.class;
      }

      @Override
      public Type getOwnerType() {
        return null;
      }
    };
  }
}
