package org.civic311.platform.tenancy.api;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Set;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.api.Problem;
import org.civic311.platform.shared.application.Roles;

/**
 * What a verified token may reach, decided once per resource method from its {@code @PermitAll},
 * {@code @RolesAllowed} or {@code @DenyAll} (a method without any is refused: access is never
 * granted by omission).
 *
 * <p>On a city's path ({@code /api/v1/cities/{city}/...}) a staff role counts only when the token's
 * organizations include that city; a staff member of another city gets 403 for the city's staff
 * endpoints. The {@code resident} role is not tied to a city. The {@code operator} holds no city
 * role: the provider API is its only door.
 */
@Provider
public class CityAccessFilter implements DynamicFeature {
  static final Set<String> CITY_ROLES =
      Set.of(Roles.CITY_ADMIN, Roles.AGENT, Roles.DEPARTMENT_STAFF);

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Method method = resource.getResourceMethod();
    Class<?> type = resource.getResourceClass();
    if (method == null || type == null || !type.getName().startsWith("org.civic311.")) {
      return;
    }
    AnnotatedElement source = declares(method) ? method : type;
    if (source.isAnnotationPresent(PermitAll.class)) {
      return;
    }
    RolesAllowed allowed = source.getAnnotation(RolesAllowed.class);
    if (allowed == null || source.isAnnotationPresent(DenyAll.class)) {
      context.register(new Check(Set.of()), Priorities.AUTHORIZATION);
      return;
    }
    context.register(new Check(Set.of(allowed.value())), Priorities.AUTHORIZATION);
  }

  private static boolean declares(AnnotatedElement element) {
    return element.isAnnotationPresent(PermitAll.class)
        || element.isAnnotationPresent(RolesAllowed.class)
        || element.isAnnotationPresent(DenyAll.class);
  }

  /** The check registered for one resource method. */
  @Priority(Priorities.AUTHORIZATION)
  static final class Check implements ContainerRequestFilter {
    private final Set<String> allowed;

    Check(Set<String> allowed) {
      this.allowed = allowed;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      Caller caller = Caller.of(request.getSecurityContext());
      if (allowed.isEmpty()) {
        abort(request, Response.Status.FORBIDDEN, "This operation is not available.");
        return;
      }
      if (!caller.authenticated()) {
        request.abortWith(
            Response.fromResponse(
                    Problem.of(Response.Status.UNAUTHORIZED, "Sign in: this needs a bearer token.")
                        .toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"civic311\"")
                .build());
        return;
      }
      String city = request.getUriInfo().getPathParameters().getFirst("city");
      if (!permits(caller, allowed, city)) {
        abort(
            request,
            Response.Status.FORBIDDEN,
            city != null
                    && caller.roles().stream().anyMatch(CITY_ROLES::contains)
                    && !caller.actsFor(city)
                ? "Your account does not act for this city."
                : "Your account does not have a role that may do this.");
      }
    }

    private static void abort(
        ContainerRequestContext request, Response.Status status, String detail) {
      request.abortWith(Problem.of(status, detail).toResponse());
    }
  }

  /**
   * Whether {@code caller} may use an endpoint open to {@code allowed}, on {@code city}'s path when
   * it is not null.
   */
  static boolean permits(Caller caller, Set<String> allowed, String city) {
    for (String role : allowed) {
      if (!caller.hasRole(role)) {
        continue;
      }
      if (city == null || !CITY_ROLES.contains(role) || caller.actsFor(city)) {
        return true;
      }
    }
    return false;
  }
}
