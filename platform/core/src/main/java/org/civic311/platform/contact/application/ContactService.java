package org.civic311.platform.contact.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.civic311.platform.contact.domain.Contact;
import org.civic311.platform.contact.domain.ContactLog;
import org.civic311.platform.request.application.RequestIntakeService;
import org.civic311.platform.request.application.RequestSummary;
import org.civic311.platform.routing.application.PhoneRoutingService;
import org.civic311.platform.shared.application.TenantTransactional;

/**
 * The current city's contact log and the agent's screen pop: who is calling, what they called about
 * before, and which of the requests they called about are still open.
 */
@ApplicationScoped
public class ContactService {
  /** How far back the screen pop looks for a caller's contacts. */
  public static final Duration SCREEN_POP_WINDOW = Duration.ofDays(365);

  public static final int SCREEN_POP_CONTACTS = 20;

  @Inject ContactLog log;
  @Inject RequestIntakeService requests;
  @Inject PhoneRoutingService phones;
  @Inject Clock clock;

  /** A contact as it is written: {@code caller} as typed (normalised here), or null. */
  public record NewContact(
      String channel,
      String caller,
      String callerName,
      String callerEmail,
      String topic,
      String requestId,
      Integer minutes,
      String notes) {}

  /** A logged contact. */
  public record ContactSummary(
      String id,
      OffsetDateTime at,
      String channel,
      String caller,
      String callerName,
      String callerEmail,
      String topic,
      String requestId,
      Integer minutes,
      String agent,
      String notes) {
    static ContactSummary of(Contact c) {
      return new ContactSummary(
          c.id().toString(),
          c.at(),
          c.channel(),
          c.callerPhone().orElse(null),
          c.callerName().orElse(null),
          c.callerEmail().orElse(null),
          c.topic().orElse(null),
          c.requestId().map(UUID::toString).orElse(null),
          c.minutes().orElse(null),
          c.agent(),
          c.notes().orElse(null));
    }
  }

  /** What an agent's screen shows when {@code caller} rings. */
  public record ScreenPop(
      String caller, List<RequestSummary> openRequests, List<ContactSummary> recentContacts) {}

  /**
   * Logs a contact handled by {@code agent}.
   *
   * @throws IllegalArgumentException naming the field (a request of another city, or none, is
   *     {@code request_id})
   */
  @TenantTransactional
  public ContactSummary log(NewContact contact, String agent) {
    String caller =
        contact.caller() == null || contact.caller().isBlank()
            ? null
            : phones.normalise("caller", contact.caller());
    UUID requestId = null;
    if (contact.requestId() != null && !contact.requestId().isBlank()) {
      Optional<RequestSummary> request = requests.find(contact.requestId().strip());
      if (request.isEmpty()) {
        throw new IllegalArgumentException(
            "request_id: '" + contact.requestId() + "' is not a request of this city");
      }
      requestId = UUID.fromString(request.get().id());
    }
    Contact c =
        Contact.log(
            contact.channel(),
            caller,
            contact.callerName(),
            contact.callerEmail(),
            contact.topic(),
            requestId,
            contact.minutes(),
            agent,
            contact.notes(),
            clock);
    log.add(c);
    return ContactSummary.of(c);
  }

  /**
   * The caller's recent contacts (newest first) and the open requests those contacts concerned.
   *
   * @throws IllegalArgumentException ({@code caller: ...}) when it is not a phone number
   */
  @TenantTransactional
  public ScreenPop screenPop(String caller) {
    if (caller == null || caller.isBlank()) {
      throw new IllegalArgumentException("caller: the caller's number is required");
    }
    String e164 = phones.normalise("caller", caller);
    OffsetDateTime since =
        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(SCREEN_POP_WINDOW);
    List<Contact> contacts = log.byCaller(e164, since, SCREEN_POP_CONTACTS);
    Set<String> requestIds = new LinkedHashSet<>();
    contacts.forEach(c -> c.requestId().ifPresent(id -> requestIds.add(id.toString())));
    List<RequestSummary> open =
        requestIds.stream()
            .map(requests::find)
            .flatMap(Optional::stream)
            // a duplicate the caller called about stands for its parent, where the work goes on
            .map(
                r ->
                    r.parentId() == null || r.open() ? Optional.of(r) : requests.find(r.parentId()))
            .flatMap(Optional::stream)
            .filter(RequestSummary::open)
            .distinct()
            .toList();
    return new ScreenPop(e164, open, contacts.stream().map(ContactSummary::of).toList());
  }
}
