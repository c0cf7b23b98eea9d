package org.civic311.platform.shared.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civic311.platform.shared.domain.TenantId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands outbox events to their consumers: one poller per consumer claims due rows in batches (a
 * lease, {@code FOR UPDATE SKIP LOCKED}), keeps claiming while full batches come back, and then
 * waits for the poll interval. Each poller is a thread of its own from the container's managed
 * thread factory: on the shared scheduled executor (one thread in Payara Micro), a consumer with a
 * backlog held the thread while new requests kept coming, and the others (department dispatch,
 * metrics, maintenance) waited until creation stopped (see docs/performance.md). Each event is
 * handed over as its city: this is one of the few places allowed to choose the city, because the
 * queue it reads is global and carries nothing but pointers. Failures retry with exponential
 * backoff and jitter until {@code max-attempts}, then the row is kept as dead for an administrator;
 * a {@link DeliveryRefused} is dead at once, since the receiver said that retrying will not help.
 */
@ApplicationScoped
public class OutboxDispatcher {
  private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

  @Inject @Any Instance<OutboxConsumer> consumers;
  @Inject OutboxQueue queue;
  @Inject Transactions transactions;

  @Inject
  @ConfigProperty(name = "civic311.outbox.poll-interval", defaultValue = "PT0.5S")
  Duration pollInterval;

  @Inject
  @ConfigProperty(name = "civic311.outbox.batch", defaultValue = "50")
  int batch;

  @Inject
  @ConfigProperty(name = "civic311.outbox.lease", defaultValue = "PT2M")
  Duration lease;

  @Inject
  @ConfigProperty(name = "civic311.outbox.retry-base", defaultValue = "PT5S")
  Duration retryBase;

  @Inject
  @ConfigProperty(name = "civic311.outbox.retry-max", defaultValue = "PT15M")
  Duration retryMax;

