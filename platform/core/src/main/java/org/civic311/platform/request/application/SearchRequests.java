package org.civic311.platform.request.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A search as the edge received it. Codes and statuses are wire names; ids are as sent (an id that
 * is not one of ours is simply not found).
 */
public record SearchRequests(
    List<String> ids,
    Set<String> categoryCodes,
    Set<String> statuses,
    OffsetDateTime from,
    OffsetDateTime to,
    int offset,
    int limit) {}
