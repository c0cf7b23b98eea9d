package org.civic311.platform.notification.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.catalogue.application.CategorySummary;
import org.civic311.platform.catalogue.application.DepartmentSummary;
import org.civic311.platform.notification.domain.NotificationRepository;
import org.civic311.platform.notification.domain.NotificationSettings;
import org.civic311.platform.notification.domain.StaffSubscription;
import org.civic311.platform.notification.domain.Subscription;
import org.civic311.platform.request.application.RequestIntakeService;
import org.civic311.platform.request.application.RequestSummary;
import org.civic311.platform.request.application.SearchRequests;
import org.civic311.platform.shared.application.DeliveryDeferred;
import org.civic311.platform.shared.application.TenantTransactional;
import org.civic311.platform.shared.domain.Sha256;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.TenantDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes and sends the current city's messages, each exactly once: the message's sent mark (keyed
 * by event and recipient) and the message itself go in one transaction, so a message that left is
 * never sent again and one that did not leave is retried. An address on the suppression list, or no
 * longer subscribed, gets nothing; a city over its hourly limit waits.
 */
@ApplicationScoped
public class MailOffice {
  @Inject NotificationRepository repository;
  @Inject Mailer mailer;
  @Inject TenantDirectory directory;
  @Inject RequestIntakeService requests;
  @Inject CatalogueService catalogue;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "civic311.notification.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "civic311.notification.sender", defaultValue = "no-reply@civic311.local")
  String defaultSender;

  @Inject
  @ConfigProperty(name = "civic311.notification.hourly-limit", defaultValue = "2000")
  int defaultHourlyLimit;

  /** The current city's mail identity. */
  @TenantTransactional
  public MailIdentity identity() {
    CityProfile city = directory.currentCity();
    Optional<NotificationSettings> saved = repository.settings();
    if (saved.isPresent()) {
      NotificationSettings s = saved.get();
      return new MailIdentity(
          city.slug(),
          city.displayName(),
          s.senderAddress(),
          s.senderName(),
          s.replyTo().orElse(null),
          s.locales(),
          s.hourlyLimit(),
          s.brandColor(),
          true);
    }
    List<String> languages =
        city.locales().stream()
            .map(l -> l.length() > 2 ? l.substring(0, 2) : l)
            .filter(NotificationSettings.LANGUAGES::contains)
            .distinct()
            .toList();
    return new MailIdentity(
        city.slug(),
        city.displayName(),
        defaultSender,
        city.displayName() + " 311",
        null,
        languages.isEmpty() ? List.of("en") : languages,
        defaultHourlyLimit,
        "#1f4e79",
        false);
  }

  /**
   * Makes {@code email} follow {@code requestId} (or renews an earlier subscription).
   *
   * @return the subscription when it still awaits confirmation (a confirmation is to be sent)
   */
  @TenantTransactional
  public Optional<Subscription> follow(
      UUID requestId, String email, String locale, Subscription.Source source, boolean confirmed) {
    String language = identity().language(locale);
    Optional<Subscription> existing = repository.subscription(requestId, email);
    Subscription subscription;
    if (existing.isPresent()) {
      subscription = existing.get();
      subscription.renew(language, confirmed, clock);
    } else {
      subscription = Subscription.follow(requestId, email, language, source, confirmed, clock);
      repository.add(subscription);
    }
    return subscription.awaitsConfirmation() ? Optional.of(subscription) : Optional.empty();
  }

  /** Addresses that receive mail about {@code requestId}. */
  @TenantTransactional
  public List<String> followers(UUID requestId) {
    return repository.receiving(requestId).stream().map(Subscription::email).toList();
  }

  /**
   * Confirmation messages one address may be sent per city and hour: enough for a resident who
   * follows a few requests, too few to fill someone else's mailbox from the status page or "me
   * too".
   */
  public static final int CONFIRMATIONS_PER_HOUR = 3;

