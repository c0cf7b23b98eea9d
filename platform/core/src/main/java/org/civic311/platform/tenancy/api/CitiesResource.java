package org.civic311.platform.tenancy.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.tenancy.application.TenantDirectory;

/** The public list of cities, and one city's public profile. */
@RequestScoped
@PermitAll
@Path("api/v1/cities")
@Produces(MediaType.APPLICATION_JSON)
public class CitiesResource {
  @Inject TenantDirectory directory;

  @GET
  public List<CityView> list() {
    return directory.active().stream().map(CityView::of).toList();
  }

  @GET
  @Path("{city}")
  public CityView one(@PathParam("city") String slug) {
    return directory
        .bySlug(slug)
        .map(CityView::of)
        .orElseThrow(() -> ProblemException.notFound("There is no city '" + slug + "'."));
  }
}
