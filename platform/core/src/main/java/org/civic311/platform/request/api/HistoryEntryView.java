package org.civic311.platform.request.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.civic311.platform.request.application.HistoryView;

/** One entry of a request's history as staff see it, internal note included. */
@JsonbPropertyOrder({"seq", "at", "status", "actor", "publicNote", "internalNote"})
public record HistoryEntryView(
    int seq,
    String at,
    String status,
    String actor,
    @JsonbProperty("public_note") String publicNote,
    @JsonbProperty("internal_note") String internalNote) {

  private static final DateTimeFormatter WIRE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  static HistoryEntryView of(HistoryView h) {
    return new HistoryEntryView(
        h.seq(),
        WIRE_TIME.format(h.at().truncatedTo(ChronoUnit.SECONDS)),
        h.status(),
        h.actor(),
        h.publicNote(),
        h.internalNote());
  }
}
