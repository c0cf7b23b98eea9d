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

  private static final java.util.regex.Pattern MAILBOX =
      java.util.regex.Pattern.compile(
          "[^@\\s<>\"(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?\\.[A-Za-z]{2,}");

  /**
   * A department's mailbox, for the e-mail connector: {@code mailto:} and one address (the prefix
   * may be left out).
   *
   * @throws IllegalArgumentException naming the field {@code url}
   */
  public static WebhookAddress mailbox(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("url: is required (mailto:<the department's address>)");
    }
    String address = text.strip();
    if (address.regionMatches(true, 0, "mailto:", 0, 7)) {
      address = address.substring(7);
    }
    if (address.length() > 254 || !MAILBOX.matcher(address).matches()) {
      throw new IllegalArgumentException(
          "url: '" + text.strip() + "' is not mailto: and one e-mail address");
    }
    return new WebhookAddress(URI.create("mailto:" + address.toLowerCase(Locale.ROOT)));
  }

  /** The address of a {@code mailto:} URL. */
  public String mailboxAddress() {
    return uri.getSchemeSpecificPart();
  }

  public String host() {
    return uri.getHost();
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
