package org.civic311.platform.request.domain;

import java.time.OffsetDateTime;

/**
 * One change of a request, as the aggregate records it: the history entry and the outbox event are
 * both made from it, in the same transaction.
 *
 * @param seq the request's own event counter, 1 for its creation; with the request id it is the
 *     idempotency key receivers use
 */
public record RequestChange(
    ServiceRequestId requestId,
    int seq,
    String type,
    ServiceRequestStatus previous,
    ServiceRequestStatus status,
    String actor,
    String publicNote,
    String internalNote,
    OffsetDateTime at) {}
