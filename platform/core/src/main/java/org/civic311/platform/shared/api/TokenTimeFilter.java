package org.civic311.platform.shared.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Completes MicroProfile JWT's checks: Payara verifies signature, issuer, audience and expiry, but
 * accepts a token whose {@code nbf} (not before) or {@code iat} (issued at) lies in the future.
 * Such a token is refused with 401 like any other invalid one, allowing {@link #SKEW_SECONDS} of
 * clock difference with the identity server.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class TokenTimeFilter implements ContainerRequestFilter {
  static final long SKEW_SECONDS = 60;

  @Inject Clock clock;

  @Override
  public void filter(ContainerRequestContext request) {
    Principal principal = request.getSecurityContext().getUserPrincipal();
    if (!(principal instanceof JsonWebToken token)) {
      return;
    }
    long latest = Instant.now(clock).getEpochSecond() + SKEW_SECONDS;
    if (seconds(token.getClaim("nbf")) > latest || token.getIssuedAtTime() > latest) {
      request.abortWith(
          Response.fromResponse(
                  Problem.of(
                          Response.Status.UNAUTHORIZED,
                          "The bearer token is not valid yet. Check the clock, or sign in again.")
                      .toResponse())
              .header(
                  HttpHeaders.WWW_AUTHENTICATE,
                  "Bearer realm=\"civic311\", error=\"invalid_token\"")
              .build());
    }
  }

  private static long seconds(Object claim) {
    if (claim instanceof Number n) {
      return n.longValue();
    }
    if (claim instanceof jakarta.json.JsonNumber n) {
      return n.longValue();
    }
    return Long.MIN_VALUE;
  }
}
