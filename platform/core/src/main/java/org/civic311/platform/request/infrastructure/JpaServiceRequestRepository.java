package org.civic311.platform.request.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.civic311.platform.request.domain.OutboxEvent;
import org.civic311.platform.request.domain.RequestChange;
import org.civic311.platform.request.domain.RequestHistoryEntry;
import org.civic311.platform.request.domain.RequestMedia;
import org.civic311.platform.request.domain.RequestQuery;
import org.civic311.platform.request.domain.RequestSettings;
import org.civic311.platform.request.domain.ServiceRequest;
import org.civic311.platform.request.domain.ServiceRequestId;
import org.civic311.platform.request.domain.ServiceRequestRepository;
import org.civic311.platform.request.domain.ServiceRequestStatus;

@ApplicationScoped
public class JpaServiceRequestRepository implements ServiceRequestRepository {
  @Inject EntityManager em;

  @Override
  public Optional<ServiceRequest> find(ServiceRequestId id) {
    return Optional.ofNullable(em.find(ServiceRequest.class, id.value()));
  }

  @Override
  public Optional<RequestSettings> settings() {
    return em.createQuery("select s from RequestSettings s", RequestSettings.class)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void saveSettings(RequestSettings settings) {
    if (!em.contains(settings)) {
      em.persist(settings);
    }
  }

  @Override
  public void addMedia(RequestMedia media) {
    em.persist(media);
  }

  @Override
  public boolean addSupporter(UUID requestId, String emailSha256, OffsetDateTime at) {
    // The city is the one bound to the transaction's connection; row-level security checks it.
    return em.createNativeQuery(
                "insert into request_supporter (tenant_id, request_id, email_sha256, at)"
                    + " values (current_setting('app.tenant_id')::uuid, cast(?1 as uuid), ?2, ?3)"
                    + " on conflict do nothing")
            .setParameter(1, requestId.toString())
            .setParameter(2, emailSha256)
            .setParameter(3, at)
            .executeUpdate()
        == 1;
  }

  @Override
  public Optional<RequestMedia> media(UUID id) {
    return Optional.ofNullable(em.find(RequestMedia.class, id));
  }

  @Override
  public List<ServiceRequest> newest(int limit) {
    return em.createQuery(
            "select r from ServiceRequest r order by r.createdAt desc, r.id", ServiceRequest.class)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<ServiceRequest> reportedBy(String subject, String email, int limit) {
    var query =
        em.createQuery(
                "select r from ServiceRequest r where r.reporterSubject = :subject"
                    + (email == null ? "" : " or r.reporterEmail = :email")
                    + " order by r.createdAt desc, r.id",
                ServiceRequest.class)
            .setParameter("subject", subject)
            .setMaxResults(limit);
    if (email != null) {
      query.setParameter("email", email);
    }
    return query.getResultList();
  }

  @Override
  public void add(ServiceRequest request) {
    em.persist(request);
  }

  @Override
  public List<ServiceRequest> search(RequestQuery query) {
    StringBuilder jpql = new StringBuilder("select r from ServiceRequest r where 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    if (!query.ids().isEmpty()) {
      jpql.append(" and r.id in :ids");
      parameters.put("ids", query.ids());
    } else {
      if (!query.categoryIds().isEmpty()) {
        jpql.append(" and r.categoryId in :categories");
        parameters.put("categories", query.categoryIds());
      }
      if (!query.statuses().isEmpty()) {
        jpql.append(" and r.status in :statuses");
        parameters.put("statuses", query.statuses());
      }
      if (query.from() != null) {
        jpql.append(" and r.createdAt >= :from");
        parameters.put("from", query.from());
      }
      if (query.to() != null) {
        jpql.append(" and r.createdAt <= :to");
        parameters.put("to", query.to());
      }
    }
    jpql.append(" order by r.createdAt desc, r.id");
    TypedQuery<ServiceRequest> typed = em.createQuery(jpql.toString(), ServiceRequest.class);
    parameters.forEach(typed::setParameter);
    return typed.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
  }

  @Override
  public void record(RequestChange change, String outboxPayload) {
    em.persist(RequestHistoryEntry.of(change));
    em.persist(OutboxEvent.of(change, outboxPayload));
  }

  @Override
  public List<ServiceRequest> openInBox(
      UUID categoryId,
      BigDecimal minLat,
      BigDecimal maxLat,
      BigDecimal minLon,
      BigDecimal maxLon,
      OffsetDateTime since) {
    return em.createQuery(
            "select r from ServiceRequest r where r.categoryId = :category and r.status in :open"
                + " and r.createdAt >= :since"
                + " and r.location.latitude between :minLat and :maxLat"
                + " and r.location.longitude between :minLon and :maxLon order by r.createdAt",
            ServiceRequest.class)
        .setParameter("category", categoryId)
        .setParameter(
            "open",
            Arrays.stream(ServiceRequestStatus.values())
                .filter(ServiceRequestStatus::isOpen)
                .toList())
        .setParameter("since", since)
        .setParameter("minLat", minLat)
        .setParameter("maxLat", maxLat)
        .setParameter("minLon", minLon)
        .setParameter("maxLon", maxLon)
        .setMaxResults(20)
        .getResultList();
  }

  @Override
  public List<RequestHistoryEntry> histories(java.util.Collection<ServiceRequestId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select h from RequestHistoryEntry h where h.requestId in :ids"
                + " order by h.requestId, h.seq",
            RequestHistoryEntry.class)
        .setParameter("ids", ids.stream().map(ServiceRequestId::value).toList())
        .getResultList();
  }

  @Override
  public List<RequestHistoryEntry> changedBetween(
      java.time.OffsetDateTime from, java.time.OffsetDateTime to, int limit) {
    return em.createQuery(
            "select h from RequestHistoryEntry h where h.seq > 1 and h.at >= :from and h.at <= :to"
                + " order by h.at, h.requestId, h.seq",
            RequestHistoryEntry.class)
        .setParameter("from", from)
        .setParameter("to", to)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<RequestHistoryEntry> history(ServiceRequestId id) {
    return em.createQuery(
            "select h from RequestHistoryEntry h where h.requestId = :id order by h.seq",
            RequestHistoryEntry.class)
        .setParameter("id", id.value())
        .getResultList();
  }
}
