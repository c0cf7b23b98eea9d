package org.civic311.integrations.connector.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature, both ways (ADR 0013): {@code X-Civic311-Signature: sha256=<hex>}, the
 * HMAC-SHA256 under the department's signing secret of {@code <timestamp>.<body>}, where the
 * timestamp is {@code X-Civic311-Timestamp} in Unix seconds. Signing the timestamp with the body
 * lets a receiver refuse a captured message replayed later, which a signature of the body alone
 * cannot do.
 */
public final class WebhookSignature {
  public static final String SIGNATURE_HEADER = "X-Civic311-Signature";
  public static final String TIMESTAMP_HEADER = "X-Civic311-Timestamp";
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  public static final String EVENT_HEADER = "X-Civic311-Event";
  static final String PREFIX = "sha256=";

  /** How far a signed timestamp may be from this clock, either way. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private WebhookSignature() {}

  /** The header value for {@code body} signed at {@code timestamp}. */
  public static String sign(String secret, long timestamp, byte[] body) {
    return PREFIX + HexFormat.of().formatHex(mac(secret, timestamp, body));
  }

  public static String sign(String secret, long timestamp, String body) {
    return sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Why a signed message is refused. */
  public enum Verdict {
    VALID,
    MISSING,
    MALFORMED,
    STALE,
    WRONG
  }

  /**
   * Checks a received message: both headers present, the timestamp within {@link #TOLERANCE} of
   * {@code now}, and the signature right (compared in constant time).
   */
  public static Verdict verify(
      String secret, String timestampHeader, String signatureHeader, byte[] body, Instant now) {
    if (timestampHeader == null || signatureHeader == null) {
      return Verdict.MISSING;
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampHeader.strip());
    } catch (NumberFormatException e) {
      return Verdict.MALFORMED;
    }
    String given = signatureHeader.strip();
    if (!given.startsWith(PREFIX)) {
      return Verdict.MALFORMED;
    }
    byte[] claimed;
    try {
      claimed = HexFormat.of().parseHex(given.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return Verdict.MALFORMED;
    }
    if (Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
      return Verdict.STALE;
    }
    return MessageDigest.isEqual(claimed, mac(secret, timestamp, body))
        ? Verdict.VALID
        : Verdict.WRONG;
  }

  private static byte[] mac(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
