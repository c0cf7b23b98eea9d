package org.civic311.platform.catalogue.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civic311.platform.catalogue.domain.Department;
import org.civic311.platform.catalogue.domain.DepartmentRepository;
import org.civic311.platform.catalogue.domain.ServiceArea;
import org.civic311.platform.catalogue.domain.ServiceAttribute;
import org.civic311.platform.catalogue.domain.ServiceCategory;
import org.civic311.platform.catalogue.domain.ServiceCategoryId;
import org.civic311.platform.catalogue.domain.ServiceCategoryRepository;
import org.civic311.platform.shared.application.AuditLog;
import org.civic311.platform.shared.application.CityCache;
import org.civic311.platform.shared.application.RuleViolations;
import org.civic311.platform.shared.application.TenantTransactional;

/** The current city's category catalogue and the departments its categories route to. */
@ApplicationScoped
public class CatalogueService {
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject ServiceCategoryRepository categories;
  @Inject DepartmentRepository departments;
  @Inject AuditLog audit;
  @Inject java.time.Clock clock;
  @Inject CityCache cache;

  @TenantTransactional
  public List<CategorySummary> activeCategories() {
    Map<UUID, Department> byId = departmentsById();
    return categories.active().stream().map(c -> CategorySummary.of(c, byId)).toList();
  }

  /** Every category, inactive tombstones included: what existing requests refer to. */
  @TenantTransactional
  public List<CategorySummary> allCategories() {
    Map<UUID, Department> byId = departmentsById();
    return categories.all().stream().map(c -> CategorySummary.of(c, byId)).toList();
  }

