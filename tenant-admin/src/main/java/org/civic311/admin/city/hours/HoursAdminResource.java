package org.civic311.admin.city.hours;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.civic311.platform.routing.application.HoursDocument;
import org.civic311.platform.routing.application.HoursService;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;

/**
 * A city administrator's hours: weekly ranges, holidays and dated overrides, replaced as one
 * document. A document with any wrong entry is refused whole, naming the entry and field.
 */
@RequestScoped
@RolesAllowed(Roles.CITY_ADMIN)
@Path("api/v1/cities/{city}/admin/hours")
@Produces(MediaType.APPLICATION_JSON)
public class HoursAdminResource {
  @Inject HoursService hours;
  @Context SecurityContext security;

  @GET
  public HoursDocument current() {
    return hours
        .document()
        .orElse(new HoursDocument(null, List.of(), List.of(), List.of()).inZone(hours.zone()));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public HoursDocument replace(
      @NotNull(message = "a JSON body is required") HoursDocument document) {
    try {
      return hours.replace(document, Caller.of(security).actor());
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    }
  }
}
