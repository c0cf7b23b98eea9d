package org.civic311.platform.shared.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
  @Override
  public Response toResponse(ProblemException exception) {
    return exception.problem().toResponse();
  }
}
