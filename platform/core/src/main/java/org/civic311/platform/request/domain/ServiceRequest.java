package org.civic311.platform.request.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.civic311.platform.shared.domain.TenantOwned;

/**
 * A resident's request for a city service, owned by one city. It refers to its category by id
 * (another aggregate) and changes state only through its own methods.
 */
@Entity
@Table(name = "service_request")
public class ServiceRequest extends TenantOwned {
  static final int MAX_DESCRIPTION = 4000;

  @Id private UUID id;

  @Column(name = "category_id", nullable = false)
  private UUID categoryId;

  @Column(nullable = false)
  private String description;

  @Embedded private Location location;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ServiceRequestStatus status;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected ServiceRequest() {}

  public static ServiceRequest receive(
      UUID categoryId, String description, Location location, Clock clock) {
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("description: is required");
    }
    if (description.length() > MAX_DESCRIPTION) {
      throw new IllegalArgumentException("description: at most " + MAX_DESCRIPTION + " characters");
    }
    ServiceRequest request = new ServiceRequest();
    request.id = UUID.randomUUID();
    request.categoryId = categoryId;
    request.description = description.strip();
    request.location = location;
    request.status = ServiceRequestStatus.RECEIVED;
    request.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    return request;
  }

  public ServiceRequestId id() {
    return new ServiceRequestId(id);
  }

  public UUID categoryId() {
    return categoryId;
  }

  public String description() {
    return description;
  }

  public Location location() {
    return location;
  }

  public ServiceRequestStatus status() {
    return status;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
