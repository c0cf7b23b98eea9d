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
import java.util.Map;
import org.civic311.platform.shared.api.PageTemplate;
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
  private static final String REALM_PATH = "/realms/";

  @Inject
  @ConfigProperty(name = "civic311.identity.issuer")
  String issuer;

  @Inject
  @ConfigProperty(name = "civic311.identity.web-client")
  String webClient;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page(@PathParam("city") String city) {
    int realmAt = issuer.lastIndexOf(REALM_PATH);
    String html =
        PAGE.render(
            Map.of(
                "city",
                city,
                "authUrl",
                realmAt < 0 ? issuer : issuer.substring(0, realmAt),
                "realm",
                realmAt < 0 ? "" : issuer.substring(realmAt + REALM_PATH.length()),
                "client",
                webClient));
    return Response.ok(html)
        // an administrator's page: no framing, and scripts and calls from here and the identity
        // server only
        .header(
            "Content-Security-Policy",
            "default-src 'self'; connect-src 'self' "
                + origin(issuer)
                + "; img-src 'self' data: blob:; object-src 'none'; base-uri 'none';"
                + " form-action 'self'; frame-ancestors 'none'")
        .header("X-Frame-Options", "DENY")
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /** The identity server's origin ({@code http://host:port}), which the page calls for tokens. */
  static String origin(String url) {
    java.net.URI uri = java.net.URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