  /**
   * One category by its id (tombstones included): what a request refers to. From the city's cache
   * while its configuration is unchanged (ADR 0022).
   */
  @TenantTransactional
  public Optional<CategorySummary> byId(String id) {
    UUID key;
    try {
      key = UUID.fromString(id);
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
    return cache.get(
        "category-id",
        key.toString(),
        () ->
            categories
                .find(new ServiceCategoryId(key))
                .map(c -> CategorySummary.of(c, departmentOf(c))));
  }

  /** One category by its code, from the city's cache while its configuration is unchanged. */
  @TenantTransactional
  public Optional<CategorySummary> byCode(String code) {
    return cache.get(
        "category-code",
        code,
        () -> categories.findByCode(code).map(c -> CategorySummary.of(c, departmentOf(c))));
  }

  /**
   * Adds a category to the current city.
   *
   * @throws IllegalArgumentException naming the invalid field, or a code the city already uses
   */
  @TenantTransactional
  public CategorySummary define(
      String code, String name, List<String> groups, List<String> keywords, String description) {
    if (categories.findByCode(code).isPresent()) {
      throw new IllegalArgumentException(
          "code: '" + code + "' is already in this city's catalogue");
    }
    ServiceCategory category = ServiceCategory.define(code, name, groups, keywords, description);
    categories.add(category);
    return CategorySummary.of(category, Map.of());
  }

  /** The categories offered to the public: active and not for staff only. */
  @TenantTransactional
  public List<CategorySummary> publicCategories() {
    return activeCategories().stream().filter(c -> !c.staffOnly()).toList();
  }

  /**
   * The categories offered to the public at a point (with no point: everywhere), their name and
   * description in {@code language} where they have one.
   *
   * @throws IllegalArgumentException ({@code lat}, {@code long}) for half a point or one out of
   *     range
   */
  @TenantTransactional
  public List<CategorySummary> publicCategories(
      java.math.BigDecimal latitude, java.math.BigDecimal longitude, String language) {
    if ((latitude == null) != (longitude == null)) {
      throw new IllegalArgumentException(
          latitude == null ? "lat: must be given with long" : "long: must be given with lat");
    }
    if (latitude != null && latitude.abs().compareTo(java.math.BigDecimal.valueOf(90)) > 0) {
      throw new IllegalArgumentException("lat: must be between -90 and 90");
    }
    if (longitude != null && longitude.abs().compareTo(java.math.BigDecimal.valueOf(180)) > 0) {
      throw new IllegalArgumentException("long: must be between -180 and 180");
    }
    return publicCategories().stream()
        .filter(
            c -> latitude == null || c.offeredAt(latitude.doubleValue(), longitude.doubleValue()))
        .map(c -> c.in(language))
        .toList();
  }

  /** When the catalogue last changed (Open311 discovery's changeset), if it has categories. */
  @TenantTransactional
  public Optional<java.time.OffsetDateTime> changedAt() {
    return categories.all().stream()
        .map(ServiceCategory::updatedAt)
        .max(java.time.OffsetDateTime::compareTo);
  }

  /**
   * Creates or revises the category {@code code}: what the public sees, whether it is offered, and
   * its service definition. A category is never deleted: an inactive one stays for the requests
   * that refer to it. Audited.
   *
   * @throws IllegalArgumentException naming the field or attribute; nothing is stored then
   */
  @TenantTransactional
  public CategorySummary saveCategory(String code, CategoryDefinition definition, String actor) {
    return saveCategory(code, definition, actor, false);
  }

  /**
   * {@link #saveCategory(String, CategoryDefinition, String)}, creating only when {@code
   * createOnly}: a code the city already has is then refused ({@link CategoryCodeTaken}), checked
   * in the same transaction as the write (two creations racing end in the unique key's conflict).
   */
  @TenantTransactional
  public CategorySummary saveCategory(
      String code, CategoryDefinition definition, String actor, boolean createOnly) {
    if (createOnly && categories.findByCode(code).isPresent()) {
      throw new CategoryCodeTaken(code);
    }
    if (definition == null) {
      throw new IllegalArgumentException("name: a category definition is required");
    }
    List<ServiceAttribute> attributes = AttributeDefinition.check(definition.attributes());
    ServiceArea area =
        definition.area() == null ? null : ServiceArea.of(definition.area().toString());
    Map<UUID, Department> byId = departmentsById();
    Optional<ServiceCategory> existing = categories.findByCode(code);
    String before = existing.map(c -> JSON.toJson(CategorySummary.of(c, byId))).orElse(null);
    ServiceCategory category;
    if (existing.isPresent()) {
      category = existing.get();
    } else {
      category =
          ServiceCategory.define(
              code,
              definition.name(),
              definition.allGroups(),
              definition.keywords(),
              definition.description());
      categories.add(category);
    }
    category.localise(definition.names(), definition.descriptions(), area);
    category.revise(
        definition.name(),
        definition.allGroups(),
        definition.keywords(),
        definition.description(),
        !Boolean.FALSE.equals(definition.active()),
        Boolean.TRUE.equals(definition.staffOnly()),
        AttributeDefinition.toJson(attributes),
        clock);
    CategorySummary after = CategorySummary.of(category, byId);
    audit.record("category:" + code, actor, before, JSON.toJson(after));
    return after;
  }

  /**
   * Sets a category's names and descriptions in other languages, its groups (null: kept) and its
   * service area (null: the whole city), keeping the rest of it. Audited.
   *
   * @throws IllegalArgumentException naming the field; an unknown code names {@code code}
   */
  @TenantTransactional
  public CategorySummary describe(
      String code,
      Map<String, String> names,
      Map<String, String> descriptions,
      List<String> groups,
      jakarta.json.JsonObject area,
      String actor) {
    ServiceCategory c =
        categories
            .findByCode(code)
            .orElseThrow(
                () -> new IllegalArgumentException("code: '" + code + "' is not in the catalogue"));
    Map<UUID, Department> byId = departmentsById();
    String before = JSON.toJson(CategorySummary.of(c, byId));
    c.localise(names, descriptions, area == null ? null : ServiceArea.of(area.toString()));
    c.revise(
        c.name(),
        groups == null ? c.groups() : groups,
        c.keywords(),
        c.description(),
        c.isActive(),
        c.staffOnly(),
        c.attributesJson(),
        clock);
    CategorySummary after = CategorySummary.of(c, byId);
    audit.record("category:" + code, actor, before, JSON.toJson(after));
    return after;
  }

  /**
   * Checks the answers given for {@code code}'s attributes (attribute code → values).
   *
   * @throws IllegalArgumentException ({@code attribute[code]: ...}) for the first wrong or missing
   *     answer, or an attribute the category does not ask
   */
  @TenantTransactional
  public void checkAnswers(String code, Map<String, List<String>> answers) {
    check(
        categories
            .findByCode(code)
            .map(c -> AttributeDefinition.fromJson(c.attributesJson()))
            .orElse(List.of()),
        answers);
  }

  /**
   * Checks the answers given for {@code category}'s attributes, as {@link #checkAnswers(String,
   * Map)} does, without reading the catalogue again.
   */
  public static void checkAnswers(CategorySummary category, Map<String, List<String>> answers) {
    check(AttributeDefinition.check(category.attributes()), answers);
  }

  private static void check(List<ServiceAttribute> asked, Map<String, List<String>> answers) {
    Map<String, List<String>> given = answers == null ? Map.of() : answers;
    List<RuleViolations.Violation> wrong = new java.util.ArrayList<>();
    for (String name : new java.util.TreeSet<>(given.keySet())) {
      if (asked.stream().noneMatch(a -> a.code().equals(name))) {
        wrong.add(
            new RuleViolations.Violation(
                "attribute[" + name + "]", "this service has no such attribute"));
      }
    }
    for (ServiceAttribute a : asked) {
      a.check(given.get(a.code()))
          .ifPresent(
              problem ->
                  wrong.add(new RuleViolations.Violation("attribute[" + a.code() + "]", problem)));
    }
    RuleViolations.throwIfAny(wrong); // every wrong answer at once, so all can be put right
  }

  /**
   * Imports {@code rows} into the current city's catalogue, all or nothing: every row is checked
   * first, and one wrong row refuses the file (each wrong row named by its line). New codes are
   * created; existing ones are updated unless edited by hand since the last import (then kept and
   * reported, unless {@code overwriteLocalEdits}); categories the file does not mention are left as
   * they are. Their attributes, departments and service levels are kept. Audited.
   *
   * @throws CatalogueImportException listing every wrong row
   */
  @TenantTransactional
  public CatalogueImport.Report importRows(
      List<CatalogueImport.Row> rows, boolean overwriteLocalEdits, String actor) {
    List<String> problems = problemsOf(rows);
    if (!problems.isEmpty()) {
      throw new CatalogueImportException(problems);
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    rows.forEach(r -> seen.add(r.code()));
    List<String> created = new java.util.ArrayList<>();
    List<String> updated = new java.util.ArrayList<>();
    List<String> unchanged = new java.util.ArrayList<>();
    List<String> kept = new java.util.ArrayList<>();
    Map<String, ServiceCategory> existing =
        categories.all().stream().collect(Collectors.toMap(ServiceCategory::code, c -> c));
    for (CatalogueImport.Row row : rows) {
      ServiceCategory category = existing.get(row.code());
      if (category == null) {
        category =
            ServiceCategory.define(
                row.code(), row.name(), row.groups(), row.keywords(), row.description());
        categories.add(category);
        revise(category, row);
        created.add(row.code());
      } else if (same(category, row)) {
        unchanged.add(row.code());
        continue;
      } else if (category.editedSinceImport() && !overwriteLocalEdits) {
        kept.add(row.code());
        continue;
      } else {
        revise(category, row);
        updated.add(row.code());
      }
      category.markImported();
    }
    int notInFile = (int) existing.keySet().stream().filter(code -> !seen.contains(code)).count();
    CatalogueImport.Report report =
        new CatalogueImport.Report(created, updated, unchanged, kept, notInFile);
    audit.record("catalogue-import", actor, null, JSON.toJson(report));
    return report;
  }

  /** What is wrong with each row of an import, as "line N: ..." (empty when nothing is). */
  public static List<String> problemsOf(List<CatalogueImport.Row> rows) {
    List<String> problems = new java.util.ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (CatalogueImport.Row row : rows) {
      try {
        ServiceCategory.define(
                row.code(), row.name(), row.groups(), row.keywords(), row.description())
            .localise(row.names(), row.descriptions(), null);
        if (!seen.add(row.code())) {
          problems.add("line " + row.line() + ": code '" + row.code() + "' appears twice");
        }
      } catch (IllegalArgumentException e) {
        problems.add("line " + row.line() + ": " + e.getMessage());
      }
    }
    if (rows.isEmpty()) {
      problems.add("line 2: the file has no categories");
    }
    return problems;
  }

  /** The row's values, with the category's own where the file has no such column. */
  private static CatalogueImport.Row filled(ServiceCategory c, CatalogueImport.Row row) {
    return new CatalogueImport.Row(
        row.line(),
        row.code(),
        row.name(),
        row.groups() != null ? row.groups() : c.groups(),
        row.keywords() != null ? row.keywords() : c.keywords(),
        row.description() != null ? row.description() : c.description(),
        row.active() != null ? row.active() : c.isActive(),
        row.staffOnly() != null ? row.staffOnly() : c.staffOnly(),
        merged(c.names(), row.names()),
        merged(c.descriptions(), row.descriptions()));
  }

  /** The category's texts with the file's languages laid over them (blank: removed). */
  private static Map<String, String> merged(Map<String, String> own, Map<String, String> given) {
    Map<String, String> texts = new java.util.TreeMap<>(own);
    if (given != null) {
      given.forEach(
          (language, text) -> {
            if (text == null || text.isBlank()) {
              texts.remove(language);
            } else {
              texts.put(language, text.strip());
            }
          });
    }
    return texts;
  }

  private void revise(ServiceCategory c, CatalogueImport.Row given) {
    CatalogueImport.Row row = filled(c, given);
    c.localise(row.names(), row.descriptions(), c.area().orElse(null));
    c.revise(
        row.name(),
        row.groups(),
        row.keywords(),
        row.description(),
        row.active(),
        row.staffOnly(),
        c.attributesJson(),
        clock);
  }

  private static boolean same(ServiceCategory c, CatalogueImport.Row given) {
    CatalogueImport.Row row = filled(c, given);
    ServiceCategory incoming =
        ServiceCategory.define(
            row.code(), row.name(), row.groups(), row.keywords(), row.description());
    return java.util.Objects.equals(c.name(), incoming.name())
        && c.groups().equals(incoming.groups())
        && c.keywords().equals(incoming.keywords())
        && java.util.Objects.equals(c.description(), incoming.description())
        && c.isActive() == row.active()
        && c.staffOnly() == row.staffOnly()
        && c.names().equals(row.names())
        && c.descriptions().equals(row.descriptions());
  }

  /**
   * One department of the city by its code, with the categories routed to it: two small reads,
   * where {@link #departments()} reads the whole catalogue (hundreds of categories in a large
   * city). What the per-request paths (notifications, dispatch, assignment) use.
   */
  @TenantTransactional
  public Optional<DepartmentSummary> department(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return departments
        .findByCode(code)
        .map(
            d ->
                new DepartmentSummary(
                    d.code(), d.name(), d.email(), categories.codesRoutedTo(d.id())));
  }

  /** The city's departments with the categories routed to each. */
  @TenantTransactional
  public List<DepartmentSummary> departments() {
    List<ServiceCategory> all = categories.all();
    return departments.all().stream().map(d -> summary(d, all)).toList();
  }

  /**
   * Creates or updates the department {@code code} and routes exactly {@code categoryCodes} to it
   * (categories it had and no longer lists route to nobody in particular). Audited.
   *
   * @throws IllegalArgumentException naming the field, or the unknown category code
   */
  @TenantTransactional
  public DepartmentSummary saveDepartment(
      String code, String name, String email, List<String> categoryCodes, String actor) {
    List<ServiceCategory> all = categories.all();
    Optional<Department> existing = departments.findByCode(code);
    String before = existing.map(d -> JSON.toJson(summary(d, all))).orElse(null);
    Department department;
    if (existing.isPresent()) {
      department = existing.get();
      department.update(name, email);
    } else {
      department = Department.define(code, name, email);
      departments.add(department);
    }
    Set<String> wanted = new HashSet<>(categoryCodes == null ? List.of() : categoryCodes);
    Map<String, ServiceCategory> byCode =
        all.stream().collect(Collectors.toMap(ServiceCategory::code, Function.identity()));
    for (String wantedCode : wanted) {
      if (!byCode.containsKey(wantedCode)) {
        throw new IllegalArgumentException(
            "categories: '" + wantedCode + "' is not in this city's catalogue");
      }
    }
    for (ServiceCategory c : all) {
      boolean routedHere = c.departmentId().filter(department.id()::equals).isPresent();
      if (wanted.contains(c.code())) {
        c.routeTo(department);
      } else if (routedHere) {
        c.routeTo(null);
      }
    }
    DepartmentSummary after = summary(department, all);
    audit.record("department:" + code, actor, before, JSON.toJson(after));
    return after;
  }

  /**
   * Sets a category's service level and priority. Audited.
   *
   * @throws IllegalArgumentException naming the field; an unknown code names {@code code}
   */
  @TenantTransactional
  public CategorySummary setServiceLevel(
      String code, Integer minutes, boolean businessHours, String priority, String actor) {
    ServiceCategory category =
        categories
            .findByCode(code)
            .orElseThrow(
                () -> new IllegalArgumentException("code: '" + code + "' is not in the catalogue"));
    Map<UUID, Department> byId = departmentsById();
    String before = JSON.toJson(CategorySummary.of(category, byId));
    category.setServiceLevel(minutes, businessHours, priority);
    CategorySummary after = CategorySummary.of(category, byId);
    audit.record("category:" + code, actor, before, JSON.toJson(after));
    return after;
  }

  /** The department {@code category} is routed to, as {@link CategorySummary#of} takes it. */
  private Map<UUID, Department> departmentOf(ServiceCategory category) {
    return category
        .departmentId()
        .flatMap(departments::find)
        .map(d -> Map.of(d.id(), d))
        .orElse(Map.of());
  }

  private Map<UUID, Department> departmentsById() {
    return departments.all().stream().collect(Collectors.toMap(Department::id, d -> d));
  }

  private static DepartmentSummary summary(Department d, List<ServiceCategory> all) {
    return new DepartmentSummary(
        d.code(),
        d.name(),
        d.email(),
        all.stream()
            .filter(c -> c.departmentId().filter(d.id()::equals).isPresent())
            .map(ServiceCategory::code)
            .sorted()
            .toList());
  }
}
