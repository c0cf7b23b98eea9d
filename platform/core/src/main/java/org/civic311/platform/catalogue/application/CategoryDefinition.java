package org.civic311.platform.catalogue.application;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** A category as a city administrator writes it (its code is in the address). */
public record CategoryDefinition(
    String name,
    String group,
    List<String> keywords,
    String description,
    Boolean active,
    @JsonbProperty("staff_only") Boolean staffOnly,
    List<AttributeDefinition> attributes) {}
