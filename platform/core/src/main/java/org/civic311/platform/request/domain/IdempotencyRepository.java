package org.civic311.platform.request.domain;

import java.util.Optional;

/** The current city's idempotency keys. */
public interface IdempotencyRepository {
  Optional<IdempotencyRecord> find(String key);

  void add(IdempotencyRecord record);

  void remove(IdempotencyRecord record);

  /** Removes the keys claimed before {@code cutoff}; returns how many. */
  int removeClaimedBefore(java.time.OffsetDateTime cutoff);
}
