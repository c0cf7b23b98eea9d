package org.civic311.platform.shared.application;

/**
 * One reader of the transactional outbox (notifications; department integrations). The {@link
 * OutboxDispatcher} hands it each event once it is due, in order per request, as the event's city
 * but outside any transaction: a consumer commits its own units (one per message sent), so a
 * failure half-way never undoes what already left. Throwing asks for a retry with backoff; {@link
 * DeliveryDeferred} asks for a retry at a given time without counting a failure. A consumer must be
 * idempotent: after a crash an event can be handed over again.
 */
public interface OutboxConsumer {
  /** The consumer's name in {@code outbox_delivery.consumer}; the enqueue trigger lists it. */
  String name();

  void deliver(OutboxMessage message) throws Exception;
}
