package org.civic311.platform.request.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.civic311.platform.request.application.RequestIntakeService;
import org.civic311.platform.shared.api.ProblemException;

/**
 * A request's photo, as Open311's {@code media_url} links it: public like the request itself (not
 * for staff-only categories), served with its checked image type and nothing a browser could run.
 */
@RequestScoped
@Path("api/v1/cities/{city}/media/{id}")
@PermitAll
public class RequestMediaResource {
  @Inject RequestIntakeService intake;

  @GET
  public Response photo(@PathParam("id") String id) {
    return intake
        .publicPhoto(id)
        .map(
            p ->
                Response.ok(p.content())
                    .type(p.contentType())
                    .header("Cache-Control", "public, max-age=86400, immutable")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    .header("Content-Disposition", "inline")
                    .build())
        .orElseThrow(() -> ProblemException.notFound("There is no photo '" + id + "' here."));
  }
}
