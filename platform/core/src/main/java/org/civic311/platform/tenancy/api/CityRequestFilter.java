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
import org.civic311.platform.shared.api.Open311Wire;
import org.civic311.platform.shared.api.Problem;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.PhoneDirectory;
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
    urlPatterns = {"/api/v1/cities/*", "/c/*", "/open311/*", "/api/v1/voice/*"})
public class CityRequestFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(CityRequestFilter.class.getName());

  /**
   * This filter reads {@code jurisdiction_id} from a form body before JAX-RS runs, to choose the
   * city, and the Open311 resources read their fields from the servlet's parameters too. Jersey
   * logs a WARNING about the consumed form body on every such request: one line per Open311 POST,
   * four 1 MB log files in one minute of the benchmark, and a large part of each POST's time. Its
   * servlet logger reports errors only; the reference is held so that the setting stays.
   */
  private static final Logger JERSEY_SERVLET =
      Logger.getLogger("org.glassfish.jersey.servlet.WebComponent");

  static {
    JERSEY_SERVLET.setLevel(Level.SEVERE);
  }

  private static final Pattern CITY_PATH =
      Pattern.compile("^/(?:api/v1/cities|c)/([^/]+)(?:/.*)?$");
  private static final Jsonb JSON = JsonbBuilder.create();
  private static final Pattern OPEN311_DISCOVERY =
      Pattern.compile("^/open311/v2/(discovery(\\.(xml|json))?|openapi\\.yaml)$");

  /** A database or start-up hiccup: try again soon. */
  private static final String UNAVAILABLE_RETRY_AFTER = "10";

  /**
   * A suspended city (ADR 0015): 503, since the refusal is temporary and the data kept, but with an
   * hour's hint so well-behaved clients do not poll a city the operator has switched off.
   */
  static final String SUSPENDED_RETRY_AFTER = "3600";

  @Inject transient TenantDirectory directory;
  @Inject transient PhoneDirectory phones;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/open311/")) {
      open311(path, request, response, chain);
      return;
    }
    if (path.startsWith("/api/v1/voice/")) {
      voice(request, response, chain);
      return;
    }
    Matcher matcher = CITY_PATH.matcher(path);
    if (!matcher.matches()) {
      chain.doFilter(request, response);
      return;
    }
    String slug = matcher.group(1);
    serve(
        () -> directory.bySlug(slug), "There is no city '" + slug + "'.", request, response, chain);
  }

  /**
   * Runs the request as the city {@code lookup} finds: 503 while the directory cannot be read, 404
   * ({@code notFound}) for none, 503 for a suspended city (its data is kept).
   */
  private static void serve(
      java.util.function.Supplier<Optional<CityProfile>> lookup,
      String notFound,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain)
      throws IOException, ServletException {
    Optional<CityProfile> city;
    try {
      city = lookup.get();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "City directory unavailable: {0}", e.getMessage());
      refuse(
          response,
          Response.Status.SERVICE_UNAVAILABLE,
          "The service is starting or its database is unavailable; try again shortly.");
      return;
    }
    if (city.isEmpty()) {
      refuse(response, Response.Status.NOT_FOUND, notFound);
      return;
    }
    if (!city.get().active()) {
      refuse(
          response,
          Response.Status.SERVICE_UNAVAILABLE,
          city.get().displayName() + " is not served at the moment; its data is kept.",
          SUSPENDED_RETRY_AFTER);
      return;
    }
    runAs(city.get(), request, response, chain);
  }

  /**
   * Open311: the city is the configured host name's, or the one named by {@code jurisdiction_id}
   * (an empty parameter is an absent one); when both are there they must agree. Discovery (and the
   * OpenAPI document) needs no city. Errors use the standard's error list in the format the path
   * asks for.
   */
  private void open311(
      String path, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (OPEN311_DISCOVERY.matcher(path).matches()) {
      // no city needed; one named (jurisdiction_id or host) gets its own changeset
      Optional<CityProfile> named;
      try {
        String j = request.getParameter("jurisdiction_id");
        named =
            directory
                .byHost(request.getServerName())
                .or(
                    () ->
                        j == null || j.isBlank()
                            ? Optional.empty()
                            : directory.byJurisdiction(j.strip()))
                .filter(CityProfile::active);
      } catch (RuntimeException e) {
        named = Optional.empty();
      }
      if (named.isPresent()) {
        runAs(named.get(), request, response, chain);
      } else {
        chain.doFilter(request, response);
      }
      return;
    }
    Open311Wire.Format format = Open311Wire.formatOf(path);
    if (request.getCharacterEncoding() == null) {
      request.setCharacterEncoding(StandardCharsets.UTF_8.name()); // Open311: UTF-8 everywhere
    }
    String jurisdiction;
    try {
      jurisdiction = request.getParameter("jurisdiction_id");
    } catch (IllegalStateException e) {
      // a multipart body over the container's limits
      refuse311(response, 413, format, "The upload is too large: a photo may have 10 MB at most.");
      return;
    }
    jurisdiction = jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip();
    Optional<CityProfile> city;
    try {
      Optional<CityProfile> byHost = directory.byHost(request.getServerName());
      if (byHost.isPresent()) {
        if (jurisdiction != null && !jurisdiction.equalsIgnoreCase(byHost.get().jurisdictionId())) {
          refuse311(
              response,
              400,
              format,
              "jurisdiction_id '" + jurisdiction + "' does not match this host's jurisdiction.");
          return;
        }
        city = byHost;
      } else if (jurisdiction == null) {
        refuse311(response, 400, format, "jurisdiction_id was not provided.");
        return;
      } else {
        city = directory.byJurisdiction(jurisdiction);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "City directory unavailable: {0}", e.getMessage());
      refuse311(
          response,
          503,
          format,
          "The service is starting or its database is unavailable; try again shortly.");
      return;
    }
    if (city.isEmpty()) {
      refuse311(response, 404, format, "jurisdiction_id '" + jurisdiction + "' was not found.");
      return;
    }
    if (!city.get().active()) {
      refuse311(
          response,
          503,
          format,
          city.get().displayName() + " is not served at the moment.",
          SUSPENDED_RETRY_AFTER);
      return;
    }
    runAs(city.get(), request, response, chain);
  }

  /**
   * The voice webhook: the dialled number ({@code To}, E.164 as the provider sends it) picks the
   * city through the global number directory.
   */
  private void voice(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getCharacterEncoding() == null) {
      request.setCharacterEncoding(StandardCharsets.UTF_8.name()); // the provider sends UTF-8
    }
    String to = request.getParameter("To");
    if (to == null || to.isBlank()) {
      refuse(response, Response.Status.BAD_REQUEST, "To (the dialled number) is required.");
      return;
    }
    String number = to.strip();
    serve(
        () -> phones.cityOf(number),
        "No city answers the number " + number + ".",
        request,
        response,
        chain);
  }

  private static void runAs(
      CityProfile city, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      CurrentTenant.callAs(
          city.id(),
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

  private static void refuse311(
      HttpServletResponse response, int status, Open311Wire.Format format, String description)
      throws IOException {
    refuse311(response, status, format, description, UNAVAILABLE_RETRY_AFTER);
  }

  private static void refuse311(
      HttpServletResponse response,
      int status,
      Open311Wire.Format format,
      String description,
      String retryAfter)
      throws IOException {
    response.setStatus(status);
    if (status == 503) {
      response.setHeader("Retry-After", retryAfter);
    }
    response.setContentType(format.mediaType());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(Open311Wire.errorBody(status, format, description));
  }

  private static void refuse(HttpServletResponse response, Response.Status status, String detail)
      throws IOException {
    refuse(response, status, detail, UNAVAILABLE_RETRY_AFTER);
  }

  private static void refuse(
      HttpServletResponse response, Response.Status status, String detail, String retryAfter)
      throws IOException {
    response.setStatus(status.getStatusCode());
    if (status == Response.Status.SERVICE_UNAVAILABLE) {
      response.setHeader("Retry-After", retryAfter);
    }
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.toJson(Problem.of(status, detail)));
  }
}
