package org.civic311.integrations.config;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The settings of an {@code open311} integration that are not secret: the remote GeoReport v2
 * server's base URL (e.g. {@code https://311.example.org/open311/v2}), its {@code jurisdiction_id}
 * and the mapping from this city's service codes to the remote's. Its {@code api_key} is a secret
 * and kept sealed elsewhere. A code without a mapping is not forwarded (the event is refused and
 * becomes a dead letter the administrator can replay once the mapping is added).
 */
public final class RemoteOpen311 {
  private static final jakarta.json.spi.JsonProvider JSON_PROVIDER =
      jakarta.json.spi.JsonProvider.provider();
  static final int MAX_CODE = 200;
  static final int MAX_CODES = 1000;

  private RemoteOpen311() {}

  /**
   * @param url the remote's GeoReport v2 base URL, without a trailing slash
   * @param jurisdictionId the remote's jurisdiction, or null when the remote needs none
   */
  public record Settings(
      WebhookAddress url, String jurisdictionId, Map<String, String> serviceCodes) {
    public Settings {
      serviceCodes = Collections.unmodifiableMap(new TreeMap<>(serviceCodes));
    }

    /** The remote's code for one of this city's codes, if mapped. */
    public Optional<String> remoteCode(String code) {
      return Optional.ofNullable(code).map(serviceCodes::get);
    }

    /** {@code <base>/<path>}, e.g. {@code requests.json}. */
    public String resolve(String path) {
      return url.toString() + "/" + path;
    }

    String optionsJson() {
      JsonObjectBuilder codes = JSON_PROVIDER.createObjectBuilder();
      serviceCodes.forEach(codes::add);
      JsonObjectBuilder json = JSON_PROVIDER.createObjectBuilder().add("service_codes", codes);
      if (jurisdictionId != null) {
        json.add("jurisdiction_id", jurisdictionId);
      }
      return json.build().toString();
    }
  }

  /**
   * The settings an administrator gave, each checked.
   *
   * @throws IllegalArgumentException naming the field that is wrong
   */
  static Settings settings(SaveIntegration r) {
    if (r.auth() != null && !r.auth().strip().equalsIgnoreCase("api_key")) {
      throw new IllegalArgumentException(
          "auth: an open311 integration authenticates with its api_key (leave auth out)");
    }
    if (r.token() != null
        || r.username() != null
        || r.password() != null
        || r.tokenUrl() != null
        || r.clientId() != null
        || r.clientSecret() != null
        || r.scope() != null) {
      throw new IllegalArgumentException(
          "auth: an open311 integration takes an api_key, not a token, username or client");
    }
    if (r.privateKey() != null || r.hostKeyFingerprint() != null || r.format() != null) {
      throw new IllegalArgumentException(
          "kind: private_key, host_key_fingerprint and format go with kind 'sftp'");
    }
    WebhookAddress url = WebhookAddress.parse(r.url());
    if (url.uri().getRawQuery() != null) {
      throw new IllegalArgumentException(
          "url: the GeoReport v2 base URL takes no query (e.g. https://311.example.org/open311/v2)");
    }
    String base = url.toString().replaceAll("/+$", "");
    url = new WebhookAddress(java.net.URI.create(base));
    String jurisdiction = r.jurisdictionId() == null ? null : r.jurisdictionId().strip();
    if (jurisdiction != null) {
      if (jurisdiction.isEmpty()) {
        jurisdiction = null;
      } else {
        code("jurisdiction_id", jurisdiction);
      }
    }
    if (r.serviceCodes() == null || r.serviceCodes().isEmpty()) {
      throw new IllegalArgumentException(
          "service_codes: map at least one of this city's service codes to the remote's, e.g."
              + " {\"pothole\": \"POTHOLE\"}");
    }
    if (r.serviceCodes().size() > MAX_CODES) {
      throw new IllegalArgumentException("service_codes: at most " + MAX_CODES + " codes");
    }
    Map<String, String> codes = new TreeMap<>();
    r.serviceCodes()
        .forEach(
            (ours, theirs) -> {
              code("service_codes", ours);
              if (theirs == null) {
                throw new IllegalArgumentException(
                    "service_codes: '" + ours + "' needs the remote's code");
              }
              code("service_codes", theirs);
              codes.put(ours.strip(), theirs.strip());
            });
    return new Settings(url, jurisdiction, codes);
  }

  private static void code(String field, String value) {
    if (value == null || value.isBlank() || value.length() > MAX_CODE) {
      throw new IllegalArgumentException(field + ": codes are 1 to " + MAX_CODE + " characters");
    }
    if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException(field + ": must not contain control characters");
    }
  }

  /** The settings of a stored integration (its URL and options). */
  public static Settings of(WebhookAddress url, String options) {
    JsonObject json;
    try (JsonReader reader = JSON_PROVIDER.createReader(new StringReader(options))) {
      json = reader.readObject();
    }
    Map<String, String> codes = new TreeMap<>();
    JsonValue mapped = json.get("service_codes");
    if (mapped instanceof JsonObject o) {
      o.forEach(
          (k, v) -> {
            if (v instanceof JsonString s) {
              codes.put(k, s.getString());
            }
          });
    }
    return new Settings(url, json.getString("jurisdiction_id", null), codes);
  }
}
