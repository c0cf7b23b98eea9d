package org.civic311.platform.catalogue.application;

import java.util.List;
import org.civic311.platform.catalogue.domain.ServiceCategory;

/** A category as other contexts and the edge see it. */
public record CategorySummary(
    String id,
    String code,
    String name,
    String group,
    List<String> keywords,
    String description,
    boolean active) {
  static CategorySummary of(ServiceCategory c) {
    return new CategorySummary(
        c.id().value().toString(),
        c.code(),
        c.name(),
        c.group(),
        List.copyOf(c.keywords()),
        c.description(),
        c.isActive());
  }
}
