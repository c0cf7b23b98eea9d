package org.civic311.platform.request.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.civic311.platform.request.domain.IdempotencyRecord;
import org.civic311.platform.request.domain.IdempotencyRepository;
import org.civic311.platform.request.domain.ServiceRequestId;
import org.civic311.platform.shared.application.TenantTransactional;

/** The transactional steps of an idempotent submission; {@link IdempotentSubmission} runs them. */
@ApplicationScoped
public class IdempotencyKeys {
  /** What a claim found. */
  public enum Found {
    NEW,
    DONE,
    IN_FLIGHT,
    OTHER_BODY
  }

  /** A claim's answer; {@code result} is set when {@code found} is DONE. */
  public record Claim(Found found, Optional<ServiceRequestId> result) {}

  @Inject IdempotencyRepository keys;
  @Inject RequestIntakeService intake;
  @Inject Clock clock;

  /** Claims {@code key} for a body, in its own transaction, so a concurrent repeat sees it. */
  @TenantTransactional
  public Claim claim(String key, String fingerprint) {
    Optional<IdempotencyRecord> existing = keys.find(key);
    if (existing.isEmpty()) {
      keys.add(IdempotencyRecord.claim(key, fingerprint, clock));
      return new Claim(Found.NEW, Optional.empty());
    }
    IdempotencyRecord record = existing.get();
    if (!record.sameBody(fingerprint)) {
      return new Claim(Found.OTHER_BODY, Optional.empty());
    }
    if (record.result().isPresent()) {
      return new Claim(Found.DONE, record.result());
    }
    if (record.isAbandoned(clock)) {
      record.reclaim(clock);
      return new Claim(Found.NEW, Optional.empty());
    }
    return new Claim(Found.IN_FLIGHT, Optional.empty());
  }

  /** Submits and completes the key in one transaction: both happen or neither. */
  @TenantTransactional
  public RequestSummary submitAndComplete(String key, SubmitServiceRequest submission) {
    RequestSummary created = intake.submit(submission);
    keys.find(key)
        .orElseThrow(() -> new IllegalStateException("Idempotency-Key " + key + " vanished"))
        .complete(ServiceRequestId.parse(created.id()).orElseThrow(), clock);
    return created;
  }

  /**
   * Forgets the current city's keys older than {@code keep} (at least a day: the promise to
   * clients); a repeat after that is a new request.
   */
  @TenantTransactional
  public int purgeOlderThan(java.time.Duration keep) {
    if (keep.compareTo(java.time.Duration.ofHours(24)) < 0) {
      throw new IllegalArgumentException("keep: idempotency keys are kept at least 24 hours");
    }
    return keys.removeClaimedBefore(
        java.time.OffsetDateTime.now(clock)
            .minus(keep)
            .withOffsetSameInstant(java.time.ZoneOffset.UTC));
  }

  /** Lets the key go after a refused submission, so the client can correct it and retry. */
  @TenantTransactional
  public void release(String key) {
    keys.find(key).filter(r -> r.result().isEmpty()).ifPresent(keys::remove);
  }
}
