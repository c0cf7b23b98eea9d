package org.civic311.admin.provider.onboarding;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.civic311.admin.city.catalogue.CatalogueCsv;
import org.civic311.platform.shared.api.Problem;
import org.civic311.platform.shared.api.ProblemException;

/**
 * How a refused onboarding is told (ADR 0015, ADR 0019), the same for the synchronous endpoint and
 * for an onboarding job's outcome: each problem names the field of the form it concerns.
 */
public final class OnboardingProblems {
  private OnboardingProblems() {}

  /** The problem {@code e} stands for, or {@code e} itself when it is not the caller's doing. */
  public static RuntimeException of(RuntimeException e) {
    if (e instanceof ProblemException p) {
      return p;
    }
    if (e instanceof Onboarding.Taken t) {
      return new ProblemException(
          Response.Status.CONFLICT,
          t.getMessage(),
          List.of(new Problem.FieldError(t.field(), "is already taken by another city")));
    }
    if (e instanceof CityIdentity.Refused r) {
      if (r.status() == 409) {
        return new ProblemException(
            Response.Status.CONFLICT,
            r.getMessage(),
            List.of(new Problem.FieldError(r.field(), r.getMessage())));
      }
      return new ProblemException(Response.Status.BAD_GATEWAY, r.getMessage());
    }
    if (e instanceof CatalogueCsv.WrongRows w) {
      return new ProblemException(
          Response.Status.BAD_REQUEST,
          w.problems().size() + " rows of catalogue_csv are wrong; no city was made.",
          w.problems().stream().map(p -> new Problem.FieldError("catalogue_csv", p)).toList());
    }
    if (e instanceof Open311Import.Unavailable || e instanceof Open311Import.Unusable) {
      return new ProblemException(
          Response.Status.BAD_GATEWAY,
          "The catalogue cannot be imported: " + e.getMessage() + ". No city was made.",
          List.of(new Problem.FieldError("catalogue", e.getMessage())));
    }
    if (e instanceof IllegalArgumentException rule) {
      return ProblemException.fromRule(rule);
    }
    return e;
  }

  /** {@code e} as a problem detail: the mapped one, or a 500 saying what failed. */
  public static Problem problem(RuntimeException e) {
    RuntimeException mapped = of(e);
    if (mapped instanceof ProblemException p) {
      return p.problem();
    }
    return Problem.of(
        Response.Status.INTERNAL_SERVER_ERROR,
        "The onboarding failed and left nothing behind; it can be tried again. ("
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())
            + ")");
  }
}
