package org.civic311.platform.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.civic311.platform.shared.domain.TenantOwned;

/** A city's stored phone routing: its entry points as one checked document. */
@Entity
@Table(name = "phone_routing")
public class PhoneRoutingSchedule extends TenantOwned {
  public static final String CITY = "city";

  @Id private String name;

  @Column(nullable = false)
  private String document;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  @Version private long version;

  protected PhoneRoutingSchedule() {}

  public static PhoneRoutingSchedule create(String document, String actor, Clock clock) {
    PhoneRoutingSchedule s = new PhoneRoutingSchedule();
    s.name = CITY;
    s.replace(document, actor, clock);
    return s;
  }

  public void replace(String newDocument, String actor, Clock clock) {
    document = newDocument;
    updatedBy = actor;
    updatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  public String document() {
    return document;
  }
}