  /** Whether {@code email} may be sent another confirmation message this hour. */
  @TenantTransactional
  public boolean confirmationAllowed(String email) {
    return repository.confirmationsSince(email, OffsetDateTime.now(clock).minusHours(1))
        < CONFIRMATIONS_PER_HOUR;
  }

  /**
   * Sends {@code email} the confirmation link of their subscription to {@code requestId}, once per
   * {@code eventId}, unless the address had its hourly allowance of confirmations.
   */
  @TenantTransactional
  public void sendConfirmation(UUID eventId, UUID requestId, String email) {
    Optional<Subscription> pending =
        repository.subscription(requestId, email).filter(Subscription::awaitsConfirmation);
    Optional<RequestSummary> request = requests.find(requestId.toString());
    // No suppression check: this message was asked for just now, and confirming lifts the
    // suppression (the address proved it takes mail and wants it).
    if (pending.isEmpty() || request.isEmpty() || !confirmationAllowed(email)) {
      return;
    }
    MailIdentity id = identity();
    Subscription s = pending.get();
    MailTexts t = new MailTexts(s.locale());
    RequestSummary r = request.get();
    String link =
        page(
            "subscriptions/confirm?token="
                + MailTexts.query(s.confirmToken().orElseThrow())
                + "&lang="
                + s.locale());
    MailTexts.Body body =
        new MailTexts.Body(id.brandColor())
            .heading(t.text("heading.confirm"))
            .paragraph(t.text("intro.confirm", r.id(), r.categoryName()))
            .link(t.text("link.confirm"), link)
            .footer(t.text("intro.confirm_ignore"), null);
    send(
        eventId,
        email,
        "confirm",
        id,
        t.text("subject.confirm", id.cityName()),
        body,
        s.locale(),
        Map.of());
  }

  /**
   * Sends {@code email} the link that stops its updates about {@code requestId}, when it follows
   * the request (or waits to confirm) and had fewer than {@link #CONFIRMATIONS_PER_HOUR} asked-for
   * messages this hour; otherwise nothing, and the caller cannot tell which.
   */
  @TenantTransactional
  public void sendStopLink(UUID eventId, UUID requestId, String email) {
    Optional<Subscription> following =
        repository
            .subscription(requestId, email)
            .filter(s -> s.receivesMail() || s.awaitsConfirmation());
    Optional<RequestSummary> request = requests.find(requestId.toString());
    if (following.isEmpty() || request.isEmpty() || !confirmationAllowed(email)) {
      return;
    }
    MailIdentity id = identity();
    Subscription s = following.get();
    MailTexts t = new MailTexts(s.locale());
    RequestSummary r = request.get();
    String link =
        page(
            "subscriptions/unsubscribe?token="
                + MailTexts.query(s.unsubscribeToken())
                + "&lang="
                + s.locale());
    MailTexts.Body body =
        new MailTexts.Body(id.brandColor())
            .heading(t.text("heading.stop"))
            .paragraph(t.text("intro.stop", r.id(), r.categoryName()))
            .link(t.text("link.stop"), link)
            .footer(t.text("intro.stop_ignore"), null);
    send(
        eventId,
        email,
        "stop",
        id,
        t.text("subject.stop", id.cityName()),
        body,
        s.locale(),
        Map.of());
  }

