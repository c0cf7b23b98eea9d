package org.civic311.platform.routing.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.civic311.platform.routing.domain.PhoneRoutingRepository;
import org.civic311.platform.routing.domain.PhoneRoutingSchedule;

@ApplicationScoped
public class JpaPhoneRoutingRepository implements PhoneRoutingRepository {
  @Inject EntityManager em;

  @Override
  public Optional<PhoneRoutingSchedule> find() {
    return Optional.ofNullable(em.find(PhoneRoutingSchedule.class, PhoneRoutingSchedule.CITY));
  }

  @Override
  public void add(PhoneRoutingSchedule schedule) {
    em.persist(schedule);
  }
}
