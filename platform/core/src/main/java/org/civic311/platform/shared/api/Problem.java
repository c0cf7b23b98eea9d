package org.civic311.platform.shared.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} names each offending field, so pages can show the
 * message next to the field it concerns.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {
  public static final String MEDIA_TYPE = "application/problem+json";

  /** One field and what is wrong with it. */
  public record FieldError(String field, String message) {}

  public static Problem of(Response.StatusType status, String detail) {
    return new Problem(
        "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null);
  }

  public static Problem of(Response.StatusType status, String detail, List<FieldError> errors) {
    return new Problem(
        "about:blank",
        status.getReasonPhrase(),
        status.getStatusCode(),
        detail,
        errors == null || errors.isEmpty() ? null : List.copyOf(errors));
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}
