package org.civic311.integrations.connector.open311;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civic311.integrations.config.ConnectorKind;
import org.civic311.integrations.config.DepartmentConnection;
import org.civic311.integrations.config.IntegrationSettings;
import org.civic311.integrations.config.RemoteOpen311;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.shared.application.SchemaMigrated;
import org.civic311.platform.shared.application.Ticker;
import org.civic311.platform.shared.application.Transactions;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings status back from departments whose system is another Open311 server: every {@code
 * open311-poll-interval}, each due integration (claimed in {@link PollSchedule}, so one instance
 * polls it at a time) reads the remote's {@code servicerequestupdates.json} since the last remote
 * time it reached, less a minute of overlap, and applies each update of a request this city
 * forwarded there, as the city ({@link Open311Updates}). Repeats are harmless (idempotent on the
 * update id), so the overlap and a poll repeated after a crash change nothing twice.
 */
@ApplicationScoped
public class Open311Polling {
  private static final Logger LOG = Logger.getLogger(Open311Polling.class.getName());
  private static final jakarta.json.spi.JsonProvider JSON_PROVIDER =
      jakarta.json.spi.JsonProvider.provider();

  /** How far back each poll reads again, for updates committed late on the remote. */
  static final Duration OVERLAP = Duration.ofMinutes(1);

  /** How far back a poll reads at most when the remote answered everything it had. */
  static final Duration CATCH_UP = Duration.ofMinutes(5);

  static final int REMOTE_LIMIT = 1000;
  private static final int BATCH = 20;

