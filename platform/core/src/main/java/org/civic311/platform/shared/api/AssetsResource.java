package org.civic311.platform.shared.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The pages' static files ({@code /assets/...}, shipped in the module jars under {@code
 * META-INF/resources/assets/}). The JAX-RS application is mapped at the root, as the contracts fix
 * its paths, so it also serves these; only known file types under the assets folder are served.
 */
@ApplicationScoped
@PermitAll
@Path("assets")
public class AssetsResource {
  private static final Pattern SAFE = Pattern.compile("[a-zA-Z0-9_-]+(?:[./][a-zA-Z0-9_-]+)*");
  private static final Map<String, String> TYPES =
      Map.of(
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "txt", "text/plain; charset=utf-8",
          "json", "application/json");

  @GET
  @Path("{file: .+}")
  public Response file(@PathParam("file") String file) {
    String extension = file.substring(file.lastIndexOf('.') + 1);
    String type = TYPES.get(extension);
    if (type == null || !SAFE.matcher(file).matches() || file.contains("..")) {
      throw ProblemException.notFound("There is no such file.");
    }
    InputStream in =
        Thread.currentThread()
            .getContextClassLoader()
            .getResourceAsStream("META-INF/resources/assets/" + file);
    if (in == null) {
      throw ProblemException.notFound("There is no such file.");
    }
    CacheControl cache = new CacheControl();
    cache.setMaxAge(300);
    return Response.ok(in, type)
        .cacheControl(cache)
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}
