package org.civic311.platform.tenancy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.shared.domain.TenantId;
import org.civic311.platform.tenancy.domain.PhoneNumberClaim;

/**
 * Which city a dialled number belongs to. Read without a city (the voice webhook's first step);
 * written by the current city when it saves its phone routing, in the same transaction.
 */
@ApplicationScoped
public class PhoneDirectory {
  @Inject EntityManager em;
  @Inject TenantDirectory directory;

  /** The active city {@code e164} belongs to. */
  @jakarta.transaction.Transactional
  public Optional<CityProfile> cityOf(String e164) {
    return Optional.ofNullable(em.find(PhoneNumberClaim.class, e164))
        .flatMap(c -> directory.all().stream().filter(p -> p.id().equals(c.city())).findFirst());
  }

  /**
   * Makes {@code numbers} exactly the current city's numbers. Must run inside the caller's tenant
   * transaction.
   *
   * @throws IllegalArgumentException ({@code number: ...}) when another city has one of them
   */
  public void claim(Set<String> numbers) {
    TenantId city = CurrentTenant.require();
    List<PhoneNumberClaim> mine =
        em.createQuery(
                "select p from PhoneNumberClaim p where p.cityId = :city", PhoneNumberClaim.class)
            .setParameter("city", city.value())
            .getResultList();
    for (String number : numbers) {
      PhoneNumberClaim existing = em.find(PhoneNumberClaim.class, number);
      if (existing != null && !existing.city().equals(city)) {
        throw new IllegalArgumentException(
            "number: " + number + " already belongs to another city");
      }
    }
    for (PhoneNumberClaim claim : mine) {
      if (!numbers.contains(claim.number())) {
        em.remove(claim);
      }
    }
    em.flush();
    for (String number : numbers) {
      if (em.find(PhoneNumberClaim.class, number) == null) {
        em.persist(new PhoneNumberClaim(number, city));
      }
    }
  }
}
