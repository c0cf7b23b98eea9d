package org.civic311.platform.shared.application;

import java.time.Instant;

/**
 * Thrown by an {@link OutboxConsumer} that cannot deliver yet for a known reason that is not a
 * failure (a city's hourly sending limit is reached): the event comes back at {@code until}.
 */
public class DeliveryDeferred extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Instant until;

  public DeliveryDeferred(Instant until, String reason) {
    super(reason);
    this.until = until;
  }

  public Instant until() {
    return until;
  }
}
