package org.civic311.integrations.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaDepartmentIntegrationRepository implements DepartmentIntegrationRepository {
  @Inject EntityManager em;

  @Override
  public Optional<DepartmentIntegration> findByDepartment(String department) {
    return em.createQuery(
            "select i from DepartmentIntegration i where i.department = :department",
            DepartmentIntegration.class)
        .setParameter("department", department)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<DepartmentIntegration> all() {
    return em.createQuery(
            "select i from DepartmentIntegration i order by i.department",
            DepartmentIntegration.class)
        .getResultList();
  }

  @Override
  public void add(DepartmentIntegration integration) {
    em.persist(integration);
  }
}
