package org.civic311.platform.notification.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.notification.domain.NotificationRepository;
import org.civic311.platform.notification.domain.NotificationSettings;
import org.civic311.platform.notification.domain.StaffSubscription;
import org.civic311.platform.notification.domain.Subscription;
import org.civic311.platform.request.application.RequestIntakeService;
import org.civic311.platform.request.application.RequestSummary;
import org.civic311.platform.shared.application.AuditLog;
import org.civic311.platform.shared.application.TenantTransactional;

/**
 * What residents and administrators do with the current city's mail: follow a request from its
 * status page (double opt-in), confirm, unsubscribe from one request or from everything, and
 * (administrators) the city's sender, languages and limits, staff mail and the suppression list.
 */
@ApplicationScoped
public class SubscriptionService {
  /** The outcome of a request to follow. */
  public enum Followed {
    CONFIRMATION_SENT,
    ALREADY_FOLLOWING
  }

  /** A token this city does not know. */
  public static class UnknownToken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownToken() {
      super(
          "This link is not valid for this city. It may have been mistyped or replaced by a newer one.");
    }
  }

  /** A confirmation link used a second time. */
  public static class LinkUsed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LinkUsed() {
      super("This confirmation link was used already: your e-mail updates are on.");
    }
  }

  /** An address asked for more confirmation messages than the hourly allowance. */
  public static class TooManyConfirmations extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TooManyConfirmations() {
      super(
          "This address was sent "
              + MailOffice.CONFIRMATIONS_PER_HOUR
              + " confirmation messages in the last hour; confirm one of them, or try again later.");
    }
  }

  /** A staff subscription, as an administrator sees it. */
  public record StaffMail(
      String id, String department, String email, String mode, int digestHour) {}

  @Inject NotificationRepository repository;
  @Inject MailOffice office;
  @Inject RequestIntakeService requests;
  @Inject CatalogueService catalogue;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * {@code email} asks to follow request {@code requestId}: a confirmation message is sent at once
   * (and nothing else until it is confirmed).
   *
   * @throws IllegalArgumentException for an invalid address or language
   * @throws MailNotSent when the mail server is away: nothing is stored, the resident tries again
   * @throws TooManyConfirmations when the address had its hourly allowance of confirmations
   */
  @TenantTransactional
  public Optional<Followed> follow(String requestId, String email, String locale) {
    String address = NotificationSettings.address("email", email).toLowerCase(Locale.ROOT);
    String language = language(locale);
    Optional<RequestSummary> request = requests.find(requestId);
    if (request.isEmpty()) {
      return Optional.empty();
    }
    UUID id = UUID.fromString(request.get().id());
    Optional<Subscription> pending =
        office.follow(id, address, language, Subscription.Source.STATUS_PAGE, false);
    if (pending.isEmpty()) {
      return Optional.of(Followed.ALREADY_FOLLOWING);
    }
    if (!office.confirmationAllowed(address)) {
      throw new TooManyConfirmations();
    }
    office.sendConfirmation(UUID.randomUUID(), id, address);
    return Optional.of(Followed.CONFIRMATION_SENT);
  }

  /**
   * Someone asks, on the status page, to stop the updates {@code email} gets about {@code
   * requestId}: the address is sent the link that does it, if it follows the request. Whether it
   * does is not told, so no one learns who follows what, and no one can stop another person's mail.
   *
   * @return empty when the city has no such request
   * @throws IllegalArgumentException naming {@code email} when it is not an address
   * @throws MailNotSent when the mail server is away
   */
  @TenantTransactional
  public Optional<String> stop(String requestId, String email) {
    String address = NotificationSettings.address("email", email).toLowerCase(Locale.ROOT);
    Optional<RequestSummary> request = requests.find(requestId);
    request.ifPresent(
        r -> office.sendStopLink(UUID.randomUUID(), UUID.fromString(r.id()), address));
    return request.map(RequestSummary::id);
  }

  /**
   * Confirms the subscription of the confirmation message.
   *
   * @throws UnknownToken when the city has no such link
   * @throws LinkUsed when the link was used already
   */
  @TenantTransactional
  public String confirm(String token) {
    Subscription s = repository.byConfirmToken(clean(token)).orElseThrow(UnknownToken::new);
    try {
      s.confirm(clock);
    } catch (IllegalStateException e) {
      throw new LinkUsed();
    }
    repository.unsuppress(s.email());
    return s.requestId().toString();
  }

  /**
   * Stops mail about one request, or ({@code everything}) every mail of the city to that address.
   * Doing it again changes nothing.
   *
   * @throws UnknownToken when the city has no such link
   */
  @TenantTransactional
  public String unsubscribe(String token, boolean everything) {
    Subscription s = repository.byUnsubscribeToken(clean(token)).orElseThrow(UnknownToken::new);
    if (everything) {
      repository.ofAddress(s.email()).forEach(x -> x.unsubscribe(clock));
      repository.suppress(s.email(), "unsubscribed", "one-click unsubscribe from all");
    } else {
      s.unsubscribe(clock);
    }
    return s.requestId().toString();
  }

  @TenantTransactional
  public MailIdentity settings() {
    return office.identity();
  }

  /**
   * @throws IllegalArgumentException naming the field that is wrong
   */
  @TenantTransactional
  public MailIdentity saveSettings(
      String senderAddress,
      String senderName,
      String replyTo,
      List<String> locales,
      int hourlyLimit,
      String brandColor,
      String actor) {
    MailIdentity before = office.identity();
    Optional<NotificationSettings> saved = repository.settings();
    if (saved.isPresent()) {
      saved
          .get()
          .change(senderAddress, senderName, replyTo, locales, hourlyLimit, brandColor, clock);
    } else {
      repository.add(
          NotificationSettings.of(
              senderAddress, senderName, replyTo, locales, hourlyLimit, brandColor, clock));
    }
    MailIdentity after = office.identity();
    audit.record("notification-settings", actor, before.toString(), after.toString());
    return after;
  }

  @TenantTransactional
  public List<StaffMail> staffMail() {
    return repository.staff().stream().map(SubscriptionService::view).toList();
  }

  /**
   * @throws IllegalArgumentException naming the field that is wrong
   */
  @TenantTransactional
  public StaffMail addStaffMail(
      String department, String email, String mode, Integer digestHour, String actor) {
    String address = NotificationSettings.address("email", email).toLowerCase(Locale.ROOT);
    if (catalogue.department(department).isEmpty()) {
      throw new IllegalArgumentException(
          "department: '" + department + "' is not a department of this city");
    }
    StaffSubscription.Mode m =
        StaffSubscription.Mode.fromWire(mode == null ? "immediate" : mode)
            .orElseThrow(() -> new IllegalArgumentException("mode: must be immediate or digest"));
    if (repository.staffOf(department).stream().anyMatch(s -> s.email().equals(address))) {
      throw new IllegalArgumentException(
          "email: " + address + " already gets this department's mail");
    }
    StaffSubscription s =
        StaffSubscription.of(department, address, m, digestHour == null ? 7 : digestHour, clock);
    repository.add(s);
    audit.record("staff-mail", actor, null, department + " " + address + " " + m.wireName());
    return view(s);
  }

  /**
   * @return false when the city has no such staff subscription
   */
  @TenantTransactional
  public boolean removeStaffMail(String id, String actor) {
    Optional<StaffSubscription> s;
    try {
      s = repository.staffSubscription(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return false;
    }
    s.ifPresent(
        x -> {
          repository.remove(x);
          audit.record("staff-mail", actor, x.department() + " " + x.email(), null);
        });
    return s.isPresent();
  }

  /** The suppression list: address, reason, detail, since. */
  @TenantTransactional
  public List<String[]> suppressions() {
    return repository.suppressions();
  }

  /**
   * @return false when the address was not on the list
   */
  @TenantTransactional
  public boolean unsuppress(String email, String actor) {
    String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    boolean removed = repository.unsuppress(address);
    if (removed) {
      audit.record("mail-suppression", actor, address, null);
    }
    return removed;
  }

  private static StaffMail view(StaffSubscription s) {
    return new StaffMail(
        s.id().toString(), s.department(), s.email(), s.mode().wireName(), s.digestHour());
  }

  private static String language(String locale) {
    if (locale == null || locale.isBlank()) {
      return null;
    }
    String tag = locale.strip().toLowerCase(Locale.ROOT);
    if (!tag.matches("[a-z]{2}")) {
      throw new IllegalArgumentException("locale: '" + locale + "' is not a language code");
    }
    return tag;
  }

  private static String clean(String token) {
    return token == null ? "" : token.strip();
  }
}
