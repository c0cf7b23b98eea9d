package org.civic311.platform.request.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.civic311.platform.shared.domain.TenantOwned;

/**
 * A client's {@code Idempotency-Key} in one city: who claimed it with which body (a fingerprint),
 * and the request it produced once completed. Guarantees: a key is completed at most once; a claim
 * left in flight longer than {@link #ABANDONED_AFTER} (the process died) may be taken over.
 */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord extends TenantOwned {
  public static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);

  @Id private String key;

  @Column(nullable = false)
  private String fingerprint;

  // A String: EclipseLink 4.0.7's UUID converter fails on a NULL column value.
  @Column(name = "request_id")
  private String requestId;

  @Column(name = "claimed_at", nullable = false)
  private OffsetDateTime claimedAt;

  @Column(name = "completed_at")
  private OffsetDateTime completedAt;

  protected IdempotencyRecord() {}

  public static IdempotencyRecord claim(String key, String fingerprint, Clock clock) {
    if (key == null || key.isBlank() || key.length() > 255) {
      throw new IllegalArgumentException("Idempotency-Key: 1 to 255 characters");
    }
    IdempotencyRecord r = new IdempotencyRecord();
    r.key = key;
    r.fingerprint = fingerprint;
    r.claimedAt = now(clock);
    return r;
  }

  public boolean sameBody(String otherFingerprint) {
    return fingerprint.equals(otherFingerprint);
  }

  public Optional<ServiceRequestId> result() {
    return Optional.ofNullable(requestId).map(id -> new ServiceRequestId(UUID.fromString(id)));
  }

  public boolean isAbandoned(Clock clock) {
    return completedAt == null && claimedAt.plus(ABANDONED_AFTER).isBefore(now(clock));
  }

  /** Takes over an abandoned claim. */
  public void reclaim(Clock clock) {
    if (!isAbandoned(clock)) {
      throw new IllegalStateException("Idempotency-Key " + key + " is still in flight");
    }
    claimedAt = now(clock);
  }

  public void complete(ServiceRequestId request, Clock clock) {
    if (completedAt != null) {
      throw new IllegalStateException("Idempotency-Key " + key + " is already completed");
    }
    requestId = request.value().toString();
    completedAt = now(clock);
  }

  private static OffsetDateTime now(Clock clock) {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
