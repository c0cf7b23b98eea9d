package org.civic311.platform.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.civic311.platform.shared.domain.TenantOwned;

/**
 * An address that follows one request of a city. It receives the request's mail while it is
 * confirmed and not unsubscribed. Its unsubscribe token (in every message) and its confirmation
 * token (in the confirmation message) are random, unguessable and unique in the city; a
 * confirmation token works once.
 */
@Entity
@Table(name = "notification_subscription")
public class Subscription extends TenantOwned {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** How the address came to follow the request. */
  public enum Source {
    SUBMISSION,
    STATUS_PAGE,
    ME_TOO
  }

  @Id private UUID id;

  @Column(name = "request_id", nullable = false)
  private UUID requestId;

  @Column(nullable = false)
  private String email;

  @Column(nullable = false)
  private String locale;

  @Column(nullable = false)
  private String source;

  @Column(name = "unsubscribe_token", nullable = false)
  private String unsubscribeToken;

  @Column(name = "confirm_token")
  private String confirmToken;

  @Column(name = "confirmed_at")
  private OffsetDateTime confirmedAt;

  @Column(name = "unsubscribed_at")
  private OffsetDateTime unsubscribedAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Subscription() {}

  /**
   * A new follower of {@code requestId}; {@code confirmed} when the address needs no confirmation
   * link.
   */
  public static Subscription follow(
      UUID requestId, String email, String locale, Source source, boolean confirmed, Clock clock) {
    Subscription s = new Subscription();
    s.id = UUID.randomUUID();
    s.requestId = requestId;
    s.email = email;
    s.locale = locale;
    s.source = source.name().toLowerCase(java.util.Locale.ROOT);
    s.unsubscribeToken = token();
    s.createdAt = now(clock);
    if (confirmed) {
      s.confirmedAt = s.createdAt;
    } else {
      s.confirmToken = token();
    }
    return s;
  }

  /**
   * Confirms the address with the token of the confirmation message.
   *
   * @throws IllegalStateException when it was confirmed already (the link was used before)
   */
  public void confirm(Clock clock) {
    if (confirmedAt != null) {
      throw new IllegalStateException("This subscription is already confirmed.");
    }
    confirmedAt = now(clock);
    unsubscribedAt = null;
  }

  /** Stops the mail; unsubscribing twice changes nothing. */
  public void unsubscribe(Clock clock) {
    if (unsubscribedAt == null) {
      unsubscribedAt = now(clock);
    }
  }

  /**
   * Asks again for a request already followed (or unsubscribed from): a new confirmation is needed
   * unless {@code confirmed}.
   */
  public void renew(String newLocale, boolean confirmed, Clock clock) {
    locale = newLocale;
    unsubscribedAt = null;
    if (confirmed) {
      confirmedAt = confirmedAt == null ? now(clock) : confirmedAt;
    } else if (confirmedAt == null) {
      confirmToken = token();
    }
  }

  public boolean receivesMail() {
    return confirmedAt != null && unsubscribedAt == null;
  }

  public boolean awaitsConfirmation() {
    return confirmedAt == null && unsubscribedAt == null;
  }

  public UUID id() {
    return id;
  }

  public UUID requestId() {
    return requestId;
  }

  public String email() {
    return email;
  }

  public String locale() {
    return locale;
  }

  public String unsubscribeToken() {
    return unsubscribeToken;
  }

  public Optional<String> confirmToken() {
    return Optional.ofNullable(confirmToken);
  }

  private static String token() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static OffsetDateTime now(Clock clock) {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
