package org.civic311.platform.shared.api;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not the JSON the endpoint reads (syntax or types): 400, not 500. */
@Provider
public class UnreadableBodyExceptionMapper implements ExceptionMapper<JsonbException> {
  @Override
  public Response toResponse(JsonbException exception) {
    return Problem.of(
            Response.Status.BAD_REQUEST,
            "The request body is not valid JSON of the expected shape.")
        .toResponse();
  }
}
