package org.civic311.platform.catalogue.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.civic311.platform.catalogue.application.CategorySummary;

@JsonbPropertyOrder({"code", "name", "group", "keywords", "description"})
public record ServiceCategoryView(
    String code, String name, String group, List<String> keywords, String description) {
  static ServiceCategoryView of(CategorySummary c) {
    return new ServiceCategoryView(c.code(), c.name(), c.group(), c.keywords(), c.description());
  }
}
