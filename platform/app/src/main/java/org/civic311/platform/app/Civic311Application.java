package org.civic311.platform.app;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.civic311.platform.shared.application.Roles;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The one JAX-RS application of the deployment. Resource paths carry their full prefix ({@code
 * api/v1/...}, {@code open311/v2/...}) as the contracts fix them.
 *
 * <p>Bearer tokens are verified by MicroProfile JWT (signature from the realm's JWKS, issuer,
 * audience, expiry; see {@code microprofile-config.properties}). This class must be a CDI bean, or
 * Payara leaves MP-JWT silently off.
 */
@ApplicationScoped
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT", realmName = "civic311")
@DeclareRoles({
  Roles.OPERATOR,
  Roles.CITY_ADMIN,
  Roles.AGENT,
  Roles.DEPARTMENT_STAFF,
  Roles.RESIDENT
})
public class Civic311Application extends Application {}
