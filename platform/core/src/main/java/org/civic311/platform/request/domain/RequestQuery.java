package org.civic311.platform.request.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A search of the current city's requests. Empty collections mean "any". {@code ids}, when given,
 * overrides every other criterion (as Open311's {@code service_request_id} does).
 */
public record RequestQuery(
    List<UUID> ids,
    Set<UUID> categoryIds,
    Set<ServiceRequestStatus> statuses,
    OffsetDateTime from,
    OffsetDateTime to,
    int offset,
    int limit) {
  public RequestQuery {
    ids = ids == null ? List.of() : List.copyOf(ids);
    categoryIds = categoryIds == null ? Set.of() : Set.copyOf(categoryIds);
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    if (limit < 1 || offset < 0) {
      throw new IllegalArgumentException("page_size: must be at least 1");
    }
  }
}
