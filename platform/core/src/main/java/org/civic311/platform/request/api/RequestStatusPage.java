package org.civic311.platform.request.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.civic311.platform.shared.api.PageTemplate;

/**
 * A request's public status page, {@code /c/{city}/requests/{id}}: the link in every resident's
 * mail. The shell carries the city and the number; the page reads the request and its public notes
 * from the city's Open311 API and lets the resident follow it by e-mail.
 */
@RequestScoped
@Path("c/{city}/requests/{id}")
@PermitAll
public class RequestStatusPage {
  private static final PageTemplate PAGE =
      PageTemplate.load(RequestStatusPage.class, "request-status.html");

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page(@PathParam("city") String city, @PathParam("id") String id) {
    return Response.ok(PAGE.render(Map.of("city", city, "id", id)))
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}
