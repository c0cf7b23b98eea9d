package org.civic311.integrations.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of department system Civic311 can reach: one Camel route template each, instantiated
 * per city and department from its configuration row (ADR 0013, ADR 0020).
 */
public enum ConnectorKind {
  /** A signed JSON POST of every event to the department's URL. */
  WEBHOOK,
  /** A message for every event to the department's mailbox ({@code mailto:} URL). */
  EMAIL,
  /**
   * Another GeoReport v2 server: each routed request is filed there once, and its {@code
   * servicerequestupdates} are polled back.
   */
  OPEN311,
  /** A file per event (JSON or CSV) dropped in a directory of an SFTP server. */
  SFTP;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ConnectorKind> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (ConnectorKind kind : values()) {
      if (kind.wireName().equals(name.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
