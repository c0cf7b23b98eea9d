package org.civic311.platform.request.domain;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * A staff search of the current city's requests: every criterion given must hold; empty sets and
 * nulls mean "any". Guarantees: a number range has both ends; the page is at least one row.
 *
 * @param idFrom the lowest id of a number range (a number prefix as a range of UUIDs)
 * @param idTo the highest id of that range
 * @param text words of the description or the address, matched case-insensitively as a substring
 * @param assignee only requests assigned to this user name
 * @param unassigned only requests assigned to nobody
 * @param oldestFirst the queue's order (oldest first) instead of the search's (newest first)
 */
public record RequestFilter(
    UUID idFrom,
    UUID idTo,
    String text,
    Set<UUID> categoryIds,
    Set<ServiceRequestStatus> statuses,
    OffsetDateTime from,
    OffsetDateTime to,
    String assignee,
    boolean unassigned,
    boolean oldestFirst,
    int offset,
    int limit) {
  public RequestFilter {
    categoryIds = categoryIds == null ? Set.of() : Set.copyOf(categoryIds);
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    if ((idFrom == null) != (idTo == null)) {
      throw new IllegalArgumentException("number: a range needs both ends");
    }
    if (limit < 1 || offset < 0) {
      throw new IllegalArgumentException("page_size: must be at least 1");
    }
  }
}
