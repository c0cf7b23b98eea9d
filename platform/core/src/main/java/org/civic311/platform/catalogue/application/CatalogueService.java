package org.civic311.platform.catalogue.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.civic311.platform.catalogue.domain.ServiceCategory;
import org.civic311.platform.catalogue.domain.ServiceCategoryId;
import org.civic311.platform.catalogue.domain.ServiceCategoryRepository;
import org.civic311.platform.shared.application.TenantTransactional;

/** The current city's category catalogue. */
@ApplicationScoped
public class CatalogueService {
  @Inject ServiceCategoryRepository categories;

  @TenantTransactional
  public List<CategorySummary> activeCategories() {
    return categories.active().stream().map(CategorySummary::of).toList();
  }

  /** Every category, inactive tombstones included: what existing requests refer to. */
  @TenantTransactional
  public List<CategorySummary> allCategories() {
    return categories.all().stream().map(CategorySummary::of).toList();
  }

  /** One category by its id (tombstones included): what a request refers to. */
  @TenantTransactional
  public Optional<CategorySummary> byId(String id) {
    try {
      return categories
          .find(new ServiceCategoryId(java.util.UUID.fromString(id)))
          .map(CategorySummary::of);
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  @TenantTransactional
  public Optional<CategorySummary> byCode(String code) {
    return categories.findByCode(code).map(CategorySummary::of);
  }

  /**
   * Adds a category to the current city.
   *
   * @throws IllegalArgumentException naming the invalid field, or a code the city already uses
   */
  @TenantTransactional
  public CategorySummary define(
      String code, String name, String group, List<String> keywords, String description) {
    if (categories.findByCode(code).isPresent()) {
      throw new IllegalArgumentException(
          "code: '" + code + "' is already in this city's catalogue");
    }
    ServiceCategory category = ServiceCategory.define(code, name, group, keywords, description);
    categories.add(category);
    return CategorySummary.of(category);
  }
}
