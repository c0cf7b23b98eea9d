package org.civic311.platform.routing.domain;

import org.civic311.platform.routing.domain.WeeklyRange.DayTime;

/**
 * A day the usual weekly hours do not apply: closed all day, or (a partial day) open only from
 * {@code opens} to {@code closes}.
 */
public record Holiday(String name, HolidayRule rule, DayTime opens, DayTime closes) {
  public Holiday {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("name: is required, at most 100 characters");
    }
    if (rule == null) {
      throw new IllegalArgumentException("rule: is required");
    }
    if ((opens == null) != (closes == null)) {
      throw new IllegalArgumentException("closes: a partial day needs both opens and closes");
    }
    if (opens != null) {
      DayTime.requireOrdered(opens, closes);
    }
  }

  public boolean partial() {
    return opens != null;
  }
}
