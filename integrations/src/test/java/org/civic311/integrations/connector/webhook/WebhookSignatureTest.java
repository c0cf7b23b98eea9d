package org.civic311.integrations.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final String SECRET = "a-department-signing-secret";
  private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void signsTheTimestampAndTheBodyAsHexHmacSha256() {
    // HMAC-SHA256("a-department-signing-secret", "1795608000.{\"a\":1}"), computed independently:
    // printf '%s' '1795608000.{"a":1}' | openssl dgst -sha256 -hmac a-department-signing-secret
    assertThat(NOW.getEpochSecond()).isEqualTo(1795608000L);
    assertThat(WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY))
        .isEqualTo("sha256=6361cc7e8ab4592b599df1e7fefd7d3c7283c69198bf8a631d747dd04c204a0f")
        .isEqualTo(WebhookSignature.sign(SECRET, NOW.getEpochSecond(), "{\"a\":1}"));
  }

  @Test
  void acceptsItsOwnSignatureWithinTheTolerance() {
    long t = NOW.getEpochSecond() - 120;
    String signature = WebhookSignature.sign(SECRET, t, BODY);
    assertThat(WebhookSignature.verify(SECRET, String.valueOf(t), signature, BODY, NOW))
        .isEqualTo(WebhookSignature.Verdict.VALID);
  }

  @Test
  void refusesAnotherBodyAnotherSecretOrAnotherTimestamp() {
    long t = NOW.getEpochSecond();
    String signature = WebhookSignature.sign(SECRET, t, BODY);
    byte[] other = "{\"a\":2}".getBytes(StandardCharsets.UTF_8);
    assertThat(WebhookSignature.verify(SECRET, String.valueOf(t), signature, other, NOW))
        .isEqualTo(WebhookSignature.Verdict.WRONG);
    assertThat(
            WebhookSignature.verify(
                "another-secret-entirely", String.valueOf(t), signature, BODY, NOW))
        .isEqualTo(WebhookSignature.Verdict.WRONG);
    assertThat(WebhookSignature.verify(SECRET, String.valueOf(t - 1), signature, BODY, NOW))
        .isEqualTo(WebhookSignature.Verdict.WRONG);
  }

  @Test
  void refusesAStaleOrFutureTimestampEvenWhenCorrectlySigned() {
    long old = NOW.getEpochSecond() - WebhookSignature.TOLERANCE.toSeconds() - 1;
    assertThat(
            WebhookSignature.verify(
                SECRET, String.valueOf(old), WebhookSignature.sign(SECRET, old, BODY), BODY, NOW))
        .isEqualTo(WebhookSignature.Verdict.STALE);
    long future = NOW.getEpochSecond() + WebhookSignature.TOLERANCE.toSeconds() + 1;
    assertThat(
            WebhookSignature.verify(
                SECRET,
                String.valueOf(future),
                WebhookSignature.sign(SECRET, future, BODY),
                BODY,
                NOW))
        .isEqualTo(WebhookSignature.Verdict.STALE);
  }

  @Test
  void tellsMissingFromMalformedHeaders() {
    assertThat(WebhookSignature.verify(SECRET, null, "sha256=00", BODY, NOW))
        .isEqualTo(WebhookSignature.Verdict.MISSING);
    assertThat(WebhookSignature.verify(SECRET, "1", null, BODY, NOW))
        .isEqualTo(WebhookSignature.Verdict.MISSING);
    assertThat(WebhookSignature.verify(SECRET, "yesterday", "sha256=00", BODY, NOW))
        .isEqualTo(WebhookSignature.Verdict.MALFORMED);
    assertThat(WebhookSignature.verify(SECRET, "1", "md5=00", BODY, NOW))
        .isEqualTo(WebhookSignature.Verdict.MALFORMED);
    assertThat(WebhookSignature.verify(SECRET, "1", "sha256=zz", BODY, NOW))
        .isEqualTo(WebhookSignature.Verdict.MALFORMED);
  }
}
