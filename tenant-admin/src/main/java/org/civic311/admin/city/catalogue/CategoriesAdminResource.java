package org.civic311.admin.city.catalogue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civic311.platform.catalogue.application.AttributeDefinition;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.catalogue.application.CategoryCodeTaken;
import org.civic311.platform.catalogue.application.CategoryDefinition;
import org.civic311.platform.catalogue.application.CategorySummary;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.api.Open311Wire;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;

/**
 * A city administrator's catalogue: every category (inactive tombstones included), created or
 * revised with its service definition (Open311 attributes), and each one's service level. A
 * category is never deleted; setting {@code active: false} withdraws it. Every change is audited
 * and moves the city's Open311 discovery changeset.
 */
@RequestScoped
@RolesAllowed(Roles.CITY_ADMIN)
@Path("api/v1/cities/{city}/admin/service-categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoriesAdminResource {
  /**
   * Looked up once: {@code Json}'s static methods look the provider up (a class-path scan) on every
   * call.
   */
  private static final jakarta.json.spi.JsonProvider JSON_PROVIDER =
      jakarta.json.spi.JsonProvider.provider();

  @Inject CatalogueService catalogue;
  @Context SecurityContext security;

  /** A category as the console shows it. */
  @JsonbPropertyOrder({
    "code",
    "name",
    "names",
    "group",
    "groups",
    "keywords",
    "description",
    "descriptions",
    "active",
    "staffOnly",
    "department",
    "area",
    "attributes",
    "updatedAt"
  })
  public record CategoryView(
      String code,
      String name,
      Map<String, String> names,
      String group,
      List<String> groups,
      List<String> keywords,
      String description,
      Map<String, String> descriptions,
      boolean active,
      @JsonbProperty("staff_only") boolean staffOnly,
      String department,
      JsonObject area,
      List<AttributeDefinition> attributes,
      @JsonbProperty("updated_at") String updatedAt) {
    static CategoryView of(CategorySummary c) {
      return new CategoryView(
          c.code(),
          c.name(),
          c.names(),
          c.group(),
          c.groups(),
          c.keywords(),
          c.description(),
          c.descriptions(),
          c.active(),
          c.staffOnly(),
          c.departmentCode(),
          c.area() == null
              ? null
              : JSON_PROVIDER.createReader(new StringReader(c.area())).readObject(),
          c.attributes(),
          Open311Wire.time(c.updatedAt()));
    }
  }

  /** A category's service level: a target in hours, counted in business or calendar hours. */
  public record ServiceLevelPayload(
      @JsonbProperty("sla_hours") BigDecimal slaHours, String basis, String priority) {}

  /** A category's routing and service level as the console shows it. */
  @jakarta.json.bind.annotation.JsonbPropertyOrder({
    "code",
    "department",
    "slaHours",
    "basis",
    "priority"
  })
  public record ServiceLevelView(
      String code,
      String department,
      @JsonbProperty("sla_hours") BigDecimal slaHours,
      String basis,
      String priority) {
    static ServiceLevelView of(CategorySummary c) {
      return new ServiceLevelView(
          c.code(),
          c.departmentCode(),
          c.slaMinutes() == null
              ? null
              : new BigDecimal(
                  BigDecimal.valueOf(c.slaMinutes())
                      .divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP)
                      .stripTrailingZeros()
                      .toPlainString()),
          c.slaBusinessHours() ? "business" : "calendar",
          c.priority());
    }
  }

  @GET
  public List<CategoryView> all() {
    return catalogue.allCategories().stream().map(CategoryView::of).toList();
  }

  @PUT
  @Path("{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  public CategoryView save(
      @PathParam("code") String code,
      @jakarta.ws.rs.HeaderParam("If-None-Match") String ifNoneMatch,
      @NotNull(message = "a JSON body is required") CategoryDefinition definition) {
    // "If-None-Match: *" creates only: a code the city already has is refused, never revised
    boolean createOnly = "*".equals(ifNoneMatch == null ? null : ifNoneMatch.strip());
    try {
      return CategoryView.of(catalogue.saveCategory(code, definition, actor(), createOnly));
    } catch (CategoryCodeTaken e) {
      ProblemException rule = ProblemException.fromRule(e);
      throw new ProblemException(
          jakarta.ws.rs.core.Response.Status.PRECONDITION_FAILED,
          rule.problem().detail(),
          rule.problem().errors());
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    }
  }

  @PUT
  @Path("{code}/service-level")
  @Consumes(MediaType.APPLICATION_JSON)
  public ServiceLevelView serviceLevel(
      @PathParam("code") String code,
      @NotNull(message = "a JSON body is required") ServiceLevelPayload payload) {
    String basis =
        payload.basis() == null ? "business" : payload.basis().strip().toLowerCase(Locale.ROOT);
    if (!basis.equals("business") && !basis.equals("calendar")) {
      throw ProblemException.invalid("basis", "must be business or calendar");
    }
    Integer minutes = null;
    if (payload.slaHours() != null) {
      BigDecimal m = payload.slaHours().multiply(BigDecimal.valueOf(60));
      if (m.signum() <= 0 || m.compareTo(BigDecimal.valueOf(525_600)) > 0) {
        throw ProblemException.invalid("sla_hours", "must be more than 0 and at most a year");
      }
      minutes = m.intValue();
    }
    try {
      return ServiceLevelView.of(
          catalogue.setServiceLevel(
              code, minutes, basis.equals("business"), payload.priority(), actor()));
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("code:")) {
        throw ProblemException.notFound("This city has no service category '" + code + "'.");
      }
      throw ProblemException.fromRule(e);
    }
  }

  private String actor() {
    return Caller.of(security).actor();
  }
}
