package org.civic311.platform.catalogue.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic311.platform.catalogue.domain.Department;
import org.civic311.platform.catalogue.domain.ServiceArea;
import org.civic311.platform.catalogue.domain.ServiceCategory;

/**
 * A category as other contexts and the edge see it. {@code name} and {@code description} are in the
 * city's first language; {@code names} and {@code descriptions} hold the other languages (see
 * {@link #in}). {@code area} is GeoJSON, null for the whole city.
 */
public record CategorySummary(
    String id,
    String code,
    String name,
    String group,
    List<String> groups,
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
    java.time.OffsetDateTime updatedAt,
    Map<String, String> names,
    Map<String, String> descriptions,
    String area) {
  static CategorySummary of(ServiceCategory c, Map<UUID, Department> departments) {
    Department d = c.departmentId().map(departments::get).orElse(null);
    return new CategorySummary(
        c.id().value().toString(),
        c.code(),
        c.name(),
        c.group(),
        List.copyOf(c.groups()),
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
        c.updatedAt(),
        Map.copyOf(c.names()),
        Map.copyOf(c.descriptions()),
        c.area().map(ServiceArea::geoJson).orElse(null));
  }

  /**
   * This category with its name and description in {@code language} (a tag such as {@code fr} or
   * {@code fr-CA}; a regional tag falls back to its language), where it has them; otherwise as it
   * is. Null or blank: as it is.
   */
  public CategorySummary in(String language) {
    if (language == null || language.isBlank()) {
      return this;
    }
    String tag = language.strip();
    String base = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
    String localName = names.getOrDefault(tag, names.get(base));
    String localDescription = descriptions.getOrDefault(tag, descriptions.get(base));
    if (localName == null && localDescription == null) {
      return this;
    }
    return new CategorySummary(
        id,
        code,
        localName == null ? name : localName,
        group,
        groups,
        keywords,
        localDescription == null ? description : localDescription,
        active,
        departmentCode,
        departmentName,
        slaMinutes,
        slaBusinessHours,
        priority,
        staffOnly,
        attributes,
        updatedAt,
        names,
        descriptions,
        area);
  }

  /** Whether it is offered at the point (WGS 84): everywhere without an area, else inside it. */
  public boolean offeredAt(double latitude, double longitude) {
    return area == null || ServiceArea.of(area).covers(latitude, longitude);
  }
}
