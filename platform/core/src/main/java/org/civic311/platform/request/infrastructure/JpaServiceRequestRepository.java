package org.civic311.platform.request.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.civic311.platform.request.domain.ServiceRequest;
import org.civic311.platform.request.domain.ServiceRequestId;
import org.civic311.platform.request.domain.ServiceRequestRepository;

@ApplicationScoped
public class JpaServiceRequestRepository implements ServiceRequestRepository {
  @Inject EntityManager em;

  @Override
  public Optional<ServiceRequest> find(ServiceRequestId id) {
    return Optional.ofNullable(em.find(ServiceRequest.class, id.value()));
  }

  @Override
  public List<ServiceRequest> newest(int limit) {
    return em.createQuery(
            "select r from ServiceRequest r order by r.createdAt desc, r.id", ServiceRequest.class)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void add(ServiceRequest request) {
    em.persist(request);
  }
}
