package org.civic311.platform.shared.application;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Several refusals found at once (every wrong answer of a form, not only the first), so the person
 * filling it in can correct them all in one go. Each is a {@code field: message} like any domain
 * rule's refusal; the message of the whole joins them with {@code "; "}.
 */
public class RuleViolations extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** One refusal: the field it names and what is wrong. */
  public record Violation(String field, String message) {}

  private final transient List<Violation> violations;

  private RuleViolations(List<Violation> violations) {
    super(
        violations.stream()
            .map(v -> v.field() + ": " + v.message())
            .collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  /**
   * Throws the refusals in {@code violations}, if there are any: a single one as a plain domain
   * refusal, several as one {@code RuleViolations}.
   */
  public static void throwIfAny(List<Violation> violations) {
    if (violations.size() == 1) {
      Violation v = violations.get(0);
      throw new IllegalArgumentException(v.field() + ": " + v.message());
    }
    if (!violations.isEmpty()) {
      throw new RuleViolations(violations);
    }
  }

  public List<Violation> violations() {
    return violations;
  }
}
