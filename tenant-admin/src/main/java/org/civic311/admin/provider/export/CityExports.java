package org.civic311.admin.provider.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
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
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.OperatorAudit;
import org.civic311.platform.tenancy.application.PhoneDirectory;

/**
 * A city's whole data set as a streamed archive (ADR 0018): an export is made (audited, with the
 * rows it will hold), then its archive is streamed while its progress can be asked for. The archive
 * is read as the city, in one transaction bound to it, so row-level security decides every row it
 * holds. Exports are kept in memory for a day.
 */
@ApplicationScoped
public class CityExports {
  private static final Logger LOG = Logger.getLogger(CityExports.class.getName());
  private static final Duration KEPT = Duration.ofDays(1);

  @Inject CityReader reader;
  @Inject PhoneDirectory phones;
  @Inject OperatorAudit audit;
  @Inject Clock clock;

  private final Map<UUID, ExportJob> jobs = new ConcurrentHashMap<>();

  /**
   * A new export of {@code city}, counted and audited; its archive is written by {@link #write}.
   */
  public ExportJob start(CityProfile city, String operator) throws Exception {
    OffsetDateTime now = now();
    jobs.values().removeIf(j -> j.createdAt().plus(KEPT).isBefore(now));
    Map<String, Long> totals = CurrentTenant.callAs(city.id(), reader::counts);
    ExportJob job = new ExportJob(UUID.randomUUID(), city, operator, now, totals);
    audit.record(
        operator,
        "city.export",
        city.id(),
        Map.of(
            "export",
            job.id().toString(),
            "rows",
            totals.values().stream().mapToLong(Long::longValue).sum()));
    jobs.put(job.id(), job);
    return job;
  }

  /** The export {@code id} of {@code city}, if this instance made it (and not another city's). */
  public Optional<ExportJob> find(CityProfile city, UUID id) {
    return Optional.ofNullable(jobs.get(id)).filter(j -> j.city().slug().equals(city.slug()));
  }

  /**
   * Writes the export's archive to {@code out}: counted again and read in one transaction as the
   * city, so the archive is one consistent read of the city and its progress is exact. A failure
   * half-way leaves a truncated archive (no ZIP directory: any unzip tool refuses it) and the
   * export marked failed.
   */
  public void write(ExportJob job, OutputStream out) throws IOException {
    job.running();
    try {
      CityArchive archive = new CityArchive(out, job);
      archive.city(job.city(), phones.assignedTo(job.city().id()));
      CurrentTenant.callAs(
          job.city().id(),
          () -> {
            reader.read(job::counting, archive);
            return null;
          });
      archive.finish(job.city(), job.operator(), now());
      job.finished(now());
    } catch (IOException | RuntimeException e) {
      fail(job, e);
      throw e;
    } catch (Exception e) {
      fail(job, e);
      throw new IOException(e);
    }
  }

  private void fail(ExportJob job, Exception e) {
    job.failed(now(), e.getMessage());
    LOG.log(
        Level.WARNING,
        "Export {0} of {1} failed: {2}",
        new Object[] {job.id(), job.city().slug(), e.getMessage()});
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
