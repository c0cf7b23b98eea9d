package org.civic311.integrations.config;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;

/**
 * A department's OAuth 2.0 client credentials: where Civic311 gets a token ({@code tokenUrl}), as
 * which client, and for which scope (optional). {@link #toString()} leaves the secret out.
 */
public record OAuth2Client(URI tokenUrl, String clientId, String clientSecret, String scope) {
  private static final jakarta.json.spi.JsonProvider JSON =
      jakarta.json.spi.JsonProvider.provider();

  /** As sealed in the integration's credentials. */
  String toJson() {
    var json =
        JSON.createObjectBuilder()
            .add("token_url", tokenUrl.toString())
            .add("client_id", clientId)
            .add("client_secret", clientSecret);
    if (scope != null) {
      json.add("scope", scope);
    }
    return json.build().toString();
  }

  static OAuth2Client fromJson(String text) {
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      JsonObject o = reader.readObject();
      return new OAuth2Client(
          URI.create(o.getString("token_url")),
          o.getString("client_id"),
          o.getString("client_secret"),
          o.getString("scope", null));
    }
  }

  @Override
  public String toString() {
    return "OAuth2Client[tokenUrl="
        + tokenUrl
        + ", clientId="
        + clientId
        + ", scope="
        + scope
        + "]";
  }
}
