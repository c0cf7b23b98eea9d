package org.civic311.platform.catalogue.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.civic311.platform.catalogue.domain.ServiceCategory;
import org.civic311.platform.catalogue.domain.ServiceCategoryId;
import org.civic311.platform.catalogue.domain.ServiceCategoryRepository;

@ApplicationScoped
public class JpaServiceCategoryRepository implements ServiceCategoryRepository {
  @Inject EntityManager em;

  @Override
  public List<ServiceCategory> active() {
    return em.createQuery(
            "select c from ServiceCategory c where c.active = true order by c.groups, c.name",
            ServiceCategory.class)
        .getResultList();
  }

  @Override
  public List<ServiceCategory> all() {
    return em.createQuery("select c from ServiceCategory c order by c.code", ServiceCategory.class)
        .getResultList();
  }

  @Override
  public Optional<ServiceCategory> find(ServiceCategoryId id) {
    return Optional.ofNullable(em.find(ServiceCategory.class, id.value()));
  }

  @Override
  public Optional<ServiceCategory> findByCode(String code) {
    return em.createQuery(
            "select c from ServiceCategory c where c.code = :code", ServiceCategory.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<String> codesRoutedTo(java.util.UUID departmentId) {
    return em.createQuery(
            "select c.code from ServiceCategory c where c.departmentId = :department"
                + " order by c.code",
            String.class)
        .setParameter("department", departmentId.toString())
        .getResultList();
  }

  @Override
  public void add(ServiceCategory category) {
    em.persist(category);
  }
}
