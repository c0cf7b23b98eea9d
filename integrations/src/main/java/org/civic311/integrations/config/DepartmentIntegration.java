package org.civic311.integrations.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.civic311.platform.shared.domain.TenantOwned;

/**
 * How one department of a city is reached: the connector kind, its address, how Civic311
 * authenticates to it, and the secret both sides sign with. Secrets are held sealed ({@link
 * SecretBox}): this entity never sees them in clear, so neither can anything that reads it by
 * mistake. Every change raises {@link #version()}, which is how each instance knows that its Camel
 * route for the department is out of date.
 */
@Entity
@Table(name = "department_integration")
public class DepartmentIntegration extends TenantOwned {
  @Id private UUID id;

  @Column(nullable = false)
  private String department;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private String url;

  @Column(name = "auth_kind", nullable = false)
  private String authKind;

  private String credentials;

  /** The kind's settings that are not secret, as JSON (open311 and sftp), or null. */
  private String options;

  @Column(name = "signing_secret", nullable = false)
  private String signingSecret;

  @Column(nullable = false)
  private boolean enabled;

  @Column(nullable = false)
  private int version;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  protected DepartmentIntegration() {}

  /** A department's first integration; the sealed secrets come from {@link SecretBox}. */
  public static DepartmentIntegration of(
      String department,
      ConnectorKind kind,
      WebhookAddress url,
      AuthKind auth,
      String sealedCredentials,
      String sealedSigningSecret,
      String options,
      boolean enabled,
      String actor,
      Clock clock) {
    DepartmentIntegration d = new DepartmentIntegration();
    d.id = UUID.randomUUID();
    d.department = department;
    d.version = 0;
    d.change(
        kind, url, auth, sealedCredentials, sealedSigningSecret, options, enabled, actor, clock);
    return d;
  }

  /**
   * Replaces the whole configuration (the caller keeps a secret by passing the sealed one it has).
   *
   * @throws IllegalArgumentException naming the field that is wrong
   */
  public void change(
      ConnectorKind newKind,
      WebhookAddress newUrl,
      AuthKind auth,
      String sealedCredentials,
      String sealedSigningSecret,
      String newOptions,
      boolean isEnabled,
      String actor,
      Clock clock) {
    if (newKind == null) {
      throw new IllegalArgumentException("kind: is required");
    }
    if (newUrl == null) {
      throw new IllegalArgumentException("url: is required");
    }
    if (auth == null) {
      throw new IllegalArgumentException("auth: is required");
    }
    if (auth == AuthKind.NONE && sealedCredentials != null) {
      throw new IllegalArgumentException("auth: 'none' takes no credentials");
    }
    if (auth != AuthKind.NONE && sealedCredentials == null) {
      throw new IllegalArgumentException(
          "auth: '" + auth.wireName() + "' needs its credentials (see docs/api.md)");
    }
    if (sealedSigningSecret == null) {
      throw new IllegalArgumentException("signing_secret: is required");
    }
    kind = newKind.wireName();
    url = newUrl.toString();
    authKind = auth.wireName();
    credentials = sealedCredentials;
    signingSecret = sealedSigningSecret;
    options = newOptions;
    enabled = isEnabled;
    version++;
    updatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    updatedBy = actor;
  }

  public UUID id() {
    return id;
  }

  public String department() {
    return department;
  }

  public ConnectorKind kind() {
    return ConnectorKind.fromWire(kind).orElseThrow();
  }

  public WebhookAddress url() {
    return new WebhookAddress(URI.create(url));
  }

  public AuthKind authKind() {
    return AuthKind.fromWire(authKind).orElseThrow();
  }

  /** The sealed credentials, for {@link SecretBox#open}; empty with {@link AuthKind#NONE}. */
  public Optional<String> sealedCredentials() {
    return Optional.ofNullable(credentials);
  }

  /** The sealed signing secret, for {@link SecretBox#open}. */
  public String sealedSigningSecret() {
    return signingSecret;
  }

  /** The kind's settings that are not secret (JSON), or null. */
  public String options() {
    return options;
  }

  public boolean enabled() {
    return enabled;
  }

  public int version() {
    return version;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }
}
