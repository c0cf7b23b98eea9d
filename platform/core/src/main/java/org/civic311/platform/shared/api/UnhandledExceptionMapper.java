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
    if (isConflict(exception)) {
      // two people changed the same thing at once; the transaction rolled back, nothing changed
      LOG.info("Refused a concurrent change: " + exception);
      return EdgeErrors.respond(
          uri,
          Response.Status.CONFLICT,
          "Someone else changed this at the same moment; nothing was saved. Reload and try again.");
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Incident " + incident, exception);
    return EdgeErrors.respond(
        uri,
        Response.Status.INTERNAL_SERVER_ERROR,
        "Something went wrong on our side. Quote incident " + incident + " when reporting it.");
  }

  /**
   * Whether {@code exception} is a conflict between concurrent changes, found at commit: an
   * optimistic lock (a version changed meanwhile), or a unique key or exclusion another transaction
   * took first (SQL states 23505, 23P01), or a serialisation failure (40001).
   */
  static boolean isConflict(Throwable exception) {
    for (Throwable t = exception; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof jakarta.persistence.OptimisticLockException) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql
          && sql.getSQLState() != null
          && java.util.Set.of("23505", "23P01", "40001").contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
