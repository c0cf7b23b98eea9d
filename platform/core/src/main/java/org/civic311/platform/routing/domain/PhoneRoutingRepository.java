package org.civic311.platform.routing.domain;

import java.util.Optional;

/** The current city's phone routing. */
public interface PhoneRoutingRepository {
  Optional<PhoneRoutingSchedule> find();

  void add(PhoneRoutingSchedule schedule);
}
