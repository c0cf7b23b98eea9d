package org.civic311.platform.shared.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures on a payload or parameter: 400, one entry per field. */
@Provider
public class ConstraintViolationExceptionMapper
    implements ExceptionMapper<ConstraintViolationException> {
  @Override
  public Response toResponse(ConstraintViolationException exception) {
    List<Problem.FieldError> errors =
        exception.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(field(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    return Problem.of(Response.Status.BAD_REQUEST, "The request has invalid fields.", errors)
        .toResponse();
  }

  /**
   * The field as the client spelled it: the last node of the path ({@code submit.payload.x} becomes
   * {@code x}), renamed by its {@code @JsonbProperty} when it has one.
   */
  private static String field(ConstraintViolation<?> violation) {
    String name = "";
    for (Path.Node node : violation.getPropertyPath()) {
      name = node.getName() == null ? name : node.getName();
    }
    Object bean = violation.getLeafBean();
    if (bean != null && !name.isEmpty()) {
      try {
        JsonbProperty wire =
            bean.getClass().getDeclaredField(name).getAnnotation(JsonbProperty.class);
        if (wire != null) {
          return wire.value();
        }
      } catch (NoSuchFieldException notAField) {
        // a parameter or a getter: keep the Java name
      }
    }
    return name;
  }
}
