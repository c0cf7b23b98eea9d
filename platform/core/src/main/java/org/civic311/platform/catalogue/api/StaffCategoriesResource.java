package org.civic311.platform.catalogue.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import org.civic311.platform.catalogue.application.AttributeDefinition;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.catalogue.application.DepartmentSummary;
import org.civic311.platform.shared.application.Roles;

/**
 * The catalogue as the city's staff file requests from it: every active category, those for staff
 * only included, with its questions (the service definition) and its department; and the city's
 * departments. The agent console builds its "new request" form and its search filters from it.
 */
@RequestScoped
@Path("api/v1/cities/{city}/staff/service-categories")
@Produces(MediaType.APPLICATION_JSON)
public class StaffCategoriesResource {
  @Inject CatalogueService catalogue;

  /** A category for staff. */
  @JsonbPropertyOrder({
    "code",
    "name",
    "group",
    "description",
    "staffOnly",
    "department",
    "attributes"
  })
  public record StaffCategoryView(
      String code,
      String name,
      String group,
      String description,
      @JsonbProperty("staff_only") boolean staffOnly,
      String department,
      List<AttributeDefinition> attributes) {}

  /** The categories and the departments. */
  @JsonbPropertyOrder({"categories", "departments"})
  public record StaffCatalogueView(
      List<StaffCategoryView> categories, List<DepartmentRefView> departments) {}

  /** A department: its code and name. */
  @JsonbPropertyOrder({"code", "name"})
  public record DepartmentRefView(String code, String name) {}

  @GET
  @RolesAllowed({Roles.AGENT, Roles.DEPARTMENT_STAFF, Roles.CITY_ADMIN})
  public StaffCatalogueView catalogue() {
    List<StaffCategoryView> categories =
        catalogue.activeCategories().stream()
            .sorted(Comparator.comparing(c -> c.name().toLowerCase(java.util.Locale.ROOT)))
            .map(
                c ->
                    new StaffCategoryView(
                        c.code(),
                        c.name(),
                        c.group(),
                        c.description(),
                        c.staffOnly(),
                        c.departmentCode(),
                        c.attributes().stream()
                            .sorted(Comparator.comparing(a -> a.order() == null ? 0 : a.order()))
                            .toList()))
            .toList();
    List<DepartmentRefView> departments =
        catalogue.departments().stream()
            .map((DepartmentSummary d) -> new DepartmentRefView(d.code(), d.name()))
            .toList();
    return new StaffCatalogueView(categories, departments);
  }
}
