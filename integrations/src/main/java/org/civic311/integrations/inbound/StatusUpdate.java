package org.civic311.integrations.inbound;

/**
 * A status update a department's system sends back: its own id for the update (what makes a repeat
 * harmless), the request, the new status and an optional note the public may read.
 */
public record StatusUpdate(
    String updateId, String serviceRequestId, String status, String publicNote) {}
