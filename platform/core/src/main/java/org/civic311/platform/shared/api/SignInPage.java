package org.civic311.platform.shared.api;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The shell of a page that signs its user in through Keycloak (authorization code with PKCE) and
 * calls the API with their token: the agent console, the city administration. The shell is public
 * and carries no city data; it is told where the identity server, realm and client are.
 */
public final class SignInPage {
  private static final String REALM_PATH = "/realms/";

  private SignInPage() {}

  /**
   * {@code page} for {@code city}, with the identity server taken from the token {@code issuer}.
   * The answer is never cached, not framed, and may load scripts and call only this site and the
   * identity server.
   */
  public static Response render(PageTemplate page, String city, String issuer, String webClient) {
    int realmAt = issuer.lastIndexOf(REALM_PATH);
    String html =
        page.render(
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
