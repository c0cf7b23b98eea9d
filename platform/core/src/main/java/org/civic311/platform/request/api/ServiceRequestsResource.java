package org.civic311.platform.request.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.civic311.platform.request.application.DuplicateRequestException;
import org.civic311.platform.request.application.RequestIntakeService;
import org.civic311.platform.request.application.RequestSummary;
import org.civic311.platform.shared.api.ProblemException;

/** The native JSON API for a city's service requests (portal and consoles). */
@RequestScoped
@Path("api/v1/cities/{city}/service-requests")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceRequestsResource {
  @Inject RequestIntakeService intake;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(
      @NotNull(message = "a JSON body is required") @Valid SubmitServiceRequestPayload payload,
      @Context UriInfo uri) {
    RequestSummary created;
    try {
      created = intake.submit(payload.toCommand());
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    } catch (DuplicateRequestException e) {
      throw new ProblemException(
          Response.Status.CONFLICT,
          "An open request of this kind is already reported nearby: "
              + e.existing().get(0).id()
              + ". Follow it, or send acknowledge_duplicate: true to report this one anyway.");
    }
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(ServiceRequestView.of(created))
        .build();
  }

  @GET
  public List<ServiceRequestView> newest(@QueryParam("limit") @DefaultValue("50") int limit) {
    return intake.newest(limit).stream().map(ServiceRequestView::of).toList();
  }

  @GET
  @Path("{id}")
  public ServiceRequestView one(@PathParam("id") String id) {
    return intake
        .find(id)
        .map(ServiceRequestView::of)
        .orElseThrow(
            () -> ProblemException.notFound("This city has no service request '" + id + "'."));
  }
}
