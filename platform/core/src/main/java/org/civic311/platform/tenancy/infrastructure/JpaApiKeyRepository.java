package org.civic311.platform.tenancy.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.civic311.platform.tenancy.domain.ApiKey;
import org.civic311.platform.tenancy.domain.ApiKeyRepository;

@ApplicationScoped
public class JpaApiKeyRepository implements ApiKeyRepository {
  @Inject EntityManager em;

  @Override
  public Optional<ApiKey> findByHash(String keyHash) {
    return em.createQuery("select k from ApiKey k where k.keyHash = :hash", ApiKey.class)
        .setParameter("hash", keyHash)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(ApiKey key) {
    em.persist(key);
  }
}
