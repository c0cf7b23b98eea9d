package org.civic311.platform.request.domain;

import java.util.Objects;
import java.util.UUID;

public record ServiceRequestId(UUID value) {
  public ServiceRequestId {
    Objects.requireNonNull(value, "service request id");
  }

  /** Parses an id a caller sent; empty when it is not one (so it is simply not found). */
  public static java.util.Optional<ServiceRequestId> parse(String value) {
    try {
      return java.util.Optional.of(new ServiceRequestId(UUID.fromString(value)));
    } catch (IllegalArgumentException | NullPointerException e) {
      return java.util.Optional.empty();
    }
  }
}
