package org.civic311.platform.notification.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The current city's notification records: subscriptions, staff subscriptions, its settings, the
 * suppression list and the log of what was sent. Every lookup is within the current city; a token
 * of another city finds nothing.
 */
public interface NotificationRepository {
  Optional<Subscription> subscription(UUID requestId, String email);

  Optional<Subscription> byUnsubscribeToken(String token);

  Optional<Subscription> byConfirmToken(String token);

  /** Subscriptions of a request that receive mail. */
  List<Subscription> receiving(UUID requestId);

  /** Every subscription of {@code email} in the city. */
  List<Subscription> ofAddress(String email);

  void add(Subscription subscription);

  List<StaffSubscription> staff();

  List<StaffSubscription> staffOf(String department);

  Optional<StaffSubscription> staffSubscription(UUID id);

  void add(StaffSubscription subscription);

  void remove(StaffSubscription subscription);

  Optional<NotificationSettings> settings();

  void add(NotificationSettings settings);

  boolean suppressed(String email);

  /** Adds {@code email} to the suppression list (kept if already there). */
  void suppress(String email, String reason, String detail);

  /** Removes {@code email} from the suppression list; false when it was not there. */
  boolean unsuppress(String email);

  List<String[]> suppressions();

  /**
   * Records a message as sent before it leaves; false when it was recorded already (it left
   * before), so the caller sends nothing.
   */
  boolean markSent(UUID eventId, String recipient, String messageId, String kind);

  /** Takes the mark back after sending failed, so a retry sends it. */
  void unmarkSent(UUID eventId, String recipient);

  /** Messages the city sent since {@code since}: its sending limit counts these. */
  int sentSince(OffsetDateTime since);

  /** Confirmation messages the city sent {@code email} since {@code since}. */
  int confirmationsSince(String email, OffsetDateTime since);
}
