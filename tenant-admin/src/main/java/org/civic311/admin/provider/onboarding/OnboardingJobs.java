package org.civic311.admin.provider.onboarding;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.TenantDirectory;

/**
 * Onboardings that run in the background while the console shows their progress (ADR 0019). The
 * form is checked before the job starts ({@link Onboarding#plan}), so what the operator can put
 * right is refused at once; the job then reads the catalogue from the network and onboards in one
 * transaction exactly as the synchronous endpoint does. Jobs are kept in memory by the instance
 * that runs them, for a day.
 */
@ApplicationScoped
public class OnboardingJobs {
  private static final Logger LOG = Logger.getLogger(OnboardingJobs.class.getName());
  private static final Duration KEPT = Duration.ofDays(1);

  @Inject Onboarding onboarding;
  @Inject TenantDirectory directory;
  @Inject Clock clock;
  @Resource ManagedExecutorService executor;

  private final Map<UUID, OnboardingJob> jobs = new ConcurrentHashMap<>();

  /**
   * Checks {@code city} and starts onboarding it.
   *
   * @throws RuntimeException as {@link Onboarding#plan} refuses the form (nothing started then)
   */
  public OnboardingJob start(OnboardCity city, String operator) {
    OffsetDateTime now = now();
    jobs.values().removeIf(j -> j.createdAt().plus(KEPT).isBefore(now));
    StartingCatalogue plan = onboarding.plan(city);
    OnboardingJob job =
        new OnboardingJob(UUID.randomUUID(), city.slug(), plan.kind(), operator, now);
    jobs.put(job.id(), job);
    executor.execute(() -> run(job, city, plan));
    return job;
  }

  private void run(OnboardingJob job, OnboardCity city, StartingCatalogue plan) {
    try {
      CityProfile made = onboarding.onboard(city, onboarding.load(plan, job), job.operator(), job);
      job.finished(made, now());
    } catch (RuntimeException e) {
      job.failed(OnboardingProblems.problem(e), now());
      LOG.log(
          Level.INFO,
          "Onboarding {0} of {1} refused: {2}",
          new Object[] {job.id(), job.slug(), e.getMessage()});
    } catch (Error e) {
      job.failed(OnboardingProblems.problem(new IllegalStateException(e.toString())), now());
      throw e;
    } finally {
      directory.invalidate(); // a snapshot read inside the transaction may hold the city
    }
  }

  /** The onboarding {@code id}, if this instance runs or ran it. */
  public Optional<OnboardingJob> find(UUID id) {
    return Optional.ofNullable(jobs.get(id));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
