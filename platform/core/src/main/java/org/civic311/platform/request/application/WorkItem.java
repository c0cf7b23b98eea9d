package org.civic311.platform.request.application;

import java.time.OffsetDateTime;

/**
 * A request as staff work on it: the public summary, the department its category is routed to, who
 * has it and, for a duplicate, when it was merged into its parent.
 */
public record WorkItem(
    RequestSummary request, String departmentCode, String assignedTo, OffsetDateTime mergedAt) {}
