package org.civic311.platform.shared.api;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.civic311.platform.shared.application.RuleViolations;

/** Thrown at the edge to answer with a problem detail; nothing has been changed by then. */
public class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public ProblemException(Response.StatusType status, String detail) {
    this(Problem.of(status, detail));
  }

  public ProblemException(
      Response.StatusType status, String detail, List<Problem.FieldError> errors) {
    this(Problem.of(status, detail, errors));
  }

  public ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(Response.Status.NOT_FOUND, detail);
  }

  public static ProblemException invalid(String field, String message) {
    return new ProblemException(
        Response.Status.BAD_REQUEST,
        "The request has an invalid field.",
        List.of(new Problem.FieldError(field, message)));
  }

  /**
   * A domain rule's refusal as a 400. Domain factories say {@code "field: what is wrong"}; the
   * field becomes the problem's field so pages can show the message beside it.
   */
  public static ProblemException fromRule(IllegalArgumentException rule) {
    if (rule instanceof RuleViolations several) {
      List<Problem.FieldError> errors =
          several.violations().stream()
              .map(v -> new Problem.FieldError(v.field(), v.message()))
              .toList();
      return new ProblemException(
          Response.Status.BAD_REQUEST,
          errors.stream()
              .map(e -> e.field() + " " + e.message())
              .collect(java.util.stream.Collectors.joining("; ")),
          errors);
    }
    String message = rule.getMessage() == null ? "invalid" : rule.getMessage();
    int colon = message.indexOf(": ");
    String field = colon > 0 ? message.substring(0, colon) : "";
    String text = colon > 0 ? message.substring(colon + 2) : message;
    return new ProblemException(
        Response.Status.BAD_REQUEST,
        colon > 0 ? field + " " + text : text,
        List.of(new Problem.FieldError(field, text)));
  }

  public Problem problem() {
    return problem;
  }
}
