package org.civic311.admin.provider.pages;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.civic311.platform.shared.api.PageTemplate;
import org.civic311.platform.shared.api.SignInPage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's console, {@code /provider/}: the cities with their status and usage, onboarding,
 * suspension, export, offboarding and the operator's audit log, as one page over the provider API.
 * The shell is public and carries no data; it signs the operator in through Keycloak (authorization
 * code with PKCE), and every call it makes carries their token, which the API checks ({@code
 * operator} only).
 */
@RequestScoped
@PermitAll
@Path("provider")
public class ProviderConsolePage {
  private static final PageTemplate PAGE =
      PageTemplate.load(ProviderConsolePage.class, "provider-console.html");

  @Inject
  @ConfigProperty(name = "civic311.identity.issuer")
  String issuer;

  @Inject
  @ConfigProperty(name = "civic311.identity.web-client")
  String webClient;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page() {
    return SignInPage.render(PAGE, "", issuer, webClient);
  }
}