  @Inject PollSchedule schedule;
  @Inject IntegrationSettings settings;
  @Inject Open311Updates updates;
  @Inject Transactions transactions;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "civic311.integrations.open311-poll-interval", defaultValue = "PT1M")
  Duration interval;

  @Inject
  @ConfigProperty(name = "civic311.integrations.connect-timeout", defaultValue = "PT5S")
  Duration connectTimeout;

  @Inject
  @ConfigProperty(name = "civic311.integrations.response-timeout", defaultValue = "PT15S")
  Duration responseTimeout;

  @Inject
  @ConfigProperty(name = "civic311.outbox.enabled", defaultValue = "true")
  boolean enabled;

  @Resource ManagedThreadFactory threads;

  private volatile HttpClient http;
  private volatile Ticker poller;
  private volatile boolean stopping;

  void start(@Observes SchemaMigrated schema) {
    if (!enabled) {
      return;
    }
    http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    long every = Math.max(200, Math.min(interval.toMillis(), 5000));
    // a thread of its own: a slow remote server holds up no other schedule
    poller =
        Ticker.start(
            threads,
            "civic311-open311-polling",
            Duration.ofMillis(every),
            Duration.ofMillis(every),
            this::tick);
    LOG.info(() -> "Open311 integrations are polled every " + interval);
  }

  @PreDestroy
  void stop() {
    stopping = true;
    if (poller != null) {
      poller.stop(Duration.ofSeconds(5));
    }
  }

  /** Polls every due integration; never throws (the schedule would stop). */
  void tick() {
    try {
      List<PollSchedule.Due> due;
      do {
        due = schedule.claim(BATCH, responseTimeout.multipliedBy(4).plusMinutes(1));
        for (PollSchedule.Due d : due) {
          if (stopping) {
            return;
          }
          poll(d);
        }
      } while (due.size() == BATCH && !stopping);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Open311 polling failed: " + e.getMessage());
    }
  }

  private void poll(PollSchedule.Due due) {
    Instant reached = null;
    String error = null;
    try {
      Optional<DepartmentConnection> connection =
          CurrentTenant.callAs(
              due.city(),
              () -> transactions.inNewTransaction(() -> settings.connection(due.department())));
      if (connection.isEmpty()
          || !connection.get().enabled()
          || connection.get().kind() != ConnectorKind.OPEN311) {
        return; // changed since it was scheduled; the trigger removes the row
      }
      RemoteOpen311.Settings remote =
          RemoteOpen311.of(connection.get().url(), connection.get().options());
      Instant asked = clock.instant();
      List<RemoteUpdate> listed = fetch(remote, due.since());
      int applied = 0;
      for (RemoteUpdate u : listed) {
        if (apply(due, u)) {
          applied++;
        }
      }
      Instant newest =
          listed.stream()
              .map(u -> u.updatedAt().toInstant())
              .max(Comparator.naturalOrder())
              .orElse(null);
      // A full answer may have more after its newest; otherwise the remote had nothing newer.
      Instant floor = listed.size() >= REMOTE_LIMIT ? null : asked.minus(CATCH_UP);
      reached = max(newest, floor);
      int n = applied;
      LOG.fine(
          () ->
              "Open311 poll of "
                  + due.department()
                  + " in "
                  + due.city()
                  + ": "
                  + listed.size()
                  + " updates, "
                  + n
                  + " applied");
    } catch (Exception e) {
      error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      String why = error;
      LOG.log(Level.INFO, () -> "Open311 poll of " + due.department() + " failed: " + why);
    } finally {
      try {
        schedule.release(due, interval, reached, error);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Open311 poll not released (its lease will end): " + e);
      }
    }
  }

  /** One update in its own transaction: a refusal of one does not hold back the others. */
  private boolean apply(PollSchedule.Due due, RemoteUpdate u) {
    try {
      return CurrentTenant.callAs(
          due.city(),
          () -> transactions.inNewTransaction(() -> updates.apply(due.department(), u)));
    } catch (Exception e) {
      LOG.log(
          Level.INFO,
          () ->
              "Open311 update "
                  + u.updateId()
                  + " of "
                  + due.department()
                  + " not applied: "
                  + e.getMessage());
      return false;
    }
  }

  private List<RemoteUpdate> fetch(RemoteOpen311.Settings remote, Instant since) throws Exception {
    StringBuilder url = new StringBuilder(remote.resolve("servicerequestupdates.json"));
    char sep = '?';
    if (remote.jurisdictionId() != null) {
      url.append(sep)
          .append("jurisdiction_id=")
          .append(URLEncoder.encode(remote.jurisdictionId(), StandardCharsets.UTF_8));
      sep = '&';
    }
    if (since != null) {
      Instant start = since.minus(OVERLAP);
      Instant oldest = clock.instant().minus(Duration.ofDays(89));
      if (start.isBefore(oldest)) {
        start = oldest; // the remote answers at most 90 days
      }
      url.append(sep)
          .append("start_date=")
          .append(
              URLEncoder.encode(
                  DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                      start.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)),
                  StandardCharsets.UTF_8));
    }
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(url.toString()))
                .timeout(responseTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", "Civic311-Integrations")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (answer.statusCode() != 200) {
      String body = answer.body() == null ? "" : answer.body().strip();
      throw new IllegalStateException(
          "HTTP "
              + answer.statusCode()
              + " from the Open311 server: "
              + body.substring(0, Math.min(300, body.length())));
    }
    return parse(answer.body());
  }

  /** The updates of a {@code servicerequestupdates.json} answer, oldest first. */
  static List<RemoteUpdate> parse(String body) {
    List<RemoteUpdate> out = new ArrayList<>();
    JsonValue value;
    try (JsonReader reader = JSON_PROVIDER.createReader(new StringReader(body))) {
      value = reader.readValue();
    }
    JsonArray list;
    if (value instanceof JsonArray a) {
      list = a;
    } else if (value instanceof JsonObject o
        && o.get("service_request_updates") instanceof JsonArray a) {
      list = a;
    } else {
      throw new IllegalStateException("the Open311 server's updates are not a JSON list");
    }
    for (JsonValue v : list) {
      if (!(v instanceof JsonObject o)) {
        continue;
      }
      String id = text(o, "update_id");
      String request = text(o, "service_request_id");
      String status = text(o, "status");
      String at = text(o, "updated_datetime");
      if (id == null || request == null || status == null || at == null) {
        continue;
      }
      OffsetDateTime when;
      try {
        when = OffsetDateTime.parse(at);
      } catch (java.time.format.DateTimeParseException e) {
        continue;
      }
      out.add(new RemoteUpdate(id, request, status, text(o, "description"), when));
    }
    out.sort(Comparator.comparing(RemoteUpdate::updatedAt));
    return out;
  }

  private static String text(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    String s = v instanceof jakarta.json.JsonString js ? js.getString() : v.toString();
    return s.isBlank() ? null : s.strip();
  }

  private static Instant max(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
