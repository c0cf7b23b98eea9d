package org.civic311.platform.catalogue.application;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civic311.platform.catalogue.domain.ServiceAttribute;
import org.civic311.platform.shared.application.Rules;

/** One attribute of a service definition, as administrators write it and Open311 shows it. */
@JsonbPropertyOrder({
  "code",
  "datatype",
  "required",
  "variable",
  "order",
  "description",
  "datatypeDescription",
  "values"
})
public record AttributeDefinition(
    String code,
    String datatype,
    Boolean required,
    Boolean variable,
    Integer order,
    String description,
    @JsonbProperty("datatype_description") String datatypeDescription,
    List<Value> values) {

  private static final Jsonb JSON = JsonbBuilder.create();
  private static final Type LIST =
      new ArrayList<AttributeDefinition>() {}.getClass().getGenericSuperclass();

  /** An allowed value of a list. */
  @JsonbPropertyOrder({"key", "name"})
  public record Value(String key, String name) {}

  ServiceAttribute toDomain() {
    return new ServiceAttribute(
        code,
        datatype,
        Boolean.TRUE.equals(required),
        !Boolean.FALSE.equals(variable),
        order == null ? 0 : order,
        description,
        datatypeDescription,
        values == null
            ? List.of()
            : values.stream()
                .map(
                    v ->
                        v == null
                            ? new ServiceAttribute.Value(null, null)
                            : new ServiceAttribute.Value(v.key(), v.name()))
                .toList());
  }

  static AttributeDefinition of(ServiceAttribute a) {
    return new AttributeDefinition(
        a.code(),
        a.datatype(),
        a.required(),
        a.variable(),
        a.order(),
        a.description(),
        a.datatypeDescription(),
        a.values().isEmpty()
            ? null
            : a.values().stream().map(v -> new Value(v.key(), v.name())).toList());
  }

  /**
   * Checks a definition's attributes and puts them in their order.
   *
   * @throws IllegalArgumentException naming the attribute ({@code attributes[1].values: ...})
   */
  static List<ServiceAttribute> check(List<AttributeDefinition> definitions) {
    List<AttributeDefinition> given = definitions == null ? List.of() : definitions;
    if (given.size() > 50) {
      throw new IllegalArgumentException("attributes: at most 50");
    }
    List<ServiceAttribute> result = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      AttributeDefinition d = given.get(i);
      ServiceAttribute a =
          Rules.at(
              "attributes[" + i + "]",
              () -> {
                if (d == null) {
                  throw new IllegalArgumentException("is empty");
                }
                return d.toDomain();
              });
      if (!codes.add(a.code())) {
        throw new IllegalArgumentException(
            "attributes[" + i + "].code: '" + a.code() + "' is used twice");
      }
      result.add(a);
    }
    result.sort(Comparator.comparingInt(ServiceAttribute::order));
    return result;
  }

  static String toJson(List<ServiceAttribute> attributes) {
    return JSON.toJson(attributes.stream().map(AttributeDefinition::of).toList(), LIST);
  }

  static List<ServiceAttribute> fromJson(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    List<AttributeDefinition> list = JSON.fromJson(json, LIST);
    return list.stream().map(AttributeDefinition::toDomain).toList();
  }
}
