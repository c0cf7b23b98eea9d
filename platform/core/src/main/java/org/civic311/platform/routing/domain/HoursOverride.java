package org.civic311.platform.routing.domain;

import java.time.Instant;

/**
 * A dated exception that wins over weekly hours and holidays: storm hours ({@code open}) or an
 * emergency closure ({@code closed}), from one instant to another, with the message callers and the
 * portal are given while it is in force.
 */
public record HoursOverride(Instant from, Instant until, boolean open, String message) {
  public HoursOverride {
    if (from == null || until == null) {
      throw new IllegalArgumentException("from: and until are both required");
    }
    if (!until.isAfter(from)) {
      throw new IllegalArgumentException("until: must be after from");
    }
    if (message != null && message.length() > 500) {
      throw new IllegalArgumentException("message: at most 500 characters");
    }
    message = message == null || message.isBlank() ? null : message.strip();
  }

  boolean covers(Instant t) {
    return !t.isBefore(from) && t.isBefore(until);
  }
}
