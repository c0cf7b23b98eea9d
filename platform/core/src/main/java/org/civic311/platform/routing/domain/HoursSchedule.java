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

/**
 * A city's stored hours: one document (weekly ranges, holidays, overrides) per named schedule; the
 * city's own is {@link #CITY}. The document is checked by building {@link OpeningHours} from it
 * before it is stored, so what is stored always builds.
 */
@Entity
@Table(name = "opening_hours")
public class HoursSchedule extends TenantOwned {
  public static final String CITY = "city";

  @Id private String name;

  @Column(nullable = false)
  private String document;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  @Version private long version;

  protected HoursSchedule() {}

  public static HoursSchedule create(String name, String document, String actor, Clock clock) {
    HoursSchedule s = new HoursSchedule();
    s.name = name;
    s.replace(document, actor, clock);
    return s;
  }

  public void replace(String newDocument, String actor, Clock clock) {
    document = newDocument;
    updatedBy = actor;
    updatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  public String name() {
    return name;
  }

  public String document() {
    return document;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }
}
