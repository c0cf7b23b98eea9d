package org.civic311.platform.shared.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The pages' libraries packaged as WebJars ({@code /webjars/<library>/<version>/...}, from the
 * jars' {@code META-INF/resources/webjars/}): the JAX-RS application is mapped at the root, so the
 * container's default servlet never sees these paths. Only the libraries listed here are served,
 * and only known file types; the version is in the path, so the files are cached for a year.
 */
@ApplicationScoped
@PermitAll
@Path("webjars")
public class WebJarsResource {
  /** The WebJars the pages use (the resident portal's map). */
  static final List<String> LIBRARIES = List.of("leaflet/");

  private static final Pattern SAFE = Pattern.compile("[a-zA-Z0-9_-]+(?:[./][a-zA-Z0-9_-]+)*");
  private static final Map<String, String> TYPES =
      Map.of(
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "png", "image/png",
          "svg", "image/svg+xml");

  @GET
  @Path("{file: .+}")
  public Response file(@PathParam("file") String file) {
    String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
    if (type == null
        || !SAFE.matcher(file).matches()
        || file.contains("..")
        || LIBRARIES.stream().noneMatch(file::startsWith)) {
      throw ProblemException.notFound("There is no such file.");
    }
    InputStream in =
        Thread.currentThread()
            .getContextClassLoader()
            .getResourceAsStream("META-INF/resources/webjars/" + file);
    if (in == null) {
      throw ProblemException.notFound("There is no such file.");
    }
    CacheControl cache = new CacheControl();
    cache.setMaxAge(31_536_000);
    return Response.ok(in, type)
        .cacheControl(cache)
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}
