package org.civic311.platform.shared.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: a bug becomes a 500 problem with an incident number that is also in the log, never
 * a stack trace sent to the client.
 */
@Provider
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnhandledExceptionMapper.class.getName());

  @Context UriInfo uri;

  @Override
  public Response toResponse(Throwable exception) {
    return incident(uri, exception);
  }

  static Response incident(UriInfo uri, Throwable exception) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Incident " + incident, exception);
    return EdgeErrors.respond(
        uri,
        Response.Status.INTERNAL_SERVER_ERROR,
        "Something went wrong on our side. Quote incident " + incident + " when reporting it.");
  }
}
