package org.civic311.platform.request.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;

/**
 * A submission under a client's {@code Idempotency-Key}, scoped to the current city: the same key
 * and body give the first request again; another body under the key is refused; a repeat while the
 * first is still being handled is told so. The claim commits first, then the request and the key's
 * completion commit together; a refused submission releases the key.
 */
@ApplicationScoped
public class IdempotentSubmission {
  /** What happened; {@code request} is set for CREATED and REPEATED. */
  public record Outcome(Kind kind, RequestSummary request) {}

  public enum Kind {
    CREATED,
    REPEATED,
    IN_FLIGHT,
    OTHER_BODY
  }

  @Inject IdempotencyKeys keys;
  @Inject RequestIntakeService intake;

  public Outcome submit(String key, String fingerprint, SubmitServiceRequest submission) {
    IdempotencyKeys.Claim claim;
    try {
      claim = keys.claim(key, fingerprint);
    } catch (PersistenceException | TransactionalException raced) {
      return new Outcome(Kind.IN_FLIGHT, null); // a concurrent claim of the same key won
    }
    switch (claim.found()) {
      case OTHER_BODY:
        return new Outcome(Kind.OTHER_BODY, null);
      case IN_FLIGHT:
        return new Outcome(Kind.IN_FLIGHT, null);
      case DONE:
        return new Outcome(
            Kind.REPEATED,
            intake.find(claim.result().orElseThrow().value().toString()).orElseThrow());
      default:
        break;
    }
    try {
      return new Outcome(Kind.CREATED, keys.submitAndComplete(key, submission));
    } catch (RuntimeException refused) {
      keys.release(key);
      throw refused;
    }
  }
}
