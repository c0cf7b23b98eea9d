package org.civic311.platform.catalogue.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic311.platform.catalogue.domain.Department;
import org.civic311.platform.catalogue.domain.ServiceCategory;

/** A category as other contexts and the edge see it. */
public record CategorySummary(
    String id,
    String code,
    String name,
    String group,
    List<String> keywords,
    String description,
    boolean active,
    String departmentCode,
    String departmentName,
    Integer slaMinutes,
    boolean slaBusinessHours,
    String priority,
    boolean staffOnly,
    List<AttributeDefinition> attributes,
    java.time.OffsetDateTime updatedAt) {
  static CategorySummary of(ServiceCategory c, Map<UUID, Department> departments) {
    Department d = c.departmentId().map(departments::get).orElse(null);
    return new CategorySummary(
        c.id().value().toString(),
        c.code(),
        c.name(),
        c.group(),
        List.copyOf(c.keywords()),
        c.description(),
        c.isActive(),
        d == null ? null : d.code(),
        d == null ? null : d.name(),
        c.slaMinutes().orElse(null),
        c.slaBusinessHours(),
        c.priority(),
        c.staffOnly(),
        AttributeDefinition.fromJson(c.attributesJson()).stream()
            .map(AttributeDefinition::of)
            .toList(),
        c.updatedAt());
  }
}
