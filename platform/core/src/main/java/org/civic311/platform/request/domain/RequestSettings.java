package org.civic311.platform.request.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.civic311.platform.shared.domain.TenantOwned;

/**
 * A city's own duplicate rule: an open request of the same category within {@code radiusMetres} and
 * {@code maxAgeDays} is the same problem. A dense downtown wants a few metres, a rural road a few
 * hundred; 0 turns the check off.
 */
@Entity
@Table(name = "request_settings")
public class RequestSettings extends TenantOwned {
  public static final int MAX_RADIUS_METRES = 2000;
  public static final int MAX_AGE_DAYS = 365;

  @Id private UUID id;

  @Column(name = "duplicate_radius_metres", nullable = false)
  private int radiusMetres;

  @Column(name = "duplicate_max_age_days", nullable = false)
  private int maxAgeDays;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected RequestSettings() {}

  public static RequestSettings create() {
    RequestSettings s = new RequestSettings();
    s.id = UUID.randomUUID();
    return s;
  }

  /**
   * @throws IllegalArgumentException naming the field out of range
   */
  public void change(int radiusMetres, int maxAgeDays, Clock clock) {
    if (radiusMetres < 0 || radiusMetres > MAX_RADIUS_METRES) {
      throw new IllegalArgumentException(
          "duplicate_radius_metres: must be from 0 (no check) to " + MAX_RADIUS_METRES);
    }
    if (maxAgeDays < 1 || maxAgeDays > MAX_AGE_DAYS) {
      throw new IllegalArgumentException(
          "duplicate_max_age_days: must be from 1 to " + MAX_AGE_DAYS);
    }
    this.radiusMetres = radiusMetres;
    this.maxAgeDays = maxAgeDays;
    this.updatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  public int radiusMetres() {
    return radiusMetres;
  }

  public int maxAgeDays() {
    return maxAgeDays;
  }
}
