package org.civic311.platform.shared.api;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JSON-B's own failure, when it reaches the edge unwrapped: 400, as for any unreadable body. */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {
  @Override
  public Response toResponse(JsonbException exception) {
    return UnreadableBodyExceptionMapper.unreadable();
  }
}