  @Inject
  @ConfigProperty(name = "civic311.outbox.max-attempts", defaultValue = "60")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "civic311.outbox.enabled", defaultValue = "true")
  boolean enabled;

  @Resource ManagedThreadFactory threads;

  /** How long delivered rows of a batch wait for their removal at most. */
  Duration markDoneEvery = Duration.ofSeconds(1);

  private final List<Ticker> pollers = new ArrayList<>();
  private volatile boolean stopping;

  void start(@Observes SchemaMigrated schema) {
    if (!enabled) {
      LOG.info("Outbox dispatch is off (civic311.outbox.enabled=false)");
      return;
    }
    Duration every = Duration.ofMillis(Math.max(10, pollInterval.toMillis()));
    for (OutboxConsumer consumer : consumers) {
      // each consumer drains, waits the poll interval, and again, on a thread of its own
      pollers.add(
          Ticker.start(
              threads,
              "civic311-outbox-" + consumer.name(),
              Duration.ZERO,
              every,
              () -> drain(consumer)));
      LOG.info(
          () -> "Outbox consumer " + consumer.name() + " polls every " + every.toMillis() + " ms");
    }
  }

  @PreDestroy
  void stop() {
    stopping = true;
    for (Ticker poller : pollers) {
      // a delivery under way finishes (its transaction is short); a stuck one is left behind
      poller.stop(Duration.ofSeconds(10));
    }
  }

  /** Claims and delivers until a claim comes back short; never throws (the schedule would stop). */
  void drain(OutboxConsumer consumer) {
    try {
      List<OutboxQueue.Claim> claimed;
      do {
        claimed = queue.claim(consumer.name(), batch, lease);
        deliverBatch(consumer, claimed);
      } while (claimed.size() == batch && !stopping);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Outbox poll of " + consumer.name() + " failed: " + e.getMessage());
    }
  }

  /**
   * Delivers a claimed batch: its events are read in one transaction per city, and the delivered
   * rows are removed in one statement at the end, before the next claim (a batch holds at most one
   * event per request, so no later event waits for that), or every second in a slow batch. Rows
   * left when stopping keep their lease and come back after it; a crash before the end delivers the
   * batch again, which the consumers expect (at least once: mail ledgers and idempotency keys drop
   * repeats).
   */
  private void deliverBatch(OutboxConsumer consumer, List<OutboxQueue.Claim> claimed) {
    Map<TenantId, List<OutboxQueue.Claim>> byCity = new LinkedHashMap<>();
    for (OutboxQueue.Claim claim : claimed) {
      byCity.computeIfAbsent(claim.city(), city -> new ArrayList<>()).add(claim);
    }
    List<OutboxQueue.Claim> delivered = new ArrayList<>();
    long marked = System.nanoTime();
    try {
      for (Map.Entry<TenantId, List<OutboxQueue.Claim>> city : byCity.entrySet()) {
        Map<UUID, String[]> events;
        try {
          List<UUID> ids = city.getValue().stream().map(OutboxQueue.Claim::eventId).toList();
          events =
              transactions.inNewTransaction(
                  () -> CurrentTenant.callAs(city.getKey(), () -> queue.events(ids)));
        } catch (Exception e) {
          for (OutboxQueue.Claim claim : city.getValue()) {
            failed(consumer, claim, e);
          }
          continue;
        }
        for (OutboxQueue.Claim claim : city.getValue()) {
          if (stopping) {
            return;
          }
          if (deliver(consumer, claim, events.get(claim.eventId()))) {
            delivered.add(claim);
          }
          if (System.nanoTime() - marked >= markDoneEvery.toNanos()) {
            // a slow batch (a department's system taking its time) marks what it has done, so
            // that those rows are not redelivered if the batch outlives its lease
            List<OutboxQueue.Claim> marking = List.copyOf(delivered);
            delivered.clear();
            marked = System.nanoTime();
            queue.done(consumer.name(), marking);
          }
        }
      }
    } finally {
      queue.done(consumer.name(), delivered);
    }
  }

  /** Hands one event over; true when it is done (delivered, or its event no longer exists). */
  private boolean deliver(OutboxConsumer consumer, OutboxQueue.Claim claim, String[] event) {
    try {
      if (event != null) {
        OutboxMessage message =
            new OutboxMessage(
                claim.city(),
                claim.eventId(),
                claim.requestId(),
                claim.seq(),
                event[0],
                event[1],
                claim.attempts());
        CurrentTenant.callAs(
            claim.city(),
            () -> {
              consumer.deliver(message);
              return null;
            });
      }
      return true;
    } catch (Exception e) {
      failed(consumer, claim, e);
      return false;
    }
  }

  /** A delivery that threw: retried later with backoff, or dead. */
  private void failed(OutboxConsumer consumer, OutboxQueue.Claim claim, Exception e) {
    // The container may wrap a consumer's exception (EJBException from Transactions).
    Optional<DeliveryDeferred> deferred = find(e, DeliveryDeferred.class);
    if (deferred.isPresent()) {
      queue.retry(
          consumer.name(), claim, deferred.get().until(), deferred.get().getMessage(), false);
      return;
    }
    Optional<DeliveryRefused> refused = find(e, DeliveryRefused.class);
    if (refused.isPresent()) {
      String why = refused.get().getMessage();
      LOG.info(() -> consumer.name() + ": event " + claim.eventId() + " refused: " + why);
      queue.dead(consumer.name(), claim, truncate(why));
      return;
    }
    String reason = reason(e);
    if (claim.attempts() >= maxAttempts) {
      LOG.warning(
          () ->
              consumer.name()
                  + ": gave up on event "
                  + claim.eventId()
                  + " after "
                  + claim.attempts()
                  + " attempts: "
                  + reason);
      queue.dead(consumer.name(), claim, reason);
    } else {
      Instant next = Instant.now().plus(backoff(claim.attempts()));
      LOG.fine(() -> consumer.name() + ": event " + claim.eventId() + " retries at " + next);
      queue.retry(consumer.name(), claim, next, reason, true);
    }
  }

  /** base × 2^(attempt−1), capped, then ±25% jitter so a recovering peer is not hit in step. */
  Duration backoff(int attempt) {
    double millis = retryBase.toMillis() * Math.pow(2, Math.max(0, Math.min(attempt - 1, 30)));
    millis = Math.min(millis, retryMax.toMillis());
    double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
    return Duration.ofMillis(Math.max(1, (long) (millis * jitter)));
  }

  /** {@code type} in {@code e}'s chain of causes (the container may wrap it). */
  private static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return truncate(root.getClass().getSimpleName() + ": " + root.getMessage());
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
  }
}
