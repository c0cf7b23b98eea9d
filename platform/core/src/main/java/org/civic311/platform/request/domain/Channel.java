package org.civic311.platform.request.domain;

import java.util.Locale;
import java.util.Optional;

/** How a request reached the city. Reported in Open311's extended attributes and in reports. */
public enum Channel {
  PHONE,
  WEB,
  MOBILE_APP,
  OPEN311,
  CHAT,
  EMAIL,
  COUNTER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Channel> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
