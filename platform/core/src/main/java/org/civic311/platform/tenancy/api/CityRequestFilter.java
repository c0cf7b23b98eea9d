package org.civic311.platform.tenancy.api;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.platform.shared.api.Problem;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.TenantDirectory;

/**
 * Resolves the city of every city-scoped request from its URL, in one place, and runs the rest of
 * the request as that city. {@code /api/v1/cities/{city}/...} and {@code /c/{city}/...} are
 * city-scoped; anything else runs with no city (and so reaches no tenant-owned data). An unknown
 * city is a 404 and a suspended one a 503, before any application code runs. The identity issue
 * adds the check of the city against the caller's verified token here.
 */
@WebFilter(
    filterName = "CityRequestFilter",
    urlPatterns = {"/api/v1/cities/*", "/c/*"})
public class CityRequestFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(CityRequestFilter.class.getName());
  private static final Pattern CITY_PATH =
      Pattern.compile("^/(?:api/v1/cities|c)/([^/]+)(?:/.*)?$");
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject transient TenantDirectory directory;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher matcher = CITY_PATH.matcher(path);
    if (!matcher.matches()) {
      chain.doFilter(request, response);
      return;
    }
    String slug = matcher.group(1);
    Optional<CityProfile> city;
    try {
      city = directory.bySlug(slug);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "City directory unavailable: {0}", e.getMessage());
      refuse(
          response,
          Response.Status.SERVICE_UNAVAILABLE,
          "The service is starting or its database is unavailable; try again shortly.");
      return;
    }
    if (city.isEmpty()) {
      refuse(response, Response.Status.NOT_FOUND, "There is no city '" + slug + "'.");
      return;
    }
    if (!city.get().active()) {
      refuse(
          response,
          Response.Status.SERVICE_UNAVAILABLE,
          city.get().displayName() + " is not served at the moment; its data is kept.");
      return;
    }
    try {
      CurrentTenant.callAs(
          city.get().id(),
          () -> {
            chain.doFilter(request, response);
            return null;
          });
    } catch (IOException | ServletException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException(e);
    }
  }

  private static void refuse(HttpServletResponse response, Response.Status status, String detail)
      throws IOException {
    response.setStatus(status.getStatusCode());
    if (status == Response.Status.SERVICE_UNAVAILABLE) {
      response.setHeader("Retry-After", "10");
    }
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.toJson(Problem.of(status, detail)));
  }
}
