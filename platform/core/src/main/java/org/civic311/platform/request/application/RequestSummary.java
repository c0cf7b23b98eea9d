package org.civic311.platform.request.application;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.civic311.platform.request.domain.ServiceRequest;
import org.civic311.platform.request.domain.ServiceRequestStatus;

/** A request as the edge sees it. */
public record RequestSummary(
    String id,
    String categoryCode,
    String categoryName,
    String description,
    BigDecimal latitude,
    BigDecimal longitude,
    String address,
    ServiceRequestStatus status,
    String channel,
    String parentId,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    String agency,
    OffsetDateTime expectedAt,
    String attributesJson,
    String mediaUrl,
    String mediaId) {

  static RequestSummary of(
      ServiceRequest r, String categoryCode, String categoryName, String agency) {
    return new RequestSummary(
        r.id().value().toString(),
        categoryCode,
        categoryName,
        r.description(),
        r.location().latitude().orElse(null),
        r.location().longitude().orElse(null),
        r.location().address().orElse(null),
        r.status(),
        r.channel().wireName(),
        r.parent().map(p -> p.value().toString()).orElse(null),
        r.createdAt(),
        r.updatedAt(),
        agency,
        r.expectedAt().orElse(null),
        r.attributesJson().orElse(null),
        r.mediaUrl().orElse(null),
        r.mediaId().orElse(null));
  }

  /**
   * Whether it is still open (not resolved, closed, cancelled or a duplicate), for other contexts.
   */
  public boolean open() {
    return status.isOpen();
  }

  /** Its status as the native API names it ({@code received}, {@code in_progress}, ...). */
  public String statusName() {
    return status.name().toLowerCase(java.util.Locale.ROOT);
  }
}
