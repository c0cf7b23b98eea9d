package org.civic311.platform.shared.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a city (tenant). It is part of the shared kernel because every tenant-owned
 * aggregate of every context carries it; the {@code Tenant} aggregate itself lives in {@code
 * tenancy}.
 */
public record TenantId(UUID value) {
  public TenantId {
    Objects.requireNonNull(value, "tenant id");
  }

  public static TenantId of(String value) {
    return new TenantId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
