package org.civic311.platform.contact.api;

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
 * The agent console's page shell, {@code /c/{city}/agent/}. The page itself is public; it signs the
 * agent in through Keycloak (authorization code with PKCE) and every call it makes to the API
 * carries the agent's token, which the API checks.
 */
@RequestScoped
@PermitAll
@Path("c/{city}/agent")
public class AgentConsolePage {
  private static final PageTemplate PAGE =
      PageTemplate.load(AgentConsolePage.class, "agent-console.html");

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
