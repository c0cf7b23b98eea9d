package org.civic311.integrations.config;

import java.time.OffsetDateTime;

/**
 * A department integration as the administrator's pages see it: everything but the secrets, of
 * which only whether each is set.
 */
public record IntegrationView(
    String department,
    String kind,
    String url,
    String auth,
    boolean credentialsSet,
    boolean signingSecretSet,
    boolean enabled,
    int version,
    OffsetDateTime updatedAt,
    String updatedBy,
    String options) {

  static IntegrationView of(DepartmentIntegration i) {
    return new IntegrationView(
        i.department(),
        i.kind().wireName(),
        i.url().toString(),
        i.authKind().wireName(),
        i.sealedCredentials().isPresent(),
        i.sealedSigningSecret() != null,
        i.enabled(),
        i.version(),
        i.updatedAt(),
        i.updatedBy(),
        i.options());
  }
}
