package org.civic311.platform.shared.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body the runtime could not read into the endpoint's payload (Jersey wraps JSON-B's failure in a
 * ProcessingException): the client's fault, so 400, not 500.
 */
@Provider
public class UnreadableBodyExceptionMapper implements ExceptionMapper<ProcessingException> {
  @Override
  public Response toResponse(ProcessingException exception) {
    return unreadable();
  }

  static Response unreadable() {
    return Problem.of(
            Response.Status.BAD_REQUEST,
            "The request body is not valid JSON of the expected shape.")
        .toResponse();
  }
}
