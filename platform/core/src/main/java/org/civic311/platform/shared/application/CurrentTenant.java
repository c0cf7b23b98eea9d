package org.civic311.platform.shared.application;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.civic311.platform.shared.domain.TenantId;

/**
 * The city the current thread acts for. It is set in exactly two kinds of place: the web edge
 * ({@code tenancy.api.CityRequestFilter}, after the city was resolved from the URL or the Open311
 * jurisdiction) and the operator's explicit cross-city door ({@code admin.provider}). An
 * architecture test keeps it so. Reading it where none is set fails closed.
 */
public final class CurrentTenant {
  private static final ThreadLocal<TenantId> CURRENT = new ThreadLocal<>();

  private CurrentTenant() {}

  /** The current city, or {@link NoTenantException} when this thread acts for none. */
  public static TenantId require() {
    TenantId tenant = CURRENT.get();
    if (tenant == null) {
      throw new NoTenantException();
    }
    return tenant;
  }

  public static Optional<TenantId> get() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Runs {@code work} as {@code tenant} and restores the previous value, whatever happens. */
  public static <T> T callAs(TenantId tenant, Callable<T> work) throws Exception {
    TenantId previous = CURRENT.get();
    CURRENT.set(tenant);
    try {
      return work.call();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** {@link #callAs} for work that throws no checked exception. */
  public static void runAs(TenantId tenant, Runnable work) {
    try {
      callAs(
          tenant,
          () -> {
            work.run();
            return null;
          });
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Thrown when tenant-owned data is touched with no city set: a programming error. */
  public static final class NoTenantException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NoTenantException() {
      super("No city is set for this unit of work; tenant-owned data is not reachable.");
    }
  }
}
