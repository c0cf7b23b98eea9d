package org.civic311.platform.request.application;

import java.time.OffsetDateTime;

/** One entry of a request's history; the internal note is for staff only. */
public record HistoryView(
    int seq,
    OffsetDateTime at,
    String status,
    String actor,
    String publicNote,
    String internalNote) {}
