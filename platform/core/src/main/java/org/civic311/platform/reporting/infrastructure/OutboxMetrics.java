package org.civic311.platform.reporting.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civic311.platform.shared.application.OutboxQueue;
import org.civic311.platform.shared.application.SchemaMigrated;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.TenantDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The outbox's size per consumer and city as MicroProfile Metrics gauges, for the operator's
 * monitoring ({@code /metrics}, Prometheus format): {@code civic311_outbox_pending} (changes
 * waiting for a department's system or a mail, due or not) and {@code civic311_outbox_dead} (given
 * up on, waiting for an administrator), each with the labels {@code consumer} ({@code integration},
 * {@code notification}) and {@code city} (its slug). One query over the global queue every {@code
 * civic311.outbox.metrics-interval}; the gauges read the last answer, so a scrape costs nothing.
 * Every instance reports the same numbers (the queue is shared): aggregate with {@code max}.
 */
@ApplicationScoped
public class OutboxMetrics {
  private static final Logger LOG = Logger.getLogger(OutboxMetrics.class.getName());
  static final String PENDING = "civic311_outbox_pending";
  static final String DEAD = "civic311_outbox_dead";

  @Inject OutboxQueue queue;
  @Inject TenantDirectory directory;
  @Inject Instance<MetricRegistry> registries;

  @Inject
  @ConfigProperty(name = "civic311.outbox.metrics-interval", defaultValue = "PT15S")
  Duration interval;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Map<MetricID, AtomicLong> values = new ConcurrentHashMap<>();
  private volatile ScheduledFuture<?> refresher;

  void start(@Observes SchemaMigrated schema) {
    if (!registries.isResolvable()) {
      LOG.info("No MicroProfile Metrics in this runtime: the outbox gauges are off");
      return;
    }
    long every = Math.max(1000, interval.toMillis());
    refresher = scheduler.scheduleWithFixedDelay(this::refresh, 0, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (refresher != null) {
      refresher.cancel(false);
    }
  }

  /** Reads the queue once and sets every gauge; never throws (the schedule would stop). */
  void refresh() {
    try {
      Map<String, String> slugs = new ConcurrentHashMap<>();
      for (CityProfile city : directory.all()) {
        slugs.put(city.id().toString(), city.slug());
      }
      Set<MetricID> seen = new HashSet<>();
      for (OutboxQueue.Backlog b : queue.backlog()) {
        String city = slugs.getOrDefault(b.city().toString(), b.city().toString());
        seen.add(set(PENDING, "Changes waiting in the outbox", b.consumer(), city, b.pending()));
        seen.add(set(DEAD, "Changes given up on (dead letters)", b.consumer(), city, b.dead()));
      }
      values.forEach(
          (id, value) -> {
            if (!seen.contains(id)) {
              value.set(0); // drained since the last read
            }
          });
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Outbox metrics not refreshed: " + e.getMessage());
    }
  }

  private MetricID set(String name, String description, String consumer, String city, long n) {
    MetricID id = new MetricID(name, new Tag("consumer", consumer), new Tag("city", city));
    values
        .computeIfAbsent(
            id,
            key -> {
              AtomicLong value = new AtomicLong();
              registries
                  .get()
                  .gauge(
                      Metadata.builder().withName(name).withDescription(description).build(),
                      value,
                      AtomicLong::get,
                      key.getTagsAsArray());
              return value;
            })
        .set(n);
    return id;
  }
}
