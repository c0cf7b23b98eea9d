package org.civic311.integrations.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.camel.Exchange;
import org.civic311.integrations.camel.CamelRuntime;
import org.civic311.integrations.config.AuthKind;
import org.civic311.integrations.config.SftpDrop;
import org.civic311.integrations.connector.email.EmailRoutes;
import org.civic311.integrations.connector.open311.Open311Routes;
import org.civic311.integrations.connector.open311.RemoteAnswer;
import org.civic311.integrations.connector.open311.RemoteRequests;
import org.civic311.integrations.connector.sftp.PinnedSftpComponent;
import org.civic311.integrations.connector.sftp.SftpRoutes;
import org.civic311.integrations.connector.webhook.WebhookRoutes;
import org.civic311.platform.shared.application.DeliveryDeferred;
import org.civic311.platform.shared.application.DeliveryRefused;
import org.civic311.platform.shared.application.OutboxConsumer;
import org.civic311.platform.shared.application.OutboxMessage;
import org.civic311.platform.shared.application.Transactions;

/**
 * The department integrations' outbox consumer ({@code integration}): each event of a request whose
 * category routes to a department with an enabled integration goes through that department's Camel
 * route, once the previous events of the same request have (the outbox's claim keeps that order). A
 * 2xx answer is done; a refusal (4xx) is a dead letter at once; anything else is retried by the
 * outbox with backoff. A repeat after a crash carries the same idempotency key, so the department
 * can drop it.
 */
@ApplicationScoped
public class IntegrationConsumer implements OutboxConsumer {
  public static final String NAME = "integration";
  private static final Logger LOG = Logger.getLogger(IntegrationConsumer.class.getName());

  /** How often a paused department's waiting events are looked at again. */
  private static final Duration PAUSE_RECHECK = Duration.ofSeconds(10);

  @Inject DispatchPlanner planner;
  @Inject IntegrationLedger ledger;
  @Inject DepartmentBreakers breakers;
  @Inject OAuth2Tokens tokens;
  @Inject CamelRuntime camel;
  @Inject IntegrationHealthLog health;
  @Inject Transactions transactions;
  @Inject Clock clock;
  @Inject RemoteRequests remoteRequests;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void deliver(OutboxMessage message) throws Exception {
    if (!camel.started()) {
      throw new DeliveryDeferred(
          clock.instant().plus(Duration.ofSeconds(1)), "Camel is not started yet");
    }
    Planned planned =
        transactions.inNewTransaction(
            () -> {
              Optional<Dispatch> d = planner.plan(message);
              return new Planned(d, d.flatMap(x -> ledger.healthOf(x.connection().department())));
            });
    if (planned.dispatch().isEmpty()) {
      return; // no department, or no enabled integration for it: nothing to send
    }
    Dispatch d = planned.dispatch().get();
    String department = d.connection().department();
    if (d.open311() != null && d.open311().alreadyForwarded()) {
      return; // the remote server tracks the request now; its updates come back by polling
    }
    Optional<IntegrationLedger.Health> record = planned.health();
    Optional<java.time.Instant> paused = record.flatMap(breakers::pausedUntil);
    if (paused.isPresent()) {
      // Not an attempt: nothing was sent. Looked at again soon, so a resume takes effect quickly.
      java.time.Instant soon = clock.instant().plus(PAUSE_RECHECK);
      throw new DeliveryDeferred(
          paused.get().isBefore(soon) ? paused.get() : soon,
          "paused: the department's system failed "
              + record.get().consecutiveFailures()
              + " times in a row; next try at "
              + paused.get());
    }
    String tokenKey = d.city() + "/" + department + "/" + d.connection().version();
    String authorization = d.connection().authorization();
    if (d.connection().oauth2() != null) {
      try {
        authorization = tokens.authorization(tokenKey, d.connection().oauth2());
      } catch (OAuth2Tokens.Refused e) {
        record(() -> health.refused(department, e.getMessage()));
        throw new DeliveryRefused(e.getMessage());
      } catch (OAuth2Tokens.Unavailable e) {
        record(() -> health.failed(department, e.getMessage()));
        throw new RetryLater(e.getMessage());
      }
    }
    if (d.open311() != null && d.open311().refusal() != null) {
      String why = d.open311().refusal();
      record(() -> health.refused(department, why));
      throw new DeliveryRefused(why);
    }
    Exchange result;
    if (d.open311() != null) {
      result = sendOpen311(d);
    } else if (d.sftp() != null) {
      result = sendSftp(d);
    } else if (d.mail() != null) {
      result = sendMail(d);
    } else {
      result = sendWebhook(d, authorization);
    }
    Exception failure = result.getException();
    if (failure == null) {
      if (d.open311() != null) {
        rememberRemote(d, result.getMessage().getBody(String.class));
      }
      record(() -> health.delivered(department));
      return;
    }
    DeliveryFailure why = DeliveryFailure.of(failure);
    if (d.connection().oauth2() != null && why.reason().startsWith("HTTP 401")) {
      // The token may have been revoked or expired early: a fresh one on the next attempt.
      tokens.forget(tokenKey);
      record(() -> health.failed(department, why.reason()));
      throw new RetryLater(why.reason() + " (a new token will be fetched)");
    }
    if (why.permanent()) {
      record(() -> health.refused(department, why.reason()));
      throw new DeliveryRefused(why.reason());
    }
    record(() -> health.failed(department, why.reason()));
    throw new RetryLater(why.reason());
  }

