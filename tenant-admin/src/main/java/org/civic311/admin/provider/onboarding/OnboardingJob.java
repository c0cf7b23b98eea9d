package org.civic311.admin.provider.onboarding;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.civic311.platform.shared.api.Problem;
import org.civic311.platform.tenancy.application.CityProfile;

/**
 * One onboarding and how far it has got (ADR 0019): the phase it is in ({@code checking}, {@code
 * fetching} the Open311 definitions, {@code importing} the categories, {@code finishing}), the
 * categories to import and those done, and its outcome. Kept in memory by the instance that runs
 * it; the counters are written by the onboarding's thread and read by the progress endpoint.
 */
public final class OnboardingJob {
  /** Where an onboarding stands. */
  public enum State {
    RUNNING,
    DONE,
    FAILED
  }

  /** What an onboarding is doing now. */
  public enum Phase {
    CHECKING,
    FETCHING,
    IMPORTING,
    FINISHING,
    DONE
  }

  private final UUID id;
  private final String slug;
  private final String catalogue;
  private final String operator;
  private final OffsetDateTime createdAt;
  private volatile State state = State.RUNNING;
  private volatile Phase phase = Phase.CHECKING;
  private volatile int total;
  private final AtomicInteger done = new AtomicInteger();
  private volatile OffsetDateTime finishedAt;
  private volatile CityProfile city;
  private volatile Problem problem;

  public OnboardingJob(
      UUID id, String slug, String catalogue, String operator, OffsetDateTime createdAt) {
    this.id = id;
    this.slug = slug;
    this.catalogue = catalogue;
    this.operator = operator;
    this.createdAt = createdAt;
  }

  /** A job nobody watches (the synchronous onboarding's). */
  public static OnboardingJob unwatched(String slug, String catalogue, String operator) {
    return new OnboardingJob(UUID.randomUUID(), slug, catalogue, operator, OffsetDateTime.now());
  }

  /** Enters {@code phase} with {@code total} items to do, none done yet. */
  void phase(Phase phase, int total) {
    this.total = total;
    this.done.set(0);
    this.phase = phase;
  }

  void phase(Phase phase) {
    this.phase = phase;
  }

  /** One more item of the phase done. */
  void step() {
    done.incrementAndGet();
  }

  /** A phase's items all done at once (a CSV file is imported in one statement batch). */
  void stepAll() {
    done.set(total);
  }

  public void finished(CityProfile city, OffsetDateTime at) {
    this.city = city;
    this.finishedAt = at;
    this.phase = Phase.DONE;
    this.state = State.DONE;
  }

  /** Failed with {@code problem} (the problem detail the synchronous endpoint would answer). */
  public void failed(Problem problem, OffsetDateTime at) {
    this.problem = problem;
    this.finishedAt = at;
    this.state = State.FAILED;
  }

  public UUID id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String catalogue() {
    return catalogue;
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

  public Phase phase() {
    return phase;
  }

  public int total() {
    return total;
  }

  public int done() {
    return done.get();
  }

  public OffsetDateTime finishedAt() {
    return finishedAt;
  }

  public CityProfile city() {
    return city;
  }

  public Problem problem() {
    return problem;
  }
}
