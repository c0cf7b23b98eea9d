package org.civic311.platform.routing.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.civic311.platform.routing.domain.HoursSchedule;
import org.civic311.platform.routing.domain.HoursScheduleRepository;

@ApplicationScoped
public class JpaHoursScheduleRepository implements HoursScheduleRepository {
  @Inject EntityManager em;

  @Override
  public Optional<HoursSchedule> find(String name) {
    return Optional.ofNullable(em.find(HoursSchedule.class, name));
  }

  @Override
  public void add(HoursSchedule schedule) {
    em.persist(schedule);
  }
}
