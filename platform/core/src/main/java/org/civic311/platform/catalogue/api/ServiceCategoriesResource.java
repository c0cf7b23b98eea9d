package org.civic311.platform.catalogue.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.shared.api.ProblemException;

/**
 * A city's public catalogue. The city was resolved from the path by the tenancy filter. {@code
 * lang} picks the language of names and descriptions (the city's first where a category has no
 * translation); {@code lat} and {@code long} keep the categories offered at that point.
 */
@RequestScoped
@PermitAll
@Path("api/v1/cities/{city}/service-categories")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceCategoriesResource {
  @Inject CatalogueService catalogue;

  @GET
  public List<ServiceCategoryView> list(
      @QueryParam("lang") String language,
      @QueryParam("lat") String latitude,
      @QueryParam("long") String longitude) {
    try {
      return catalogue
          .publicCategories(number("lat", latitude), number("long", longitude), language)
          .stream()
          .map(ServiceCategoryView::of)
          .toList();
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    }
  }

  @GET
  @Path("{code}")
  public ServiceCategoryView one(@PathParam("code") String code, @QueryParam("lang") String lang) {
    return catalogue
        .byCode(code)
        .filter(c -> c.active() && !c.staffOnly())
        .map(c -> ServiceCategoryView.withQuestions(c.in(lang)))
        .orElseThrow(
            () -> ProblemException.notFound("This city has no service category '" + code + "'."));
  }

  private static BigDecimal number(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.invalid(field, "'" + value + "' is not a number");
    }
  }
}
