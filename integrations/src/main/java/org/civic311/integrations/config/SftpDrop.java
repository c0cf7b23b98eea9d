package org.civic311.integrations.config;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The settings of an {@code sftp} integration that are not secret: the server and directory ({@code
 * sftp://host[:port]/directory}), the user, the server's host key fingerprint (as OpenSSH prints
 * it, {@code SHA256:<base64>}; the connection is refused when the server shows another key) and the
 * file format ({@code json} or {@code csv}). The password or private key is a secret, sealed
 * elsewhere.
 */
public final class SftpDrop {
  private static final jakarta.json.spi.JsonProvider JSON_PROVIDER =
      jakarta.json.spi.JsonProvider.provider();
  private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}=?");
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private SftpDrop() {}

  public record Settings(
      WebhookAddress url, String username, String hostKeyFingerprint, String format) {
    public String host() {
      return url.uri().getHost();
    }

    public int port() {
      return url.uri().getPort() < 0 ? 22 : url.uri().getPort();
    }

    /** The directory files are dropped in ({@code /} when the URL has no path). */
    public String directory() {
      String path = url.uri().getPath();
      return path == null || path.isEmpty() ? "/" : path;
    }

    String optionsJson() {
      return JSON_PROVIDER
          .createObjectBuilder()
          .add("username", username)
          .add("host_key_fingerprint", hostKeyFingerprint)
          .add("format", format)
          .build()
          .toString();
    }
  }

  /**
   * @throws IllegalArgumentException naming the field that is wrong
   */
  static Settings settings(SaveIntegration r) {
    if (r.auth() != null) {
      throw new IllegalArgumentException(
          "auth: an sftp integration takes a password or a private_key (leave auth out)");
    }
    if (r.token() != null
        || r.tokenUrl() != null
        || r.clientId() != null
        || r.clientSecret() != null
        || r.scope() != null
        || r.jurisdictionId() != null
        || r.apiKey() != null
        || r.serviceCodes() != null) {
      throw new IllegalArgumentException(
          "kind: an sftp integration takes url, username, password or private_key,"
              + " host_key_fingerprint and format");
    }
    if (r.url() == null || r.url().isBlank()) {
      throw new IllegalArgumentException("url: is required (sftp://host[:port]/directory)");
    }
    URI uri;
    try {
      uri = new URI(r.url().strip());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("url: '" + r.url() + "' is not a URL");
    }
    if (!"sftp".equalsIgnoreCase(uri.getScheme())
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "url: must be sftp://host[:port]/directory, without user, query or fragment");
    }
    if (r.url().length() > WebhookAddress.MAX_LENGTH) {
      throw new IllegalArgumentException("url: at most " + WebhookAddress.MAX_LENGTH + " chars");
    }
    if (r.username() == null || !USER.matcher(r.username()).matches()) {
      throw new IllegalArgumentException(
          "username: is required (letters, digits, '.', '_' or '-', at most 64)");
    }
    String fingerprint = r.hostKeyFingerprint() == null ? null : r.hostKeyFingerprint().strip();
    if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
      throw new IllegalArgumentException(
          "host_key_fingerprint: is required, as ssh-keygen -lf prints it: SHA256:<base64>");
    }
    String format = r.format() == null ? "json" : r.format().strip().toLowerCase(Locale.ROOT);
    if (!format.equals("json") && !format.equals("csv")) {
      throw new IllegalArgumentException("format: json (the default) or csv");
    }
    return new Settings(
        new WebhookAddress(uri), r.username(), fingerprint.replaceAll("=$", ""), format);
  }

  /** The settings of a stored integration. */
  public static Settings of(WebhookAddress url, String options) {
    JsonObject json;
    try (JsonReader reader = JSON_PROVIDER.createReader(new StringReader(options))) {
      json = reader.readObject();
    }
    return new Settings(
        url,
        json.getString("username"),
        json.getString("host_key_fingerprint"),
        json.getString("format", "json"));
  }
}
