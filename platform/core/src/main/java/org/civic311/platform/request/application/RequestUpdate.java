package org.civic311.platform.request.application;

import java.time.OffsetDateTime;

/**
 * A public update of a request, as FixMyStreet's {@code servicerequestupdates} lists them: a status
 * change or a public note. {@code updateId} is stable: the request id and the change's sequence
 * number.
 */
public record RequestUpdate(
    String updateId,
    String requestId,
    String categoryCode,
    OffsetDateTime at,
    String status,
    String fixMyStreetStatus,
    String publicNote) {}
