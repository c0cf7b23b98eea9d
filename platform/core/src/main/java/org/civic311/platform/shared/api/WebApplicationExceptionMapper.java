package org.civic311.platform.shared.api;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime's own refusals (no such path, wrong method, wrong media type, unreadable body)
 * as problem details, with a detail a client can act on and no internals.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Context UriInfo uri;

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    Response.StatusType status = original.getStatusInfo();
    String detail;
    if (exception instanceof NotFoundException) {
      detail = "There is nothing at this address.";
    } else if (exception instanceof NotAllowedException) {
      detail =
          "This address does not accept that method; allowed: "
              + original.getAllowedMethods()
              + ".";
    } else if (exception instanceof NotSupportedException) {
      detail = "This address does not accept that content type.";
    } else if (exception instanceof NotAuthorizedException) {
      return Response.fromResponse(
              EdgeErrors.respond(uri, status, "Sign in: this needs a valid bearer token."))
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"civic311\"")
          .build();
    } else if (exception instanceof ForbiddenException) {
      detail = "Your account does not have a role that may do this.";
    } else if (status.getStatusCode() == 400) {
      detail = "The request body or parameters could not be read.";
    } else if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
      return UnhandledExceptionMapper.incident(uri, exception);
    } else {
      detail = status.getReasonPhrase();
    }
    Response.ResponseBuilder answer =
        Response.fromResponse(EdgeErrors.respond(uri, status, detail));
    String allow = original.getHeaderString(HttpHeaders.ALLOW);
    if (allow != null) {
      answer.header(HttpHeaders.ALLOW, allow);
    }
    return answer.build();
  }
}
