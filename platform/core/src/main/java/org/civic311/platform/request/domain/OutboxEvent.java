package org.civic311.platform.request.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.civic311.platform.shared.domain.TenantOwned;

/**
 * A change waiting to be handed on (department integrations, notifications), written in the
 * transaction of the change itself, so nothing is lost if the process dies after the commit.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends TenantOwned {
  @Id private UUID id;

  @Column(name = "request_id", nullable = false)
  private UUID requestId;

  @Column(nullable = false)
  private int seq;

  @Column(nullable = false)
  private String type;

  @Column(nullable = false)
  private String payload;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "dispatched_at")
  private OffsetDateTime dispatchedAt;

  protected OutboxEvent() {}

  public static OutboxEvent of(RequestChange change, String payload) {
    OutboxEvent event = new OutboxEvent();
    event.id = UUID.randomUUID();
    event.requestId = change.requestId().value();
    event.seq = change.seq();
    event.type = change.type();
    event.payload = payload;
    event.createdAt = change.at();
    return event;
  }

  public String type() {
    return type;
  }

  public int seq() {
    return seq;
  }

  public String payload() {
    return payload;
  }
}
