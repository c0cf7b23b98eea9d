package org.civic311.platform.request.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.civic311.platform.request.application.RequestWorkService;
import org.civic311.platform.shared.application.Roles;

/**
 * Who works on a request: assign it to yourself ({@code "me"}) or to a member of its department, or
 * unassign it ({@code null}). Recorded in its history. Department staff assign only their own
 * departments' requests.
 */
@RequestScoped
@Path("api/v1/cities/{city}/service-requests/{id}/assignment")
@Produces(MediaType.APPLICATION_JSON)
public class RequestAssignmentResource {
  @Inject RequestWorkService work;
  @Context SecurityContext security;

  /** The assignee: {@code me}, a user name, or null (nobody). */
  public record AssignPayload(
      @Size(max = 255, message = "at most 255 characters") String assignee,
      @JsonbProperty("internal_note") @Size(max = 2000, message = "at most 2000 characters")
          String internalNote) {}

  @POST
  @RolesAllowed({Roles.AGENT, Roles.DEPARTMENT_STAFF, Roles.CITY_ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  public StaffRequestView assign(
      @PathParam("id") String id,
      @NotNull(message = "a JSON body is required") @Valid AssignPayload payload) {
    return StaffRequestView.of(
        Workers.change(
            id,
            () ->
                work.assign(id, payload.assignee(), payload.internalNote(), Workers.of(security))));
  }
}
