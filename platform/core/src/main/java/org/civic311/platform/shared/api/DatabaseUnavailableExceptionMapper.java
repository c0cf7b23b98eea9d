package org.civic311.platform.shared.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.civic311.platform.shared.application.DatabaseUnavailableException;

/** The database is away: 503 with a hint to retry, and one log line, not a stack trace. */
@Provider
public class DatabaseUnavailableExceptionMapper
    implements ExceptionMapper<DatabaseUnavailableException> {
  private static final Logger LOG =
      Logger.getLogger(DatabaseUnavailableExceptionMapper.class.getName());

  @Context UriInfo uri;

  @Override
  public Response toResponse(DatabaseUnavailableException exception) {
    LOG.warning("Refused a request, database unavailable: " + exception.getMessage());
    return unavailable(uri);
  }

  static Response unavailable(UriInfo uri) {
    return Response.fromResponse(
            EdgeErrors.respond(
                uri,
                Response.Status.SERVICE_UNAVAILABLE,
                "The service is starting or its database is unavailable; try again shortly."))
        .header("Retry-After", "10")
        .build();
  }
}
