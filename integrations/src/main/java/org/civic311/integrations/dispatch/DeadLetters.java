package org.civic311.integrations.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.civic311.platform.shared.application.AuditLog;
import org.civic311.platform.shared.application.OutboxQueue;
import org.civic311.platform.shared.application.TenantTransactional;

/**
 * The current city's dead letters of the department integrations: listed for the administrator,
 * replayed (due again at once, with a fresh budget of attempts, in order behind any earlier event
 * of its request still pending) or discarded. Both are audited in the transaction that does them.
 */
@ApplicationScoped
public class DeadLetters {
  /**
   * Looked up once: {@code Json}'s static methods look the provider up (a class-path scan) on every
   * call.
   */
  private static final jakarta.json.spi.JsonProvider JSON_PROVIDER =
      jakarta.json.spi.JsonProvider.provider();

  @Inject IntegrationLedger ledger;
  @Inject OutboxQueue queue;
  @Inject AuditLog audit;

  @TenantTransactional
  public List<IntegrationLedger.DeadLetter> list(int limit) {
    return ledger.deadLetters(limit);
  }

  /** Empty when the city has no such dead letter. */
  @TenantTransactional
  public Optional<IntegrationLedger.DeadLetter> replay(UUID eventId, String actor) {
    Optional<IntegrationLedger.DeadLetter> letter = ledger.deadLetter(eventId);
    if (letter.isPresent() && queue.replay(IntegrationConsumer.NAME, eventId)) {
      audit.record(subject(eventId), actor, json(letter.get(), null), json(letter.get(), "replay"));
      return letter;
    }
    return Optional.empty();
  }

  /** False when the city has no such dead letter. */
  @TenantTransactional
  public boolean discard(UUID eventId, String actor) {
    Optional<IntegrationLedger.DeadLetter> letter = ledger.deadLetter(eventId);
    if (letter.isPresent() && queue.discard(IntegrationConsumer.NAME, eventId)) {
      audit.record(
          subject(eventId), actor, json(letter.get(), null), json(letter.get(), "discard"));
      return true;
    }
    return false;
  }

  private static String subject(UUID eventId) {
    return "integration-dead-letter:" + eventId;
  }

  private static String json(IntegrationLedger.DeadLetter d, String action) {
    JsonObjectBuilder json =
        JSON_PROVIDER
            .createObjectBuilder()
            .add("event_id", d.eventId().toString())
            .add("service_request_id", d.requestId().toString())
            .add("seq", d.seq())
            .add("type", d.type())
            .add("department", d.department() == null ? "" : d.department())
            .add("attempts", d.attempts())
            .add("last_error", d.lastError() == null ? "" : d.lastError());
    if (action != null) {
      json.add("action", action);
    }
    return json.build().toString();
  }
}
