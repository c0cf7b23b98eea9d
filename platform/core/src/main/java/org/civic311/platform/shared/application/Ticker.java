package org.civic311.platform.shared.application;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A background task on a managed thread of its own, run again and again with a pause between two
 * runs, until it is stopped. Background work does not share the application server's scheduled
 * executor (on Payara Micro, one thread): a slow department system being polled, or a city-by-city
 * job over a thousand cities, would hold up every other schedule. A run that throws is logged and
 * the next one still comes (a scheduled executor would cancel the schedule for good).
 */
public final class Ticker {
  private static final Logger LOG = Logger.getLogger(Ticker.class.getName());

  private final String name;
  private final Object wake = new Object();
  private final Thread thread;
  private volatile boolean stopping;

  private Ticker(
      ManagedThreadFactory threads, String name, Duration first, Duration every, Runnable task) {
    this.name = name;
    this.thread = threads.newThread(() -> loop(first.toMillis(), every.toMillis(), task));
    thread.setName(name);
    thread.setDaemon(true);
  }

  /**
   * Starts {@code task} on a new thread named {@code name}: first after {@code first}, then {@code
   * every} after the end of each run.
   */
  public static Ticker start(
      ManagedThreadFactory threads, String name, Duration first, Duration every, Runnable task) {
    Ticker ticker = new Ticker(threads, name, first, every, task);
    ticker.thread.start();
    return ticker;
  }

  /** Whether {@link #stop} was called: a long run checks it between two pieces of work. */
  public boolean stopping() {
    return stopping;
  }

  /**
   * Stops the schedule and waits up to {@code grace} for a run under way to end (a stuck one is
   * left behind).
   */
  public void stop(Duration grace) {
    stopping = true;
    synchronized (wake) {
      wake.notifyAll();
    }
    try {
      thread.join(Math.max(1, grace.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop(long firstMillis, long everyMillis, Runnable task) {
    if (!pause(firstMillis)) {
      return;
    }
    while (!stopping) {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, name + " failed, and runs again in " + everyMillis + " ms", e);
      }
      if (!pause(everyMillis)) {
        return;
      }
    }
  }

  /** Waits {@code millis}; false when stopped meanwhile. */
  private boolean pause(long millis) {
    if (millis <= 0) {
      return !stopping;
    }
    synchronized (wake) {
      if (stopping) {
        return false;
      }
      try {
        wake.wait(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return !stopping;
  }
}
