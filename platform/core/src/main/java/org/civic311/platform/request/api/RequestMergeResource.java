package org.civic311.platform.request.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.civic311.platform.request.application.RequestWorkService;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;

/**
 * Merges a duplicate into its parent, in one transaction: it becomes a duplicate of the parent (if
 * it was not yet), its followers follow the parent, and the parent's history names it (ADR 0016).
 */
@RequestScoped
@Path("api/v1/cities/{city}/service-requests/{id}/merge")
@Produces(MediaType.APPLICATION_JSON)
public class RequestMergeResource {
  @Inject RequestWorkService work;
  @Context SecurityContext security;

  /** The parent to merge into, a note residents of the duplicate see, and one for the crew. */
  public record MergePayload(
      @JsonbProperty("parent_service_request_id")
          @NotBlank(message = "is required")
          @Size(max = 60, message = "at most 60 characters")
          String parentId,
      @JsonbProperty("public_note") @Size(max = 4000, message = "at most 4000 characters")
          String publicNote,
      @JsonbProperty("internal_note") @Size(max = 2000, message = "at most 2000 characters")
          String internalNote) {}

  @POST
  @RolesAllowed({Roles.AGENT, Roles.CITY_ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  public StaffRequestView merge(
      @PathParam("id") String id,
      @NotNull(message = "a JSON body is required") @Valid MergePayload payload) {
    try {
      return StaffRequestView.of(
          Workers.change(
              id,
              () ->
                  work.merge(
                      id,
                      payload.parentId(),
                      payload.publicNote(),
                      payload.internalNote(),
                      Workers.of(security))));
    } catch (IllegalStateException e) {
      throw new ProblemException(Response.Status.CONFLICT, e.getMessage());
    }
  }
}
