package org.civic311.platform.shared.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One change to a city's configuration: who made it, when, to what ({@code subject}, such as {@code
 * hours} or {@code department:roads}), and the document before and after. Never changed once
 * written.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends TenantOwned {
  @Id private UUID id;

  @Column(nullable = false)
  private OffsetDateTime at;

  @Column(nullable = false)
  private String actor;

  @Column(nullable = false)
  private String subject;

  private String before;
  private String after;

  protected AuditEntry() {}

  public static AuditEntry of(
      String subject, String actor, String before, String after, Clock clock) {
    AuditEntry e = new AuditEntry();
    e.id = UUID.randomUUID();
    e.at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    e.actor = actor == null || actor.isBlank() ? "system" : actor;
    e.subject = subject;
    e.before = before;
    e.after = after;
    return e;
  }

  public UUID id() {
    return id;
  }

  public OffsetDateTime at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public String subject() {
    return subject;
  }

  public String before() {
    return before;
  }

  public String after() {
    return after;
  }
}
