package org.civic311.integrations.config;

/**
 * A department integration as an administrator saves it. A secret left out (null) keeps the one
 * stored; {@code enabled} null means true.
 */
public record SaveIntegration(
    String kind,
    String url,
    String auth,
    String token,
    String username,
    String password,
    String signingSecret,
    Boolean enabled,
    String tokenUrl,
    String clientId,
    String clientSecret,
    String scope,
    String jurisdictionId,
    String apiKey,
    java.util.Map<String, String> serviceCodes,
    String privateKey,
    String hostKeyFingerprint,
    String format) {

  @Override
  public String toString() {
    return "SaveIntegration[kind="
        + kind
        + ", url="
        + url
        + ", auth="
        + auth
        + ", secrets given="
        + (token != null
            || password != null
            || signingSecret != null
            || clientSecret != null
            || apiKey != null
            || privateKey != null)
        + "]";
  }
}
