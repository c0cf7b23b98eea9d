package org.civic311.platform.catalogue.application;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.Map;

/**
 * A category as a city administrator writes it (its code is in the address); the whole category, so
 * a field left out is cleared. {@code groups} lists its groups, the main one first ({@code group}
 * alone, for older clients, is its only group); {@code names} and {@code descriptions} map other
 * languages to their texts; {@code area} is a GeoJSON Polygon or MultiPolygon, or null for the
 * whole city.
 */
public record CategoryDefinition(
    String name,
    String group,
    List<String> groups,
    List<String> keywords,
    String description,
    Boolean active,
    @JsonbProperty("staff_only") Boolean staffOnly,
    List<AttributeDefinition> attributes,
    Map<String, String> names,
    Map<String, String> descriptions,
    JsonObject area) {

  /** Its groups: {@code groups}, or else {@code group} alone. */
  public List<String> allGroups() {
    if (groups != null) {
      return groups;
    }
    return group == null ? List.of() : List.of(group);
  }
}
