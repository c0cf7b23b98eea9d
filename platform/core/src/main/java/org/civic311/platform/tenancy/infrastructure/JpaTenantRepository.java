package org.civic311.platform.tenancy.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.civic311.platform.shared.domain.TenantId;
import org.civic311.platform.tenancy.domain.Tenant;
import org.civic311.platform.tenancy.domain.TenantRepository;

/** Cities are global: reads and writes run in a plain (not city-bound) transaction. */
@ApplicationScoped
@Transactional
public class JpaTenantRepository implements TenantRepository {
  @Inject EntityManager em;

  @Override
  public List<Tenant> all() {
    return em.createQuery("select t from Tenant t order by t.slug", Tenant.class).getResultList();
  }

  @Override
  public Optional<Tenant> find(TenantId id) {
    return Optional.ofNullable(em.find(Tenant.class, id.value()));
  }

  @Override
  public Optional<Tenant> findBySlug(String slug) {
    return findBy("slug", slug);
  }

  @Override
  public Optional<Tenant> findByJurisdiction(String jurisdictionId) {
    return findBy("jurisdictionId", jurisdictionId);
  }

  @Override
  public Optional<Tenant> findByHost(String hostName) {
    return findBy("hostName", hostName);
  }

  private Optional<Tenant> findBy(String attribute, String value) {
    return em.createQuery("select t from Tenant t where t." + attribute + " = :value", Tenant.class)
        .setParameter("value", value)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(Tenant tenant) {
    em.persist(tenant);
  }
}
