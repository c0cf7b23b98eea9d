package org.civic311.admin.city.departments;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.catalogue.application.DepartmentSummary;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;

/**
 * A city administrator's departments (name, contact e-mail, the categories routed to each) and each
 * category's service level. Every change is audited; a refused change changes nothing.
 */
@RequestScoped
@RolesAllowed(Roles.CITY_ADMIN)
@Path("api/v1/cities/{city}/admin/departments")
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentsAdminResource {
  @Inject CatalogueService catalogue;
  @Context SecurityContext security;

  /** A department as an administrator saves it. */
  public record SaveDepartmentPayload(
      @NotNull(message = "is required") @Size(max = 120, message = "at most 120 characters")
          String name,
      @Size(max = 254, message = "at most 254 characters") String email,
      @Size(max = 2000, message = "at most 2000 categories") List<String> categories) {}

  @GET
  public List<DepartmentSummary> departments() {
    return catalogue.departments();
  }

  @PUT
  @Path("{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  public DepartmentSummary save(
      @PathParam("code") String code,
      @NotNull(message = "a JSON body is required") @Valid SaveDepartmentPayload payload) {
    try {
      return catalogue.saveDepartment(
          code, payload.name(), payload.email(), payload.categories(), actor());
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    }
  }

  private String actor() {
    return Caller.of(security).actor();
  }
}
