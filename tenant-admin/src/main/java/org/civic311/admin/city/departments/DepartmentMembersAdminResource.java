package org.civic311.admin.city.departments;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import java.util.List;
import org.civic311.platform.catalogue.application.DepartmentStaffService;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;

/**
 * A department's members: the staff (identity-server user names) who see its queue and change its
 * requests (ADR 0016). The administrator replaces the whole list; every change is audited.
 */
@RequestScoped
@RolesAllowed(Roles.CITY_ADMIN)
@Path("api/v1/cities/{city}/admin/departments/{code}/members")
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentMembersAdminResource {
  @Inject DepartmentStaffService staff;
  @Context SecurityContext security;

  /** The whole list of members. */
  public record MembersPayload(@NotNull(message = "is required") List<String> usernames) {}

  @GET
  public DepartmentStaffService.Members members(@PathParam("code") String code) {
    try {
      return staff.members(code);
    } catch (DepartmentStaffService.UnknownDepartment e) {
      throw ProblemException.notFound(e.getMessage());
    }
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public DepartmentStaffService.Members replace(
      @PathParam("code") String code,
      @NotNull(message = "a JSON body is required") @Valid MembersPayload payload) {
    try {
      return staff.replaceMembers(code, payload.usernames(), Caller.of(security).actor());
    } catch (DepartmentStaffService.UnknownDepartment e) {
      throw ProblemException.notFound(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    }
  }
}
