package org.civic311.platform.shared.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TickerTest {
  /** Plain threads, as the server's managed ones would be. */
  private static final ManagedThreadFactory THREADS =
      new ManagedThreadFactory() {
        @Override
        public Thread newThread(Runnable r) {
          return new Thread(r);
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
          throw new UnsupportedOperationException();
        }
      };

  @Test
  void aRunThatThrowsIsFollowedByTheNextOne() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch three = new CountDownLatch(3);
    Ticker ticker =
        Ticker.start(
            THREADS,
            "test-ticker",
            Duration.ZERO,
            Duration.ofMillis(1),
            () -> {
              runs.incrementAndGet();
              three.countDown();
              throw new IllegalStateException("the department system is down");
            });
    try {
      assertThat(three.await(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      ticker.stop(Duration.ofSeconds(5));
    }
    assertThat(ticker.stopping()).isTrue();
    int after = runs.get();
    assertThat(after).isGreaterThanOrEqualTo(3);
    // stopped: no run starts any more (stop waited for the thread to end)
    ticker.stop(Duration.ofSeconds(1));
    assertThat(runs.get()).isEqualTo(after);
  }

  @Test
  void stoppingEndsTheWaitBeforeTheFirstRun() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    Ticker ticker =
        Ticker.start(
            THREADS,
            "test-ticker",
            Duration.ofHours(1),
            Duration.ofHours(1),
            runs::incrementAndGet);
    long started = System.nanoTime();
    ticker.stop(Duration.ofSeconds(30));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    assertThat(runs.get()).isZero();
  }
}
