package org.civic311.platform.shared.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civic311.platform.shared.application.DatabaseUnavailableException;
import org.civic311.platform.shared.application.SchemaMigrated;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date at start-up, as the owner role, before anything touches JPA.
 *
 * <p>A database that cannot be reached, or that refuses the owner role's login or has no database
 * yet (a DBA may still be setting it up), is not fatal: the application deploys, {@code
 * /health/ready} says why it is not ready, and the migration is tried again with a growing pause (1
 * s doubling to 30 s), one log line per attempt and no stack trace. A migration that fails for any
 * other reason (bad SQL, an edited migration) stops there and readiness reports it, since retrying
 * would not help.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrator {
  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

  /** What readiness reports. */
  public enum State {
    PENDING,
    MIGRATED,
    FAILED
  }

  @Inject Database database;
  @Inject Event<SchemaMigrated> migrated;

  @Resource ManagedScheduledExecutorService scheduler;

  private volatile State state = State.PENDING;
  private volatile String detail = "migrations not yet run";
  private volatile Duration pause = FIRST_PAUSE;
  private volatile ScheduledFuture<?> retry;

  /**
   * Schedules the first attempt at once. The work runs as a managed task, not in this callback:
   * connections obtained inside the start-up bean's invocation are not enlisted in the JTA
   * transactions that the start-up work (the demo seed) opens, and a transaction-local city setting
   * would be lost.
   */
  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void start() {
    retry = scheduler.schedule(this::attempt, 0, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> pending = retry;
    if (pending != null) {
      pending.cancel(false);
    }
  }

  public State state() {
    return state;
  }

  public String detail() {
    return detail;
  }

  private void attempt() {
    String version;
    try {
      MigrateResult result = flyway().migrate();
      version = currentVersion();
      detail = "schema at version " + version + " (" + result.migrationsExecuted + " applied now)";
      LOG.info("Database " + database.displayUrl() + ": " + detail);
    } catch (RuntimeException e) {
      boolean unreachable = DatabaseUnavailableException.isUnreachable(e);
      if (unreachable || notSetUpYet(e)) {
        detail =
            "database "
                + database.displayUrl()
                + (unreachable ? " is not reachable (" : " refuses the owner role (")
                + rootMessage(e)
                + "); retrying in "
                + pause.toSeconds()
                + (unreachable
                    ? " s. Check CIVIC311_DB_URL and that PostgreSQL is running."
                    : " s. Check CIVIC311_DB_OWNER_USER and CIVIC311_DB_OWNER_PASSWORD, and that"
                        + " the database and its roles exist (docs/operations.md).");
        LOG.warning(detail);
        retry = scheduler.schedule(this::attempt, pause.toMillis(), TimeUnit.MILLISECONDS);
        Duration doubled = pause.multipliedBy(2);
        pause = doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
      } else {
        state = State.FAILED;
        detail = "migration failed: " + rootMessage(e);
        LOG.log(Level.SEVERE, "Database " + database.displayUrl() + ": " + detail, e);
      }
      return;
    }
    try {
      migrated.fire(new SchemaMigrated(version));
      state = State.MIGRATED;
    } catch (RuntimeException e) {
      state = State.FAILED;
      detail =
          "schema at version " + version + ", but start-up work after it failed: " + rootMessage(e);
      LOG.log(Level.SEVERE, detail, e);
    }
  }

  /**
   * The database answers but the login is refused (SQL state class 28) or the database does not
   * exist (3D000): a DBA may still be setting it up, so this is retried like an outage, not final.
   */
  private static boolean notSetUpYet(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("28") || state.equals("3D000")) {
          return true;
        }
      }
    }
    return false;
  }

  private String currentVersion() {
    var current = flyway().info().current();
    return current == null ? "none" : current.getVersion().getVersion();
  }

  private Flyway flyway() {
    return Flyway.configure(getClass().getClassLoader())
        .dataSource(database.url(), database.ownerUser(), database.ownerPassword())
        .locations("classpath:db/migration")
        .placeholders(Map.of("app_role", database.appUser()))
        .connectRetries(0)
        .load();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
