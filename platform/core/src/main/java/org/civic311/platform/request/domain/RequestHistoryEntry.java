package org.civic311.platform.request.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.civic311.platform.shared.domain.TenantOwned;

/** One entry of a request's history; never changed once written. */
@Entity
@Table(name = "service_request_event")
public class RequestHistoryEntry extends TenantOwned {
  @Id private UUID id;

  @Column(name = "request_id", nullable = false)
  private UUID requestId;

  @Column(nullable = false)
  private int seq;

  @Column(nullable = false)
  private OffsetDateTime at;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ServiceRequestStatus status;

  @Column(nullable = false)
  private String actor;

  @Column(name = "public_note")
  private String publicNote;

  @Column(name = "internal_note")
  private String internalNote;

  protected RequestHistoryEntry() {}

  public static RequestHistoryEntry of(RequestChange change) {
    RequestHistoryEntry entry = new RequestHistoryEntry();
    entry.id = UUID.randomUUID();
    entry.requestId = change.requestId().value();
    entry.seq = change.seq();
    entry.at = change.at();
    entry.status = change.status();
    entry.actor = change.actor();
    entry.publicNote = change.publicNote();
    entry.internalNote = change.internalNote();
    return entry;
  }

  public int seq() {
    return seq;
  }

  public OffsetDateTime at() {
    return at;
  }

  public ServiceRequestStatus status() {
    return status;
  }

  public String actor() {
    return actor;
  }

  public String publicNote() {
    return publicNote;
  }

  public String internalNote() {
    return internalNote;
  }

  public UUID requestId() {
    return requestId;
  }
}
