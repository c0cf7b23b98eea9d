package org.civic311.platform.tenancy.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.application.Roles;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.TenantDirectory;

/**
 * Who the signed-in caller is, as the API sees their token: the pages show it and let an agent of a
 * shared centre switch between the cities they act for.
 */
@RequestScoped
@Path("api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
  @Inject TenantDirectory directory;
  @Context SecurityContext security;

  /** The caller's account, roles and cities (only cities this deployment serves). */
  @JsonbPropertyOrder({"username", "roles", "cities"})
  public record MeView(String username, List<String> roles, List<CityView> cities) {}

  @GET
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.CITY_ADMIN,
    Roles.AGENT,
    Roles.DEPARTMENT_STAFF,
    Roles.RESIDENT
  })
  public MeView me() {
    Caller caller = Caller.of(security);
    List<CityView> cities =
        caller.cities().stream()
            .sorted()
            .map(directory::bySlug)
            .flatMap(java.util.Optional::stream)
            .filter(CityProfile::active)
            .map(CityView::of)
            .toList();
    return new MeView(caller.username(), caller.roles().stream().sorted().toList(), cities);
  }
}
