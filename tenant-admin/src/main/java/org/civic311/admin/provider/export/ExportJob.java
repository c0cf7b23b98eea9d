package org.civic311.admin.provider.export;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.civic311.platform.tenancy.application.CityProfile;

/**
 * One export of a city: what it is to contain (rows per table, counted when the archive is written)
 * and how far the archive has got. Kept in memory by the instance that made it (ADR 0018); the
 * counters are updated by the thread writing the archive and read by the progress endpoint.
 */
public final class ExportJob {
  /** Where an export stands. */
  public enum State {
    READY,
    RUNNING,
    DONE,
    FAILED
  }

  private final UUID id;
  private final CityProfile city;
  private final String operator;
  private final OffsetDateTime createdAt;
  private volatile State state = State.READY;
  private volatile OffsetDateTime finishedAt;
  private volatile String error;
  private volatile Map<String, Long> totals;
  private volatile Map<String, AtomicLong> done;
  private final AtomicLong files = new AtomicLong();

  ExportJob(
      UUID id,
      CityProfile city,
      String operator,
      OffsetDateTime createdAt,
      Map<String, Long> totals) {
    this.id = id;
    this.city = city;
    this.operator = operator;
    this.createdAt = createdAt;
    counting(totals);
  }

  /** Starts (again) with these totals: every counter back to 0. */
  synchronized void counting(Map<String, Long> totals) {
    Map<String, AtomicLong> fresh = new LinkedHashMap<>();
    totals.keySet().forEach(t -> fresh.put(t, new AtomicLong()));
    this.totals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(totals));
    this.done = fresh;
    this.files.set(0);
  }

  void running() {
    state = State.RUNNING;
    finishedAt = null;
    error = null;
  }

  void wrote(String table) {
    AtomicLong n = done.get(table);
    if (n != null) {
      n.incrementAndGet();
    }
  }

  void wroteFile() {
    files.incrementAndGet();
  }

  void finished(OffsetDateTime at) {
    finishedAt = at;
    state = State.DONE;
  }

  void failed(OffsetDateTime at, String why) {
    finishedAt = at;
    error = why;
    state = State.FAILED;
  }

  public UUID id() {
    return id;
  }

  public CityProfile city() {
    return city;
  }

  public String operator() {
    return operator;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public State state() {
    return state;
  }

  public OffsetDateTime finishedAt() {
    return finishedAt;
  }

  public String error() {
    return error;
  }

  public long files() {
    return files.get();
  }

  /** Table, rows to write and rows written, in the archive's order. */
  public record TableProgress(String table, long total, long done) {}

  public List<TableProgress> progress() {
    Map<String, Long> t = totals;
    Map<String, AtomicLong> d = done;
    return t.entrySet().stream()
        .map(
            e ->
                new TableProgress(
                    e.getKey(), e.getValue(), d.getOrDefault(e.getKey(), new AtomicLong()).get()))
        .toList();
  }
}
