package org.civic311.platform.shared.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.civic311.platform.shared.domain.TenantId;
import org.junit.jupiter.api.Test;

/**
 * How a claimed batch is handed over: events read once per city, as that city; the delivered rows
 * removed together at the end; a failure retried on its own (the queue here is a fake that records
 * calls; {@code NotificationsIT}, {@code DepartmentIntegrationsIT} and {@code TwoInstancesIT} run
 * the real one).
 */
class OutboxDispatcherTest {
  private final TenantId calgary = new TenantId(UUID.randomUUID());
  private final TenantId lethbridge = new TenantId(UUID.randomUUID());

  /** An in-memory queue: one batch to claim, and a record of what the dispatcher did with it. */
  private static final class FakeQueue implements OutboxQueue {
    final List<Claim> batch = new ArrayList<>();
    final Map<UUID, TenantId> eventCity = new HashMap<>();
    final List<TenantId> eventReadsAs = new ArrayList<>();
    final List<List<Claim>> doneCalls = new ArrayList<>();
    final List<Claim> retried = new ArrayList<>();
    Set<TenantId> unreadable = Set.of();

    Claim add(TenantId city) {
      Claim claim = new Claim(city, UUID.randomUUID(), UUID.randomUUID(), 1, 1);
      batch.add(claim);
      eventCity.put(claim.eventId(), city);
      return claim;
    }

    @Override
    public List<Backlog> backlog() {
      return List.of();
    }

    @Override
    public List<Claim> claim(String consumer, int limit, Duration lease) {
      List<Claim> claimed = List.copyOf(batch);
      batch.clear();
      return claimed;
    }

    @Override
    public Map<UUID, String[]> events(List<UUID> eventIds) {
      TenantId city = CurrentTenant.require();
      eventReadsAs.add(city);
      if (unreadable.contains(city)) {
        throw new DatabaseUnavailableException("the database is down");
      }
      Map<UUID, String[]> events = new HashMap<>();
      for (UUID id : eventIds) {
        // row-level security: only the bound city's events are seen
        if (city.equals(eventCity.get(id))) {
          events.put(id, new String[] {"created", "{}"});
        }
      }
      return events;
    }

    @Override
    public void done(String consumer, List<Claim> claims) {
      if (!claims.isEmpty()) {
        doneCalls.add(List.copyOf(claims));
      }
    }

    @Override
    public void retry(
        String consumer, Claim claim, Instant at, String reason, boolean countsAsAttempt) {
      retried.add(claim);
    }

    @Override
    public void dead(String consumer, Claim claim, String reason) {
      throw new AssertionError("nothing should be dead here");
    }

    @Override
    public boolean replay(String consumer, UUID eventId) {
      return false;
    }

    @Override
    public boolean discard(String consumer, UUID eventId) {
      return false;
    }
  }

  /** Records each message with the city it was delivered as; fails the events it is told to. */
  private static final class Recorder implements OutboxConsumer {
    final List<OutboxMessage> delivered = new ArrayList<>();
    final List<TenantId> deliveredAs = new ArrayList<>();
    Set<UUID> failing = Set.of();

    @Override
    public String name() {
      return "test";
    }

    @Override
    public void deliver(OutboxMessage message) {
      if (failing.contains(message.eventId())) {
        throw new IllegalStateException("the department's system answered 500");
      }
      delivered.add(message);
      deliveredAs.add(CurrentTenant.require());
    }
  }

  private final FakeQueue queue = new FakeQueue();
  private final Recorder consumer = new Recorder();

  private OutboxDispatcher dispatcher() {
    OutboxDispatcher d = new OutboxDispatcher();
    d.queue = queue;
    d.transactions =
        new Transactions() {
          @Override
          public <T> T inNewTransaction(java.util.concurrent.Callable<T> work) throws Exception {
            return work.call();
          }
        };
    d.batch = 50;
    d.maxAttempts = 60;
    d.retryBase = Duration.ofSeconds(5);
    d.retryMax = Duration.ofMinutes(15);
    d.markDoneEvery = Duration.ofDays(1); // no batch here is slow, however slow the machine
    return d;
  }

  @Test
  void aBatchReadsItsEventsOncePerCityAndMarksItsDeliveriesDoneTogether() {
    var c1 = queue.add(calgary);
    var l1 = queue.add(lethbridge);
    var c2 = queue.add(calgary);

    dispatcher().drain(consumer);

    assertThat(queue.eventReadsAs).containsExactlyInAnyOrder(calgary, lethbridge);
    assertThat(consumer.delivered)
        .extracting(OutboxMessage::eventId)
        .containsExactlyInAnyOrder(c1.eventId(), l1.eventId(), c2.eventId());
    for (int i = 0; i < consumer.delivered.size(); i++) {
      assertThat(consumer.deliveredAs.get(i)).isEqualTo(consumer.delivered.get(i).city());
    }
    assertThat(queue.doneCalls).hasSize(1);
    assertThat(queue.doneCalls.get(0)).containsExactlyInAnyOrder(c1, l1, c2);
    assertThat(queue.retried).isEmpty();
  }

  @Test
  void aSlowBatchMarksWhatItDeliveredAsItGoes() {
    var c1 = queue.add(calgary);
    var c2 = queue.add(calgary);
    OutboxDispatcher d = dispatcher();
    d.markDoneEvery = Duration.ZERO; // every delivery is "slow"

    d.drain(consumer);

    assertThat(queue.doneCalls).containsExactly(List.of(c1), List.of(c2));
  }

  @Test
  void aFailedDeliveryIsRetriedAloneAndTheOthersAreDone() {
    var c1 = queue.add(calgary);
    var c2 = queue.add(calgary);
    consumer.failing = Set.of(c1.eventId());

    dispatcher().drain(consumer);

    assertThat(queue.retried).containsExactly(c1);
    assertThat(queue.doneCalls).containsExactly(List.of(c2));
  }

  @Test
  void aCityWhoseEventsCannotBeReadIsRetriedAndTheOtherCityIsDelivered() {
    var c1 = queue.add(calgary);
    var l1 = queue.add(lethbridge);
    queue.unreadable = Set.of(calgary);

    dispatcher().drain(consumer);

    assertThat(queue.retried).containsExactly(c1);
    assertThat(consumer.delivered).extracting(OutboxMessage::eventId).containsExactly(l1.eventId());
    assertThat(queue.doneCalls).containsExactly(List.of(l1));
  }

  @Test
  void anEventThatNoLongerExistsIsDoneWithoutADelivery() {
    var c1 = queue.add(calgary);
    queue.eventCity.remove(c1.eventId());

    dispatcher().drain(consumer);

    assertThat(consumer.delivered).isEmpty();
    assertThat(queue.doneCalls).containsExactly(List.of(c1));
  }
}
