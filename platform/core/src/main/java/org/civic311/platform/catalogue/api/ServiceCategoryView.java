package org.civic311.platform.catalogue.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.civic311.platform.catalogue.application.AttributeDefinition;
import org.civic311.platform.catalogue.application.CategorySummary;

/**
 * A category as the public sees it; {@code group} is the main one of its {@code groups}. One
 * category's answer also carries its {@code attributes} (the questions of its service definition).
 */
@JsonbPropertyOrder({
  "code",
  "name",
  "group",
  "groups",
  "keywords",
  "description",
  "limited_area",
  "attributes"
})
public record ServiceCategoryView(
    String code,
    String name,
    String group,
    List<String> groups,
    List<String> keywords,
    String description,
    @jakarta.json.bind.annotation.JsonbProperty("limited_area") boolean limitedArea,
    List<AttributeDefinition> attributes) {
  /** In a list: without the questions (one category's answer carries them). */
  static ServiceCategoryView of(CategorySummary c) {
    return new ServiceCategoryView(
        c.code(),
        c.name(),
        c.group(),
        c.groups(),
        c.keywords(),
        c.description(),
        c.area() != null,
        null);
  }

  /** One category with its service definition: the questions it asks, in their order. */
  static ServiceCategoryView withQuestions(CategorySummary c) {
    return new ServiceCategoryView(
        c.code(),
        c.name(),
        c.group(),
        c.groups(),
        c.keywords(),
        c.description(),
        c.area() != null,
        c.attributes() == null ? List.of() : c.attributes());
  }
}
