package org.civic311.platform.catalogue.application;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** A department with the codes of the categories routed to it. */
@JsonbPropertyOrder({"code", "name", "email", "categories"})
public record DepartmentSummary(String code, String name, String email, List<String> categories) {}
