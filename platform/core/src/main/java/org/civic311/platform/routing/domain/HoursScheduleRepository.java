package org.civic311.platform.routing.domain;

import java.util.Optional;

/** The current city's hours schedules. */
public interface HoursScheduleRepository {
  Optional<HoursSchedule> find(String name);

  void add(HoursSchedule schedule);
}
