package org.civic311.platform.catalogue.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.civic311.platform.shared.domain.TenantOwned;

/**
 * One kind of thing a city's residents can ask for (Open311's "service"): a pothole, a missed
 * garbage cart, a property tax enquiry. Owned by one city.
 *
 * <p>Guarantees: the code is a stable lowercase machine code, unique within the city; the name is
 * present; keywords are lowercase and trimmed. A category is never deleted once requests refer to
 * it; {@link #deactivate()} keeps it as a tombstone.
 */
@Entity
@Table(name = "service_category")
public class ServiceCategory extends TenantOwned {
  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(?:[-_.][a-z0-9]+)*");

  @Id private UUID id;

  @Column(nullable = false)
  private String code;

  @Column(nullable = false)
  private String name;

  /** The groups it is listed under, ';'-separated; the first is its main group (Open311's). */
  @Column(nullable = false)
  private String groups = "";

  @Column(nullable = false)
  private String keywords;

  private String description;

  @Column(nullable = false)
  private boolean active;

  // A String: EclipseLink 4.0.7's UUID converter fails on a NULL column value.
  @Column(name = "department_id")
  private String departmentId;

  @Column(name = "sla_minutes")
  private Integer slaMinutes;

  @Column(name = "sla_business_hours", nullable = false)
  private boolean slaBusinessHours = true;

  @Column(nullable = false)
  private String priority = "normal";

  /** The service definition's attributes, as JSON (the catalogue service reads and checks it). */
  @Column(nullable = false)
  private String attributes = "[]";

  @Column(name = "staff_only", nullable = false)
  private boolean staffOnly;

