package org.civic311.integrations.config;

import java.util.Locale;
import java.util.Optional;

/** How Civic311 proves itself to a department's system, besides the HMAC signature. */
public enum AuthKind {
  /** Nothing but the signature. */
  NONE,
  /** {@code Authorization: Bearer <token>}. */
  BEARER,
  /** {@code Authorization: Basic <username:password>}. */
  BASIC,
  /**
   * {@code Authorization: Bearer <token>}, the token got from the department's authorization server
   * with the OAuth 2.0 client credentials grant, and kept until shortly before it expires.
   */
  OAUTH2,
  /** An Open311 server's {@code api_key} (kind {@code open311}). */
  API_KEY,
  /** An SFTP user's password (kind {@code sftp}). */
  PASSWORD,
  /** An SFTP user's private key, PEM/OpenSSH text (kind {@code sftp}). */
  PRIVATE_KEY;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AuthKind> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (AuthKind kind : values()) {
      if (kind.wireName().equals(name.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
