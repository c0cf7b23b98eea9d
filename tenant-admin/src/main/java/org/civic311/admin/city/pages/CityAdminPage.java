package org.civic311.admin.city.pages;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.civic311.platform.shared.api.PageTemplate;
import org.civic311.platform.shared.api.SignInPage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The city administrator's pages, {@code /c/{city}/admin/}: catalogue, departments, knowledge base,
 * hours, phone routing, duplicate rule and audit history, as one page over the administration API.
 * The shell is public and carries no city data; it signs the administrator in through Keycloak
 * (authorization code with PKCE), and every call it makes carries their token, which the API checks
 * ({@code city-admin} of this city only).
 */
@RequestScoped
@PermitAll
@Path("c/{city}/admin")
public class CityAdminPage {
  private static final PageTemplate PAGE =
      PageTemplate.load(CityAdminPage.class, "city-admin.html");

  @Inject
  @ConfigProperty(name = "civic311.identity.issuer")
  String issuer;

  @Inject
  @ConfigProperty(name = "civic311.identity.web-client")
  String webClient;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page(@PathParam("city") String city) {
    return SignInPage.render(PAGE, city, issuer, webClient);
  }
}
