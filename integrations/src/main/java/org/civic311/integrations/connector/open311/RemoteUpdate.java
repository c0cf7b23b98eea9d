package org.civic311.integrations.connector.open311;

import java.time.OffsetDateTime;

/**
 * One entry of a remote server's FixMyStreet-style {@code servicerequestupdates}: its id (stable,
 * what makes a repeat harmless), the remote request, its extended status, the public note (may be
 * empty) and when it happened.
 */
public record RemoteUpdate(
    String updateId,
    String serviceRequestId,
    String status,
    String description,
    OffsetDateTime updatedAt) {}
