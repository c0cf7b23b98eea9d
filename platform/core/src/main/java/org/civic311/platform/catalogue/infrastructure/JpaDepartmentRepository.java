package org.civic311.platform.catalogue.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.civic311.platform.catalogue.domain.Department;
import org.civic311.platform.catalogue.domain.DepartmentRepository;

@ApplicationScoped
public class JpaDepartmentRepository implements DepartmentRepository {
  @Inject EntityManager em;

  @Override
  public List<Department> all() {
    return em.createQuery("select d from Department d order by d.code", Department.class)
        .getResultList();
  }

  @Override
  public Optional<Department> findByCode(String code) {
    return em.createQuery("select d from Department d where d.code = :code", Department.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Department> find(java.util.UUID id) {
    return Optional.ofNullable(em.find(Department.class, id));
  }

  @Override
  public void add(Department department) {
    em.persist(department);
  }
}
