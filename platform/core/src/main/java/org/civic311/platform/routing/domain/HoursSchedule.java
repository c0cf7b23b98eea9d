package org.civic311.platform.routing.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Clock;

/**
 * A city's stored hours: one document (weekly ranges, holidays, overrides) per named schedule; the
 * city's own is {@link #CITY}. The document is checked by building {@link OpeningHours} from it
 * before it is stored, so what is stored always builds.
 */
@Entity
@Table(name = "opening_hours")
public class HoursSchedule extends CityDocument {
  protected HoursSchedule() {}

  public static HoursSchedule create(String name, String document, String actor, Clock clock) {
    HoursSchedule s = new HoursSchedule();
    s.init(name, document, actor, clock);
    return s;
  }
}
