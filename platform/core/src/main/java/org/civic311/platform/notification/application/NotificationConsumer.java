package org.civic311.platform.notification.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.civic311.platform.notification.domain.Subscription;
import org.civic311.platform.request.application.RequestIntakeService;
import org.civic311.platform.request.application.RequestSummary;
import org.civic311.platform.shared.application.OutboxConsumer;
import org.civic311.platform.shared.application.OutboxMessage;
import org.civic311.platform.shared.application.Transactions;

/**
 * Turns request changes into residents' and staff's mail. Per event: subscribe whoever asked to
 * follow the request with this change; then one message per follower, each in its own transaction,
 * so a failure after some messages left retries only the rest.
 */
@ApplicationScoped
public class NotificationConsumer implements OutboxConsumer {
  /**
   * Looked up once: {@code Json}'s static methods look the provider up (a class-path scan) on every
   * call.
   */
  private static final jakarta.json.spi.JsonProvider JSON_PROVIDER =
      jakarta.json.spi.JsonProvider.provider();

  @Inject MailOffice office;
  @Inject RequestIntakeService requests;
  @Inject Transactions transactions;

  @Override
  public String name() {
    return "notification";
  }

  @Override
  public void deliver(OutboxMessage message) throws Exception {
    JsonObject event;
    try (JsonReader reader = JSON_PROVIDER.createReader(new StringReader(message.payload()))) {
      event = reader.readObject();
    }
    UUID request = message.requestId();
    UUID eventId = message.eventId();
    JsonObject follower = event.getJsonObject("follower");
    if (follower != null) {
      String email = follower.getString("email");
      Subscription.Source source =
          "created".equals(message.type())
              ? Subscription.Source.SUBMISSION
              : Subscription.Source.ME_TOO;
      Optional<Subscription> pending =
          inTransaction(
              () ->
                  office.follow(
                      request,
                      email,
                      follower.getString("locale", ""),
                      source,
                      follower.getBoolean("confirmed", false)));
      if (pending.isPresent()) {
        inTransaction(
            () -> {
              office.sendConfirmation(eventId, request, email);
              return null;
            });
      }
    }
    Optional<String> kind = kind(message.type(), event);
    if (kind.filter("duplicate"::equals).isPresent()) {
      followParent(request);
    }
    boolean created = "created".equals(message.type());
    if (kind.isEmpty() && !created) {
      return;
    }
    // who to write to, residents and staff, read in one transaction
    Recipients to =
        inTransaction(
            () ->
                new Recipients(
                    kind.isPresent() ? office.followers(request) : List.of(),
                    created ? office.staffToTellAtOnce(request) : List.of()));
    if (kind.isPresent()) {
      String stage = event.getString("stage", "received");
      String note = event.getString("public_note", null);
      for (String email : to.followers()) {
        inTransaction(
            () -> {
              office.sendUpdate(eventId, request, email, kind.get(), stage, note);
              return null;
            });
      }
    }
    if (created) {
      for (String email : to.staff()) {
        inTransaction(
            () -> {
              office.sendStaffNew(eventId, request, email);
              return null;
            });
      }
    }
  }

  private record Recipients(List<String> followers, List<String> staff) {}

  /** Followers of a request merged as a duplicate go on to follow its parent. */
  private void followParent(UUID request) throws Exception {
    Optional<String> parent =
        inTransaction(() -> requests.find(request.toString()).map(RequestSummary::parentId));
    if (parent.isEmpty()) {
      return;
    }
    UUID parentId = UUID.fromString(parent.get());
    inTransaction(
        () -> {
          for (String email : office.followers(request)) {
            office.follow(parentId, email, null, Subscription.Source.SUBMISSION, true);
          }
          return null;
        });
  }

  /**
   * The message a change is worth, if any: the resident's stages (received, in progress, resolved)
   * and the other ends and turns (closed, reopened, merged as a duplicate). Notes and moves within
   * a stage send nothing.
   */
  static Optional<String> kind(String type, JsonObject event) {
    String status = event.getString("status", "");
    switch (type) {
      case "created":
        return Optional.of("received");
      case "duplicate":
        return Optional.of("duplicate");
      case "status_changed":
        break;
      default:
        return Optional.empty();
    }
    switch (status) {
      case "reopened":
        return Optional.of("reopened");
      case "resolved":
        return Optional.of("resolved");
      case "closed":
      case "cancelled":
        return Optional.of("closed");
      default:
        boolean started =
            "in_progress".equals(event.getString("stage", ""))
                && !"in_progress".equals(event.getString("previous_stage", ""));
        return started ? Optional.of("in_progress") : Optional.empty();
    }
  }

  private <T> T inTransaction(java.util.concurrent.Callable<T> work) throws Exception {
    return transactions.inNewTransaction(work);
  }
}
