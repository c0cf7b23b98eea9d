package org.civic311.platform.request.application;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.format.DateTimeFormatter;
import org.civic311.platform.request.domain.RequestChange;

/**
 * The outbox payload of a change: what a department system or a notification needs, with the
 * idempotency key ({@code service_request_id}, {@code seq}). Internal notes stay out of it.
 */
final class OutboxPayloads {
  private OutboxPayloads() {}

  static String of(RequestChange change, String categoryCode) {
    return of(change, categoryCode, null);
  }

  /**
   * With {@code follower}: someone who asked, with this change, to follow the request by e-mail
   * (the notification consumer subscribes them).
   */
  static String of(RequestChange change, String categoryCode, Follower follower) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("service_request_id", change.requestId().value().toString())
            .add("seq", change.seq())
            .add("type", change.type())
            .add("status", change.status().wireName())
            .add("stage", change.status().stage())
            .add("service_code", categoryCode)
            .add("actor", change.actor())
            .add("at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(change.at()));
    if (change.previous() != null) {
      json.add("previous_status", change.previous().wireName());
      json.add("previous_stage", change.previous().stage());
    }
    if (follower != null) {
      json.add(
          "follower",
          Json.createObjectBuilder()
              .add("email", follower.email())
              .add("locale", follower.locale())
              .add("confirmed", follower.confirmed()));
    }
    if (change.publicNote() != null) {
      json.add("public_note", change.publicNote());
    }
    return json.build().toString();
  }
}
