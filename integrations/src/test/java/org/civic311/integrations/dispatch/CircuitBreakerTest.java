package org.civic311.integrations.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  private static final Instant NOW = Instant.parse("2026-11-25T17:00:00Z");
  private static final CircuitBreaker BREAKER =
      new CircuitBreaker(5, Duration.ofSeconds(30), Duration.ofMinutes(15));

  private static OffsetDateTime ago(long seconds) {
    return OffsetDateTime.ofInstant(NOW.minusSeconds(seconds), ZoneOffset.UTC);
  }

  @Test
  void fewerFailuresInARowThanTheThresholdDoNotPause() {
    assertThat(BREAKER.pausedUntil(0, null, NOW)).isEmpty();
    assertThat(BREAKER.pausedUntil(4, ago(1), NOW)).isEmpty();
  }

  @Test
  void theThresholdPausesForTheOpenTimeAfterTheLastFailure() {
    assertThat(BREAKER.pausedUntil(5, ago(10), NOW)).contains(NOW.plusSeconds(20));
  }

  @Test
  void whenThePauseIsOverTheNextDeliveryIsTheTrial() {
    assertThat(BREAKER.pausedUntil(5, ago(30), NOW)).isEmpty();
    assertThat(BREAKER.pausedUntil(5, ago(31), NOW)).isEmpty();
  }

  @Test
  void eachFailedTrialDoublesThePauseUpToTheMaximum() {
    assertThat(BREAKER.pausedUntil(6, ago(0), NOW)).contains(NOW.plusSeconds(60));
    assertThat(BREAKER.pausedUntil(7, ago(0), NOW)).contains(NOW.plusSeconds(120));
    assertThat(BREAKER.pausedUntil(10, ago(0), NOW)).contains(NOW.plusSeconds(900));
    assertThat(BREAKER.pausedUntil(1_000_000, ago(0), NOW)).contains(NOW.plusSeconds(900));
  }

  @Test
  void aNonsensicalConfigurationIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new CircuitBreaker(0, Duration.ofSeconds(1), Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CircuitBreaker(3, Duration.ofMinutes(2), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
