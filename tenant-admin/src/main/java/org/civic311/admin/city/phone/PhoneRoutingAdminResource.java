package org.civic311.admin.city.phone;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Optional;
import org.civic311.platform.routing.application.PhoneRoutingDocument;
import org.civic311.platform.routing.application.PhoneRoutingService;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;

/**
 * A city administrator's phone routing: the entry points (311 inside city limits, the 10-digit
 * number from outside, TTY, the after-hours trouble line), and the routing decision for any number
 * and moment, to check what callers will get before they do.
 */
@RequestScoped
@RolesAllowed(Roles.CITY_ADMIN)
@Path("api/v1/cities/{city}/admin/phone-routing")
@Produces(MediaType.APPLICATION_JSON)
public class PhoneRoutingAdminResource {
  @Inject PhoneRoutingService routing;
  @Context SecurityContext security;

  @GET
  public PhoneRoutingDocument current() {
    return routing.document().orElse(new PhoneRoutingDocument(List.of()));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public PhoneRoutingDocument replace(
      @NotNull(message = "a JSON body is required") PhoneRoutingDocument document) {
    try {
      return routing.replace(document, Caller.of(security).actor());
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    }
  }

  @GET
  @Path("decision")
  public PhoneRoutingService.DecisionSummary decision(
      @QueryParam("number") String number,
      @QueryParam("caller") String caller,
      @QueryParam("at") String at,
      @QueryParam("lang") String lang) {
    try {
      return routing.describe(number, caller, routing.at(at), Optional.ofNullable(lang));
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    }
  }
}
