package org.civic311.platform.request.application;

import jakarta.json.JsonObjectBuilder;
import java.time.format.DateTimeFormatter;
import org.civic311.platform.request.domain.RequestChange;

/**
 * The outbox payload of a change: what a department system or a notification needs, with the
 * idempotency key ({@code service_request_id}, {@code seq}). Internal notes stay out of it.
 */
final class OutboxPayloads {
  /**
   * Looked up once: {@code Json}'s static methods look the provider up (a class-path scan) on every
   * call.
   */
  private static final jakarta.json.spi.JsonProvider JSON_PROVIDER =
      jakarta.json.spi.JsonProvider.provider();

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
        JSON_PROVIDER
            .createObjectBuilder()
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
          JSON_PROVIDER
              .createObjectBuilder()
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
