package org.civic311.platform.request.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.civic311.platform.request.domain.IdempotencyRecord;
import org.civic311.platform.request.domain.IdempotencyRepository;

@ApplicationScoped
public class JpaIdempotencyRepository implements IdempotencyRepository {
  @Inject EntityManager em;

  @Override
  public Optional<IdempotencyRecord> find(String key) {
    return Optional.ofNullable(em.find(IdempotencyRecord.class, key));
  }

  @Override
  public void add(IdempotencyRecord record) {
    em.persist(record);
    em.flush(); // a concurrent claim of the same key fails here, inside the claim
  }

  @Override
  public void remove(IdempotencyRecord record) {
    em.remove(record);
  }

  @Override
  public int removeClaimedBefore(java.time.OffsetDateTime cutoff) {
    return em.createQuery("delete from IdempotencyRecord r where r.claimedAt < :cutoff")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }
}
