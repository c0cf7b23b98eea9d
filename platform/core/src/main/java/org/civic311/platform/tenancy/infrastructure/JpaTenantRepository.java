package org.civic311.platform.tenancy.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.civic311.platform.shared.domain.TenantId;
import org.civic311.platform.tenancy.domain.Tenant;
import org.civic311.platform.tenancy.domain.TenantRepository;

@ApplicationScoped
public class JpaTenantRepository implements TenantRepository {
  @PersistenceContext(unitName = "civic311")
  EntityManager em;

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
    return em.createQuery("select t from Tenant t where t.slug = :slug", Tenant.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(Tenant tenant) {
    em.persist(tenant);
  }
}
