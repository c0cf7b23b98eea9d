package org.civic311.integrations.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A department system's address: an absolute {@code http} or {@code https} URL with a host, and
 * neither credentials (they belong in the encrypted credentials, not in a URL that the API shows)
 * nor a fragment.
 */
public record WebhookAddress(URI uri) {
  static final int MAX_LENGTH = 2000;

  public WebhookAddress {
    if (uri == null) {
      throw new IllegalArgumentException("url: is required");
    }
  }

  /**
   * @throws IllegalArgumentException naming the field {@code url}
   */
  public static WebhookAddress parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("url: is required");
    }
    String trimmed = text.strip();
    if (trimmed.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("url: at most " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url: '" + trimmed + "' is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "url: must start with http:// or https:// (not '" + uri.getScheme() + "')");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException("url: '" + trimmed + "' has no host name");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "url: must not carry a user name or password; use auth basic or bearer instead");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("url: must not have a fragment (#...)");
    }
    return new WebhookAddress(uri);
  }

  public String host() {
    return uri.getHost();
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