  /**
   * Sends {@code email} the update {@code kind} (received, in_progress, resolved, closed, reopened,
   * duplicate) of {@code requestId}, once per {@code eventId}, if they still follow it.
   */
  @TenantTransactional
  public void sendUpdate(
      UUID eventId, UUID requestId, String email, String kind, String stage, String publicNote) {
    Optional<Subscription> subscription =
        repository.subscription(requestId, email).filter(Subscription::receivesMail);
    Optional<RequestSummary> request = requests.find(requestId.toString());
    if (subscription.isEmpty() || request.isEmpty() || repository.suppressed(email)) {
      return;
    }
    MailIdentity id = identity();
    ZoneId zone = directory.currentCity().timeZone();
    Subscription s = subscription.get();
    RequestSummary r = request.get();
    MailTexts t = new MailTexts(s.locale());
    String token = MailTexts.query(s.unsubscribeToken());
    MailTexts.Body body =
        new MailTexts.Body(id.brandColor())
            .heading(t.text("heading." + kind))
            .paragraph(t.text("intro." + kind, id.cityName()))
            .fact(t.text("label.number"), r.id())
            .fact(t.text("label.category"), r.categoryName())
            .fact(t.text("label.status"), t.text("stage." + stage))
            .fact(t.text("label.note"), publicNote)
            .fact(
                t.text("label.expected"),
                r.expectedAt() != null && !"resolved".equals(stage)
                    ? t.date(r.expectedAt(), zone)
                    : null)
            .fact(t.text("label.address"), r.address())
            .link(t.text("link.status"), page("requests/" + r.id()))
            .footer(t.text("footer.why", id.cityName()), null)
            .footer(
                t.text("footer.unsubscribe"),
                page("subscriptions/unsubscribe?token=" + token + "&lang=" + s.locale()))
            .footer(
                t.text("footer.unsubscribe_all", id.cityName()),
                page("subscriptions/unsubscribe?scope=all&token=" + token + "&lang=" + s.locale()));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("List-Unsubscribe", "<" + api("subscriptions/unsubscribe?token=" + token) + ">");
    headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    send(
        eventId,
        email,
        kind,
        id,
        t.text("subject." + kind, id.cityName(), r.categoryName()),
        body,
        s.locale(),
        headers);
  }

  /** Staff of the request's department who want each new request at once. */
  @TenantTransactional
  public List<String> staffToTellAtOnce(UUID requestId) {
    return requests
        .find(requestId.toString())
        .flatMap(this::department)
        .map(
            d ->
                repository.staffOf(d.code()).stream()
                    .filter(s -> s.mode() == StaffSubscription.Mode.IMMEDIATE)
                    .map(StaffSubscription::email)
                    .toList())
        .orElse(List.of());
  }

  /** Tells a member of staff of a new request in their department's queue, once per event. */
  @TenantTransactional
  public void sendStaffNew(UUID eventId, UUID requestId, String email) {
    Optional<RequestSummary> request = requests.find(requestId.toString());
    Optional<DepartmentSummary> department = request.flatMap(this::department);
    if (request.isEmpty() || department.isEmpty() || repository.suppressed(email)) {
      return;
    }
    MailIdentity id = identity();
    String language = id.languages().get(0);
    MailTexts t = new MailTexts(language);
    RequestSummary r = request.get();
    String name = department.get().name();
    MailTexts.Body body =
        new MailTexts.Body(id.brandColor())
            .heading(t.text("heading.staff_new", name))
            .paragraph(t.text("intro.staff_new", name))
            .fact(t.text("label.number"), r.id())
            .fact(t.text("label.category"), r.categoryName())
            .fact(t.text("label.address"), r.address())
            .fact(t.text("label.description"), r.description())
            .link(t.text("link.request"), page("agent/#request=" + r.id()))
            .footer(t.text("footer.staff", name), null);
    send(
        eventId,
        email,
        "staff_new",
        id,
        t.text("subject.staff_new", id.cityName(), r.categoryName(), name),
        body,
        language,
        Map.of());
  }

  /** Staff subscriptions whose daily digest is due now. */
  @TenantTransactional
  public List<UUID> dueDigests() {
    ZoneId zone = directory.currentCity().timeZone();
    return repository.staff().stream()
        .filter(s -> s.digestDue(zone, clock))
        .map(StaffSubscription::id)
        .toList();
  }

