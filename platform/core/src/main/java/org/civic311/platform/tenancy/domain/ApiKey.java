package org.civic311.platform.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.civic311.platform.shared.domain.Sha256;
import org.civic311.platform.shared.domain.TenantOwned;

/**
 * A city's Open311 API key. Only its SHA-256 hash is stored: keys are long random strings, so a
 * fast hash is enough to make a stolen table useless. Revoking keeps the row for the record.
 */
@Entity
@Table(name = "open311_api_key")
public class ApiKey extends TenantOwned {
  @Id private UUID id;

  @Column(name = "key_hash", nullable = false)
  private String keyHash;

  @Column(nullable = false)
  private String label;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  protected ApiKey() {}

  public static ApiKey of(String label, String plainKey, Clock clock) {
    if (plainKey == null || plainKey.length() < 16) {
      throw new IllegalArgumentException("api_key: at least 16 characters");
    }
    if (label == null || label.isBlank() || label.length() > 120) {
      throw new IllegalArgumentException("label: 1 to 120 characters");
    }
    ApiKey key = new ApiKey();
    key.id = UUID.randomUUID();
    key.keyHash = hash(plainKey);
    key.label = label.strip();
    key.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    return key;
  }

  public static String hash(String plainKey) {
    return Sha256.hex(plainKey);
  }

  public boolean isActive() {
    return revokedAt == null;
  }

  public void revoke(Clock clock) {
    if (revokedAt == null) {
      revokedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
  }

  public String label() {
    return label;
  }
}