  @Column(name = "updated_at", nullable = false)
  private java.time.OffsetDateTime updatedAt =
      java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);

  @Column(name = "imported_at")
  private java.time.OffsetDateTime importedAt;

  /** Names in other languages than the city's first, as a JSON object (language → name). */
  @Column(nullable = false)
  private String names = "{}";

  /** Descriptions in other languages, as a JSON object (language → description). */
  @Column(nullable = false)
  private String descriptions = "{}";

  /** Where it is offered (GeoJSON), or null for everywhere. */
  private String area;

  protected ServiceCategory() {}

  public static ServiceCategory define(
      String code, String name, List<String> groups, List<String> keywords, String description) {
    ServiceCategory category = new ServiceCategory();
    category.id = UUID.randomUUID();
    if (code != null && !code.equals(code.strip())) {
      throw new IllegalArgumentException("code: '" + code + "' must not begin or end with spaces");
    }
    category.code = require("code", code, 60);
    if (!CODE.matcher(category.code).matches()) {
      throw new IllegalArgumentException(
          "code: '" + code + "' must be lowercase letters, digits and - _ .");
    }
    category.name = require("name", name, 120);
    List<String> listed = new java.util.ArrayList<>();
    for (String g : groups == null ? List.<String>of() : groups) {
      if (g != null && !g.isBlank()) {
        String group = require("groups", g, 80);
        if (group.contains(";")) {
          throw new IllegalArgumentException("groups: '" + group + "' must not contain ';'");
        }
        if (!listed.contains(group)) {
          listed.add(group);
        }
      }
    }
    if (listed.size() > 10) {
      throw new IllegalArgumentException("groups: at most 10");
    }
    category.groups = String.join(";", listed);
    category.keywords =
        String.join(
            ";",
            keywords == null
                ? List.of()
                : keywords.stream()
                    .filter(java.util.Objects::nonNull)
                    .map(k -> k.strip().toLowerCase(Locale.ROOT))
                    .filter(k -> !k.isEmpty())
                    .distinct()
                    .toList());
    category.description =
        description == null || description.isBlank()
            ? null
            : require("description", description, 2000);
    category.active = true;
    return category;
  }

  public ServiceCategoryId id() {
    return new ServiceCategoryId(id);
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  /** Its main group (the first), or null. */
  public String group() {
    return groups.isEmpty() ? null : groups().get(0);
  }

  /** Every group it is listed under, the main one first. */
  public List<String> groups() {
    return groups.isEmpty() ? List.of() : Arrays.asList(groups.split(";"));
  }

  /** Its names in other languages (language tag → name). */
  public java.util.Map<String, String> names() {
    return Translations.read(names);
  }

  /** Its descriptions in other languages (language tag → description). */
  public java.util.Map<String, String> descriptions() {
    return Translations.read(descriptions);
  }

  /** Where it is offered, if only in part of the city. */
  public java.util.Optional<ServiceArea> area() {
    return java.util.Optional.ofNullable(area).map(ServiceArea::of);
  }

  /** Whether it is offered at the point: everywhere without an area, else inside it. */
  public boolean offeredAt(double latitude, double longitude) {
    return area().map(a -> a.covers(latitude, longitude)).orElse(true);
  }

  /**
   * Sets its names and descriptions in other languages, and its area (null: the whole city).
   *
   * @throws IllegalArgumentException naming the field ({@code names.fr}, {@code area}, ...)
   */
  public void localise(
      java.util.Map<String, String> newNames,
      java.util.Map<String, String> newDescriptions,
      ServiceArea newArea) {
    names = Translations.write("names", newNames, 120);
    descriptions = Translations.write("descriptions", newDescriptions, 2000);
    area = newArea == null ? null : newArea.geoJson();
  }

  public List<String> keywords() {
    return keywords.isEmpty() ? List.of() : Arrays.asList(keywords.split(";"));
  }

  public String description() {
    return description;
  }

  public boolean isActive() {
    return active;
  }

  public void rename(String newName) {
    name = require("name", newName, 120);
  }

  /** Routes this category's requests to {@code department} (null: to nobody in particular). */
  public void routeTo(Department department) {
    departmentId = department == null ? null : department.id().toString();
  }

  /**
   * Sets the service level: a target in minutes (null: none) counted in business hours or calendar
   * time, and a priority ({@code low}, {@code normal}, {@code high}, {@code urgent}).
   *
   * @throws IllegalArgumentException naming the field
   */
  public void setServiceLevel(Integer minutes, boolean businessHours, String newPriority) {
    if (minutes != null && (minutes <= 0 || minutes > 525_600)) {
      throw new IllegalArgumentException("sla_hours: must be more than 0 and at most a year");
    }
    String p = newPriority == null ? "normal" : newPriority.strip().toLowerCase(Locale.ROOT);
    if (!List.of("low", "normal", "high", "urgent").contains(p)) {
      throw new IllegalArgumentException(
          "priority: '" + newPriority + "' is not one of low, normal, high, urgent");
    }
    slaMinutes = minutes;
    slaBusinessHours = businessHours;
    priority = p;
  }

  public java.util.Optional<UUID> departmentId() {
    return java.util.Optional.ofNullable(departmentId).map(UUID::fromString);
  }

  public java.util.Optional<Integer> slaMinutes() {
    return java.util.Optional.ofNullable(slaMinutes);
  }

  public boolean slaBusinessHours() {
    return slaBusinessHours;
  }

  public String priority() {
    return priority;
  }

  /**
   * Replaces what the public sees and what is asked: name, group, keywords, description, whether
   * the category is offered (inactive categories stay as tombstones for the requests that refer to
   * them), whether it is for staff only, and the attributes (JSON, already checked).
   *
   * @throws IllegalArgumentException naming the field
   */
  public void revise(
      String newName,
      List<String> newGroups,
      List<String> newKeywords,
      String newDescription,
      boolean isActive,
      boolean isStaffOnly,
      String attributesJson,
      java.time.Clock clock) {
    ServiceCategory checked = define(code, newName, newGroups, newKeywords, newDescription);
    name = checked.name;
    groups = checked.groups;
    keywords = checked.keywords;
    description = checked.description;
    active = isActive;
    staffOnly = isStaffOnly;
    attributes = attributesJson == null ? "[]" : attributesJson;
    updatedAt = java.time.OffsetDateTime.now(clock).withOffsetSameInstant(java.time.ZoneOffset.UTC);
  }

  /** Marks the current state as written by an import (so later edits count as local). */
  public void markImported() {
    importedAt = updatedAt;
  }

  /** Whether it was changed by hand after the last import (or was never imported). */
  public boolean editedSinceImport() {
    return importedAt == null || updatedAt.isAfter(importedAt);
  }

  public String attributesJson() {
    return attributes;
  }

  public boolean staffOnly() {
    return staffOnly;
  }

  public java.time.OffsetDateTime updatedAt() {
    return updatedAt;
  }

  public void deactivate() {
    active = false;
  }

  private static String require(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": is required");
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw new IllegalArgumentException(field + ": at most " + max + " characters");
    }
    return stripped;
  }
}
