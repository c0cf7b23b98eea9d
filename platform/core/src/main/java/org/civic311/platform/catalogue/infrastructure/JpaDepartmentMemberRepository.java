package org.civic311.platform.catalogue.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.civic311.platform.catalogue.domain.DepartmentMember;
import org.civic311.platform.catalogue.domain.DepartmentMemberRepository;

@ApplicationScoped
public class JpaDepartmentMemberRepository implements DepartmentMemberRepository {
  @Inject EntityManager em;

  @Override
  public List<DepartmentMember> of(UUID departmentId) {
    return em.createQuery(
            "select m from DepartmentMember m where m.departmentId = :department"
                + " order by m.username",
            DepartmentMember.class)
        .setParameter("department", departmentId)
        .getResultList();
  }

  @Override
  public List<UUID> departmentsOf(String username) {
    return em.createQuery(
            "select m.departmentId from DepartmentMember m where m.username = :username",
            UUID.class)
        .setParameter("username", username)
        .getResultList();
  }

  @Override
  public void add(DepartmentMember member) {
    em.persist(member);
  }

  @Override
  public void remove(DepartmentMember member) {
    em.remove(member);
  }
}
