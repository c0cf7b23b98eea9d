package org.civic311.platform.request.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current city's service requests. */
public interface ServiceRequestRepository {
  Optional<ServiceRequest> find(ServiceRequestId id);

  List<ServiceRequest> newest(int limit);

  void add(ServiceRequest request);

  /** Requests matching {@code query}, newest first. */
  List<ServiceRequest> search(RequestQuery query);

  /** Records a change: its history entry and its outbox event. */
  void record(RequestChange change, String outboxPayload);

  List<RequestHistoryEntry> history(ServiceRequestId id);

  /** The histories of several requests in one read, each in sequence order. */
  List<RequestHistoryEntry> histories(java.util.Collection<ServiceRequestId> ids);

  /** History entries after the creation of their request, made in [from, to], oldest first. */
  List<RequestHistoryEntry> changedBetween(
      java.time.OffsetDateTime from, java.time.OffsetDateTime to, int limit);

  /**
   * Open requests of a category inside a latitude/longitude box, created since {@code since}: the
   * candidates a duplicate check measures.
   */
  List<ServiceRequest> openInBox(
      UUID categoryId,
      java.math.BigDecimal minLat,
      java.math.BigDecimal maxLat,
      java.math.BigDecimal minLon,
      java.math.BigDecimal maxLon,
      java.time.OffsetDateTime since);

  /** The city's own duplicate rule, if it set one. */
  Optional<RequestSettings> settings();

  void saveSettings(RequestSettings settings);

  /**
   * Records that the holder of the e-mail whose SHA-256 (in hex) is {@code emailSha256} supports
   * request {@code requestId} ("me too").
   *
   * @return false when that address already supports it
   */
  boolean addSupporter(UUID requestId, String emailSha256, java.time.OffsetDateTime at);

  /** Keeps a photo of a request. */
  void addMedia(RequestMedia media);

  /** A photo by its id, in the current city. */
  Optional<RequestMedia> media(UUID id);

  /** Requests under the account {@code subject} or with contact e-mail {@code email} (if given). */
  List<ServiceRequest> reportedBy(String subject, String email, int limit);
}
