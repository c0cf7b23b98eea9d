package org.civic311.platform.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.civic311.platform.shared.domain.TenantId;

/**
 * One action of the SaaS operator: who, when, what ({@code action}, such as {@code city.suspend}),
 * on which city (none for actions that concern no single city) and its details as JSON. Global on
 * purpose (not {@code TenantOwned}): the operator's history is cross-city and outlives any city.
 * Never changed once written.
 */
@Entity
@Table(name = "operator_audit")
public class OperatorAuditEntry {
  @Id private UUID id;

  @Column(nullable = false)
  private OffsetDateTime at;

  @Column(nullable = false)
  private String operator;

  @Column(nullable = false)
  private String action;

  @Column(name = "city_id")
  private UUID cityId;

  @Column(nullable = false)
  private String detail;

  protected OperatorAuditEntry() {}

  public static OperatorAuditEntry of(
      String operator, String action, TenantId city, String detail, Clock clock) {
    if (action == null || action.isBlank()) {
      throw new IllegalArgumentException("action: is required");
    }
    OperatorAuditEntry e = new OperatorAuditEntry();
    e.id = UUID.randomUUID();
    e.at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    e.operator = operator == null || operator.isBlank() ? "system" : operator;
    e.action = action;
    e.cityId = city == null ? null : city.value();
    e.detail = detail == null || detail.isBlank() ? "{}" : detail;
    return e;
  }

  public OffsetDateTime at() {
    return at;
  }

  public String operator() {
    return operator;
  }

  public String action() {
    return action;
  }

  public Optional<TenantId> city() {
    return Optional.ofNullable(cityId).map(TenantId::new);
  }

  public String detail() {
    return detail;
  }
}
