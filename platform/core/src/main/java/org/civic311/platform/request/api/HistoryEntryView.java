package org.civic311.platform.request.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.civic311.platform.request.application.HistoryView;
import org.civic311.platform.shared.api.Open311Wire;

/** One entry of a request's history as staff see it, internal note included. */
@JsonbPropertyOrder({"seq", "at", "status", "actor", "publicNote", "internalNote"})
public record HistoryEntryView(
    int seq,
    String at,
    String status,
    String actor,
    @JsonbProperty("public_note") String publicNote,
    @JsonbProperty("internal_note") String internalNote) {

  static HistoryEntryView of(HistoryView h) {
    return new HistoryEntryView(
        h.seq(), Open311Wire.time(h.at()), h.status(), h.actor(), h.publicNote(), h.internalNote());
  }
}
