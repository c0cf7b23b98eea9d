package org.civic311.platform.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.civic311.platform.shared.domain.TenantOwned;

/**
 * A member of a department's staff who hears of the department's new requests by mail: each one at
 * once, or a daily digest at a local hour of the city.
 */
@Entity
@Table(name = "staff_subscription")
public class StaffSubscription extends TenantOwned {
  /** At once, or once a day. */
  public enum Mode {
    IMMEDIATE,
    DIGEST;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Mode> fromWire(String name) {
      for (Mode m : values()) {
        if (m.wireName().equals(name)) {
          return Optional.of(m);
        }
      }
      return Optional.empty();
    }
  }

  @Id private UUID id;

  @Column(nullable = false)
  private String department;

  @Column(nullable = false)
  private String email;

  @Column(nullable = false)
  private String mode;

  @Column(name = "digest_hour", nullable = false)
  private int digestHour;

  @Column(name = "last_digest_at")
  private OffsetDateTime lastDigestAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected StaffSubscription() {}

  /**
   * @throws IllegalArgumentException ({@code digest_hour: ...}) outside 0 to 23
   */
  public static StaffSubscription of(
      String department, String email, Mode mode, int digestHour, Clock clock) {
    if (digestHour < 0 || digestHour > 23) {
      throw new IllegalArgumentException("digest_hour: must be 0 to 23");
    }
    StaffSubscription s = new StaffSubscription();
    s.id = UUID.randomUUID();
    s.department = department;
    s.email = email;
    s.mode = mode.wireName();
    s.digestHour = digestHour;
    s.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    return s;
  }

  /**
   * Whether a digest is due: the latest local {@code digestHour} has passed since the previous
   * digest (the first one is due at once and covers the last day).
   */
  public boolean digestDue(ZoneId zone, Clock clock) {
    if (mode() != Mode.DIGEST) {
      return false;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
    OffsetDateTime slot = today.atTime(digestHour, 0).atZone(zone).toOffsetDateTime();
    if (slot.isAfter(now)) {
      slot = today.minusDays(1).atTime(digestHour, 0).atZone(zone).toOffsetDateTime();
    }
    return lastDigestAt == null || lastDigestAt.isBefore(slot);
  }

  /**
   * Records a digest as sent now; returns the start of the period it covers (the previous digest,
   * or a day ago), so consecutive digests neither overlap nor leave gaps.
   */
  public OffsetDateTime digestSent(Clock clock) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    OffsetDateTime since = lastDigestAt == null ? now.minusDays(1) : lastDigestAt;
    lastDigestAt = now;
    return since;
  }

  public UUID id() {
    return id;
  }

  public String department() {
    return department;
  }

  public String email() {
    return email;
  }

  public Mode mode() {
    return Mode.fromWire(mode).orElse(Mode.IMMEDIATE);
  }

  public int digestHour() {
    return digestHour;
  }

  public Optional<OffsetDateTime> lastDigestAt() {
    return Optional.ofNullable(lastDigestAt);
  }
}
