package org.civic311.integrations.config;

/**
 * What it takes to talk to one department's system, secrets opened: only for the dispatch and the
 * inbound check, never for a response. {@link #toString()} leaves the secrets out, so a log line or
 * an exception message cannot carry them.
 *
 * @param authorization the {@code Authorization} header's value, or null with auth {@code none} or
 *     {@code oauth2}
 * @param oauth2 the client credentials to get a token with (auth {@code oauth2}), or null
 * @param secret the opened credential of an {@code open311} (its api_key) or {@code sftp} (its
 *     password or private key) integration, or null
 * @param options the kind's settings that are not secret (JSON), or null
 */
public record DepartmentConnection(
    String department,
    ConnectorKind kind,
    WebhookAddress url,
    int version,
    boolean enabled,
    String authorization,
    String signingSecret,
    OAuth2Client oauth2,
    String secret,
    String options,
    AuthKind auth) {

  @Override
  public String toString() {
    return "DepartmentConnection[department="
        + department
        + ", kind="
        + kind
        + ", url="
        + url
        + ", version="
        + version
        + ", enabled="
        + enabled
        + "]";
  }
}
