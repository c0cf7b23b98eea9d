package org.civic311.platform.request.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.civic311.platform.request.application.RequestIntakeService;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.application.Roles;

/**
 * A signed-in resident's requests in one city, from every channel: those they reported while signed
 * in, and those given with their verified e-mail address (by phone, at the counter, through an
 * Open311 app).
 */
@RequestScoped
@Path("api/v1/cities/{city}/me/service-requests")
@Produces(MediaType.APPLICATION_JSON)
public class MyServiceRequestsResource {
  @Inject RequestIntakeService intake;
  @Context SecurityContext security;

  @GET
  @RolesAllowed(Roles.RESIDENT)
  public List<ServiceRequestView> mine(@QueryParam("limit") @DefaultValue("100") int limit) {
    Caller caller = Caller.of(security);
    return intake.reportedBy(caller.subject(), caller.verifiedEmail(), limit).stream()
        .map(ServiceRequestView::of)
        .toList();
  }
}
