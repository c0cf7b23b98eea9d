package org.civic311.platform.catalogue.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.civic311.platform.catalogue.application.CategorySummary;

/** A category as the public sees it; {@code group} is the main one of its {@code groups}. */
@JsonbPropertyOrder({"code", "name", "group", "groups", "keywords", "description", "limited_area"})
public record ServiceCategoryView(
    String code,
    String name,
    String group,
    List<String> groups,
    List<String> keywords,
    String description,
    @jakarta.json.bind.annotation.JsonbProperty("limited_area") boolean limitedArea) {
  static ServiceCategoryView of(CategorySummary c) {
    return new ServiceCategoryView(
        c.code(), c.name(), c.group(), c.groups(), c.keywords(), c.description(), c.area() != null);
  }
}
