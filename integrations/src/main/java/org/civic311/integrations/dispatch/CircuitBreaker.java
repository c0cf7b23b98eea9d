package org.civic311.integrations.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The circuit breaker of one department's system: after {@code threshold} failures in a row (server
 * errors, timeouts, refused connections; a refusal such as a 422 does not count, the system
 * answered), deliveries to it pause instead of piling more calls on a system that is down, and of
 * holding the outbox's other deliveries up behind its timeouts. The pause is {@code openFor} after
 * the last failure, doubling with each further failure up to {@code maxOpen}. When it is over, the
 * next delivery is the trial (half-open): a success closes the breaker, a failure pauses again,
 * longer.
 *
 * <p>The state is the department's row of {@code integration_health} (failures in a row, the last
 * failure's time), which every instance writes after each attempt: the breaker is shared by all
 * instances, and survives a restart. An administrator can close it at once ({@code resume}).
 */
public record CircuitBreaker(int threshold, Duration openFor, Duration maxOpen) {
  public CircuitBreaker {
    if (threshold < 1 || openFor.isNegative() || maxOpen.compareTo(openFor) < 0) {
      throw new IllegalArgumentException("threshold >= 1 and 0 <= openFor <= maxOpen");
    }
  }

  /**
   * Until when deliveries to the department pause, given its failures in a row and the time of the
   * last one; empty when they may go ahead (closed, or half-open for a trial).
   */
  public Optional<Instant> pausedUntil(
      int consecutiveFailures, OffsetDateTime lastFailureAt, Instant now) {
    if (consecutiveFailures < threshold || lastFailureAt == null) {
      return Optional.empty();
    }
    int doublings = Math.min(consecutiveFailures - threshold, 20);
    Duration pause = openFor.multipliedBy(1L << doublings);
    if (pause.compareTo(maxOpen) > 0) {
      pause = maxOpen;
    }
    Instant until = lastFailureAt.toInstant().plus(pause);
    return until.isAfter(now) ? Optional.of(until) : Optional.empty();
  }
}
