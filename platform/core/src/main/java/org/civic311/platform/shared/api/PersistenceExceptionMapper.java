package org.civic311.platform.shared.api;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.civic311.platform.shared.application.DatabaseUnavailableException;

/** A persistence failure: 503 when the database is unreachable, otherwise an incident (500). */
@Provider
public class PersistenceExceptionMapper implements ExceptionMapper<PersistenceException> {
  private static final Logger LOG = Logger.getLogger(PersistenceExceptionMapper.class.getName());

  @Context UriInfo uri;

  @Override
  public Response toResponse(PersistenceException exception) {
    if (DatabaseUnavailableException.isUnreachable(exception)) {
      LOG.warning("Refused a request, database unreachable: " + exception.getMessage());
      return DatabaseUnavailableExceptionMapper.unavailable(uri);
    }
    return UnhandledExceptionMapper.incident(uri, exception);
  }
}
