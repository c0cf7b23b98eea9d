package org.civic311.platform.catalogue.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One question of a category's service definition (Open311's attribute): what is asked, in which
 * datatype, whether an answer is required, and for lists the allowed values. Answers are checked
 * against it; a wrong answer names the attribute.
 */
public record ServiceAttribute(
    String code,
    String datatype,
    boolean required,
    boolean variable,
    int order,
    String description,
    String datatypeDescription,
    List<Value> values) {

  public static final List<String> DATATYPES =
      List.of("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist");
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,60}");

  /** One allowed value of a list: its key (what is sent) and its name (what is shown). */
  public record Value(String key, String name) {
    public Value {
      if (key == null
          || key.isBlank()
          || key.length() > 60
          || name == null
          || name.isBlank()
          || name.length() > 200) {
        throw new IllegalArgumentException("values: each needs a key and a name");
      }
    }
  }

  public ServiceAttribute {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("code: '" + code + "' must be letters, digits, - or _");
    }
    if (!DATATYPES.contains(datatype)) {
      throw new IllegalArgumentException("datatype: '" + datatype + "' is not one of " + DATATYPES);
    }
    if (description == null || description.isBlank() || description.length() > 500) {
      throw new IllegalArgumentException("description: the question is required (at most 500)");
    }
    values = List.copyOf(values == null ? List.of() : values);
    boolean list = datatype.endsWith("valuelist");
    if (list && values.isEmpty()) {
      throw new IllegalArgumentException("values: a " + datatype + " needs its values");
    }
    if (!list && !values.isEmpty()) {
      throw new IllegalArgumentException("values: only lists have values");
    }
    Set<String> keys = new HashSet<>();
    for (Value v : values) {
      if (!keys.add(v.key())) {
        throw new IllegalArgumentException("values: the key '" + v.key() + "' is listed twice");
      }
    }
    if (order < 0 || order > 1000) {
      throw new IllegalArgumentException("order: must be between 0 and 1000");
    }
  }

  /**
   * Checks the answer given for this attribute (empty list: none).
   *
   * @return a message saying what is wrong, or empty when the answer is acceptable
   */
  public Optional<String> check(List<String> answers) {
    List<String> given =
        answers == null
            ? List.of()
            : answers.stream().filter(a -> a != null && !a.isBlank()).toList();
    if (given.isEmpty()) {
      return required && variable ? Optional.of("is required") : Optional.empty();
    }
    if (!datatype.equals("multivaluelist") && given.size() > 1) {
      return Optional.of("takes one value");
    }
    String first = given.get(0).strip();
    switch (datatype) {
      case "number":
        try {
          new BigDecimal(first);
        } catch (NumberFormatException e) {
          return Optional.of("'" + first + "' is not a number");
        }
        break;
      case "datetime":
        try {
          OffsetDateTime.parse(first);
        } catch (DateTimeParseException e) {
          return Optional.of("'" + first + "' is not a date-time like 2026-11-25T10:00:00-07:00");
        }
        break;
      case "string":
        if (first.length() > 255) {
          return Optional.of("at most 255 characters");
        }
        break;
      case "text":
        if (first.length() > 4000) {
          return Optional.of("at most 4000 characters");
        }
        break;
      default:
        Set<String> keys = new HashSet<>();
        values.forEach(v -> keys.add(v.key()));
        for (String g : given) {
          if (!keys.contains(g.strip())) {
            return Optional.of("'" + g + "' is not one of " + keys.stream().sorted().toList());
          }
        }
    }
    return Optional.empty();
  }
}