  private Exchange sendWebhook(Dispatch d, String authorization) {
    String department = d.connection().department();
    return camel.send(
        WebhookRoutes.TEMPLATE,
        "webhook-" + d.city() + "-" + department,
        Map.of(
            "url", d.connection().url().toString(),
            "city", d.city(),
            "department", department,
            "version", String.valueOf(d.connection().version())),
        exchange -> {
          exchange.getMessage().setBody(d.body());
          exchange.setProperty(WebhookRoutes.SIGNING_SECRET, d.connection().signingSecret());
          if (authorization != null) {
            exchange.setProperty(WebhookRoutes.AUTHORIZATION, authorization);
          }
          exchange.setProperty(WebhookRoutes.IDEMPOTENCY_KEY, d.idempotencyKey());
          exchange.setProperty(WebhookRoutes.EVENT_TYPE, d.eventType());
        });
  }

  private Exchange sendOpen311(Dispatch d) {
    String department = d.connection().department();
    return camel.send(
        Open311Routes.TEMPLATE,
        "open311-" + d.city() + "-" + department,
        Map.of(
            "url", d.open311().url(),
            "city", d.city(),
            "department", department,
            "version", String.valueOf(d.connection().version())),
        exchange -> {
          exchange.getMessage().setBody(d.open311().form());
          exchange.setProperty(Open311Routes.IDEMPOTENCY_KEY, d.idempotencyKey());
        });
  }

  /**
   * Keeps the remote's id for the forwarded request, from its answer ({@code
   * [{"service_request_id": ...}]}). An answer without one is a refusal: the request cannot be
   * followed there, and sending it again would file it again.
   */
  private void rememberRemote(Dispatch d, String answer) throws Exception {
    String department = d.connection().department();
    Optional<String> remoteId = RemoteAnswer.serviceRequestId(answer);
    if (remoteId.isEmpty()) {
      String why =
          "the Open311 server answered without a service_request_id: "
              + (answer == null ? "" : answer.substring(0, Math.min(answer.length(), 300)));
      record(() -> health.refused(department, why));
      throw new DeliveryRefused(why);
    }
    transactions.inNewTransaction(
        () -> {
          remoteRequests.remember(department, d.open311().requestId(), remoteId.get());
          return null;
        });
  }

  private Exchange sendSftp(Dispatch d) {
    String department = d.connection().department();
    SftpDrop.Settings to = d.sftp().settings();
    return camel.send(
        SftpRoutes.TEMPLATE,
        "sftp-" + d.city() + "-" + department,
        Map.of(
            "host", to.host(),
            "port", String.valueOf(to.port()),
            "directory", to.directory().replaceAll("^/+", ""),
            "username", to.username(),
            "fingerprint", to.hostKeyFingerprint(),
            "city", d.city(),
            "department", department,
            "version", String.valueOf(d.connection().version())),
        exchange -> {
          exchange.getMessage().setBody(d.sftp().content());
          exchange.getMessage().setHeader(Exchange.FILE_NAME, d.sftp().name());
          if (d.connection().auth() == AuthKind.PRIVATE_KEY) {
            exchange.setProperty(PinnedSftpComponent.PRIVATE_KEY, d.connection().secret());
          } else {
            exchange.setProperty(PinnedSftpComponent.PASSWORD, d.connection().secret());
          }
        });
  }

  private Exchange sendMail(Dispatch d) {
    String department = d.connection().department();
    return camel.send(
        EmailRoutes.TEMPLATE,
        "email-" + d.city() + "-" + department,
        Map.of(
            "city", d.city(),
            "department", department,
            "version", String.valueOf(d.connection().version())),
        exchange -> exchange.setProperty(EmailRoutes.MAIL, d.mail()));
  }

  /** Health is a record of what happened; failing to write it must not change the outcome. */
  private void record(Runnable work) {
    try {
      transactions.inNewTransaction(
          () -> {
            work.run();
            return null;
          });
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Integration health not recorded: " + e.getMessage());
    }
  }

  private record Planned(Optional<Dispatch> dispatch, Optional<IntegrationLedger.Health> health) {}

  /** A failure worth retrying: the message is the reason the outbox keeps as its last error. */
  static final class RetryLater extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RetryLater(String reason) {
      super(reason, null, false, false);
    }
  }
}
