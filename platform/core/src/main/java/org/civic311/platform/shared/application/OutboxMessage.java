package org.civic311.platform.shared.application;

import java.util.UUID;
import org.civic311.platform.shared.domain.TenantId;

/**
 * An outbox event as a consumer receives it.
 *
 * @param attempt 1 for the first hand-over
 */
public record OutboxMessage(
    TenantId city,
    UUID eventId,
    UUID requestId,
    int seq,
    String type,
    String payload,
    int attempt) {}
