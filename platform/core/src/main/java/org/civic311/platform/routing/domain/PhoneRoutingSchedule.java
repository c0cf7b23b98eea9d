package org.civic311.platform.routing.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Clock;

/** A city's stored phone routing: its entry points as one checked document. */
@Entity
@Table(name = "phone_routing")
public class PhoneRoutingSchedule extends CityDocument {
  protected PhoneRoutingSchedule() {}

  public static PhoneRoutingSchedule create(String document, String actor, Clock clock) {
    PhoneRoutingSchedule s = new PhoneRoutingSchedule();
    s.init(CITY, document, actor, clock);
    return s;
  }
}
