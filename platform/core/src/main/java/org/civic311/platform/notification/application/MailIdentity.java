package org.civic311.platform.notification.application;

import java.util.List;

/** How a city signs its mail: its saved notification settings, or the deployment's defaults. */
public record MailIdentity(
    String citySlug,
    String cityName,
    String senderAddress,
    String senderName,
    String replyTo,
    List<String> languages,
    int hourlyLimit,
    String brandColor,
    boolean saved) {

  /** {@code requested} when the city writes in it, or else the city's first language. */
  public String language(String requested) {
    return requested != null && languages.contains(requested) ? requested : languages.get(0);
  }
}
