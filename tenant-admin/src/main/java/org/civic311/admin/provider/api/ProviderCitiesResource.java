package org.civic311.admin.provider.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.civic311.platform.shared.application.Roles;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.TenantDirectory;

/**
 * The operator's view of every city the deployment hosts, suspended ones included. The provider API
 * is the operator's only door: a city's own endpoints refuse the {@code operator} role.
 */
@RequestScoped
@Path("api/v1/provider/cities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class ProviderCitiesResource {
  @Inject TenantDirectory directory;

  /** One hosted city, as the operator sees it. */
  @JsonbPropertyOrder({"slug", "name", "jurisdictionId", "status", "timeZone", "hostName"})
  public record ProviderCityView(
      String slug,
      String name,
      @JsonbProperty("jurisdiction_id") String jurisdictionId,
      String status,
      @JsonbProperty("time_zone") String timeZone,
      @JsonbProperty("host_name") String hostName) {

    static ProviderCityView of(CityProfile city) {
      return new ProviderCityView(
          city.slug(),
          city.displayName(),
          city.jurisdictionId(),
          city.active() ? "active" : "suspended",
          city.timeZone().getId(),
          city.hostName().orElse(null));
    }
  }

  @GET
  public List<ProviderCityView> list() {
    return directory.all().stream().map(ProviderCityView::of).toList();
  }
}
