package org.civic311.admin.provider.onboarding;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.InputStream;
import java.util.List;
import org.civic311.platform.catalogue.application.AttributeDefinition;
import org.civic311.platform.catalogue.application.CategoryDefinition;

/**
 * The standard starting catalogue ({@value #RESOURCE}): data, not code, so it is reviewed and
 * changed like any other text and every city gets the same rows.
 */
public record StandardCatalogue(String name, Integer version, List<Category> categories) {
  static final String RESOURCE = "templates/standard-catalogue.json";

  /** One category of the template with its service-level target. */
  public record Category(
      String code,
      String name,
      String group,
      List<String> keywords,
      String description,
      @JsonbProperty("sla_hours") Integer slaHours,
      @JsonbProperty("business_hours") Boolean businessHours,
      String priority,
      List<AttributeDefinition> attributes) {

    CategoryDefinition definition() {
      return new CategoryDefinition(
          name, group, null, keywords, description, true, false, attributes, null, null, null);
    }
  }

  /** Reads the template from the class path. */
  public static StandardCatalogue load() {
    try (InputStream in = StandardCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE);
        Jsonb jsonb = JsonbBuilder.create()) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      return jsonb.fromJson(in, StandardCatalogue.class);
    } catch (IllegalStateException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(RESOURCE + " cannot be read", e);
    }
  }
}
