package org.civic311.platform.shared.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic311.platform.shared.domain.TenantId;

/**
 * The outbox's global work queue ({@code outbox_delivery}): pointers to events per consumer, with
 * their retry state. Claims are leases taken with {@code FOR UPDATE SKIP LOCKED}, so any number of
 * instances poll it and each due row goes to one of them; a lease that runs out (the instance died)
 * makes the row due again.
 */
public interface OutboxQueue {
  /** A claimed row. */
  record Claim(TenantId city, UUID eventId, UUID requestId, int seq, int attempts) {}

  /** What waits for one consumer in one city: live rows (due or not) and dead ones. */
  record Backlog(String consumer, TenantId city, long pending, long dead) {}

  /** The queue's size per consumer and city, across all cities (for the operator's metrics). */
  List<Backlog> backlog();

  /**
   * Leases up to {@code limit} due rows of {@code consumer}, oldest first, skipping any row whose
   * request has an earlier event still pending for the same consumer.
   */
  List<Claim> claim(String consumer, int limit, Duration lease);

  /**
   * The type and payload of each of {@code eventIds} that exists, read as the current city in one
   * statement (call inside a tenant transaction): a claimed batch reads its events once per city.
   */
  Map<UUID, String[]> events(List<UUID> eventIds);

  /** Removes the delivered rows of a batch, in one statement. */
  void done(String consumer, List<Claim> claims);

  void retry(String consumer, Claim claim, Instant at, String reason, boolean countsAsAttempt);

  /** Gives up on the row: it stays, marked dead, for an administrator to replay or discard. */
  void dead(String consumer, Claim claim, String reason);

  /**
   * Makes a dead row of the current city due again at once, with a fresh budget of attempts (its
   * last error is kept until the next attempt). Runs in the caller's tenant transaction, so an
   * audit entry written beside it commits with it.
   *
   * @return false when the current city has no such dead row
   */
  boolean replay(String consumer, UUID eventId);

  /**
   * Deletes a dead row of the current city: the event is not delivered to {@code consumer}. Runs in
   * the caller's tenant transaction.
   *
   * @return false when the current city has no such dead row
   */
  boolean discard(String consumer, UUID eventId);
}