  /**
   * Sends the digest of {@code subscriptionId} if it is due: the department's new requests since
   * the previous digest. Its sent mark is keyed by the subscription and the period, and the period
   * moves on in the same transaction, so a digest is sent once.
   */
  @TenantTransactional
  public void sendDigest(UUID subscriptionId) {
    ZoneId zone = directory.currentCity().timeZone();
    Optional<StaffSubscription> due =
        repository.staffSubscription(subscriptionId).filter(x -> x.digestDue(zone, clock));
    if (due.isEmpty()) {
      return;
    }
    StaffSubscription s = due.get();
    OffsetDateTime since = s.digestSent(clock);
    Optional<DepartmentSummary> department = catalogue.department(s.department());
    if (department.isEmpty() || repository.suppressed(s.email())) {
      return;
    }
    Set<String> codes =
        catalogue.allCategories().stream()
            .filter(c -> s.department().equals(c.departmentCode()))
            .map(CategorySummary::code)
            .collect(java.util.stream.Collectors.toSet());
    List<RequestSummary> fresh =
        codes.isEmpty()
            ? List.of()
            : requests.search(
                new SearchRequests(
                    List.of(), codes, Set.of(), since, OffsetDateTime.now(clock), 0, 1000));
    MailIdentity id = identity();
    String language = id.languages().get(0);
    MailTexts t = new MailTexts(language);
    String name = department.get().name();
    MailTexts.Body body =
        new MailTexts.Body(id.brandColor())
            .heading(t.text("heading.digest", name))
            .paragraph(
                fresh.isEmpty()
                    ? t.text("intro.digest_none", name)
                    : t.text("intro.digest", fresh.size(), name));
    List<String> lines = new ArrayList<>();
    for (RequestSummary r : fresh) {
      lines.add(
          r.categoryName() + " - " + r.id() + (r.address() == null ? "" : " - " + r.address()));
    }
    lines.forEach(body::paragraph);
    body.link(t.text("link.request"), page("agent/")).footer(t.text("footer.staff", name), null);
    UUID digestId =
        UUID.nameUUIDFromBytes(
            ("digest:" + s.id() + ":" + since.toInstant())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    send(
        digestId,
        s.email(),
        "digest",
        id,
        t.text("subject.digest", id.cityName(), fresh.size(), name),
        body,
        language,
        Map.of());
  }

  private Optional<DepartmentSummary> department(RequestSummary request) {
    return catalogue
        .byCode(request.categoryCode())
        .map(CategorySummary::departmentCode)
        .flatMap(catalogue::department);
  }

  /**
   * Marks, then sends; a permanent refusal puts the address on the suppression list instead, and a
   * temporary failure rolls the mark back ({@link MailNotSent}).
   */
  private void send(
      UUID eventId,
      String to,
      String kind,
      MailIdentity id,
      String subject,
      MailTexts.Body body,
      String language,
      Map<String, String> headers) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (repository.sentSince(now.minusHours(1)) >= id.hourlyLimit()) {
      throw new DeliveryDeferred(
          now.plusMinutes(1).toInstant(), id.citySlug() + " reached its hourly sending limit");
    }
    String domain = id.senderAddress().substring(id.senderAddress().indexOf('@') + 1);
    String messageId = "<" + eventId + "." + Sha256.hex(to).substring(0, 16) + "@" + domain + ">";
    if (!repository.markSent(eventId, to, messageId, kind)) {
      return;
    }
    OutgoingMail mail =
        new OutgoingMail(
            messageId,
            id.senderAddress(),
            id.senderName(),
            id.replyTo(),
            to,
            MailTexts.oneLine(subject),
            body.text(),
            body.html(language),
            headers);
    try {
      mailer.send(mail);
    } catch (Mailer.MailRejected e) {
      repository.unmarkSent(eventId, to);
      repository.suppress(to, "bounced", e.getMessage());
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new MailNotSent(e);
    }
  }

  private String page(String path) {
    return base() + "/c/" + directory.currentCity().slug() + "/" + path;
  }

  private String api(String path) {
    return base() + "/api/v1/cities/" + directory.currentCity().slug() + "/" + path;
  }

  private String base() {
    return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }
}
