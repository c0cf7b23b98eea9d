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
 * written only by the operator, who assigns numbers to cities; a city routes only its own.
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
   * Checks that every one of {@code numbers} is assigned to the current city: a city administrator
   * routes only the numbers the operator gave the city, so no city can take another's line.
   *
   * @throws IllegalArgumentException ({@code number: ...}) naming the first that is not
   */
  public void requireAssigned(Set<String> numbers) {
    TenantId city = CurrentTenant.require();
    for (String number : numbers) {
      PhoneNumberClaim assigned = em.find(PhoneNumberClaim.class, number);
      if (assigned == null || !assigned.city().equals(city)) {
        throw new IllegalArgumentException(
            "number: "
                + number
                + " is not assigned to this city; the operator assigns a city's numbers");
      }
    }
  }

  /** The numbers assigned to {@code city}, sorted. */
  @jakarta.transaction.Transactional
  public List<String> assignedTo(TenantId city) {
    return em.createQuery(
            "select p.number from PhoneNumberClaim p where p.cityId = :city order by p.number",
            String.class)
        .setParameter("city", city.value())
        .getResultList();
  }

  /**
   * The operator's assignment: makes {@code numbers} (E.164) exactly the numbers of {@code city}.
   *
   * @throws IllegalArgumentException ({@code numbers: ...}) when another city has one of them
   */
  @jakarta.transaction.Transactional
  public List<String> assign(TenantId city, Set<String> numbers) {
    for (String number : numbers) {
      PhoneNumberClaim existing = em.find(PhoneNumberClaim.class, number);
      if (existing != null && !existing.city().equals(city)) {
        throw new IllegalArgumentException(
            "numbers: " + number + " is assigned to another city; release it there first");
      }
    }
    List<PhoneNumberClaim> current =
        em.createQuery(
                "select p from PhoneNumberClaim p where p.cityId = :city", PhoneNumberClaim.class)
            .setParameter("city", city.value())
            .getResultList();
    for (PhoneNumberClaim claim : current) {
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
    return numbers.stream().sorted().toList();
  }
}
