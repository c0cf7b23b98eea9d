package org.civic311.platform.catalogue.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.shared.api.ProblemException;

/** A city's public catalogue. The city was resolved from the path by the tenancy filter. */
@RequestScoped
@PermitAll
@Path("api/v1/cities/{city}/service-categories")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceCategoriesResource {
  @Inject CatalogueService catalogue;

  @GET
  public List<ServiceCategoryView> list() {
    return catalogue.publicCategories().stream().map(ServiceCategoryView::of).toList();
  }

  @GET
  @Path("{code}")
  public ServiceCategoryView one(@PathParam("code") String code) {
    return catalogue
        .byCode(code)
        .filter(c -> c.active() && !c.staffOnly())
        .map(ServiceCategoryView::of)
        .orElseThrow(
            () -> ProblemException.notFound("This city has no service category '" + code + "'."));
  }
}
