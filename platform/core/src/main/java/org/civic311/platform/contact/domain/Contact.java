package org.civic311.platform.contact.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.civic311.platform.shared.domain.TenantOwned;

/**
 * One contact with a resident that an agent handled: a call, a counter visit, a chat or an e-mail,
 * what it was about (a knowledge-base topic, a service request) and how long it took. Kept as a
 * log: never changed once written.
 *
 * <p>Guarantees: a known channel; the caller's number already in E.164 (the application normalises
 * it) or absent; minutes from 0 to 600; texts trimmed and within their lengths; an agent.
 */
@Entity
@Table(name = "contact")
public class Contact extends TenantOwned {
  public static final List<String> CHANNELS =
      List.of("phone", "tty", "voicemail", "counter", "chat", "email");

  @Id private UUID id;

  @Column(nullable = false)
  private OffsetDateTime at;

  @Column(nullable = false)
  private String channel;

  @Column(name = "caller_phone")
  private String callerPhone;

  @Column(name = "caller_name")
  private String callerName;

  @Column(name = "caller_email")
  private String callerEmail;

  private String topic;

  // A String: EclipseLink 4.0.7's UUID converter fails on a NULL column value.
  @Column(name = "request_id")
  private String requestId;

  private Integer minutes;

  @Column(nullable = false)
  private String agent;

  private String notes;

  protected Contact() {}

  /**
   * @throws IllegalArgumentException naming the field
   */
  public static Contact log(
      String channel,
      String callerPhone,
      String callerName,
      String callerEmail,
      String topic,
      UUID requestId,
      Integer minutes,
      String agent,
      String notes,
      Clock clock) {
    Contact c = new Contact();
    c.id = UUID.randomUUID();
    c.at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    String ch = channel == null ? "" : channel.strip().toLowerCase(Locale.ROOT);
    if (!CHANNELS.contains(ch)) {
      throw new IllegalArgumentException(
          "channel: '" + channel + "' is not one of " + String.join(", ", CHANNELS));
    }
    c.channel = ch;
    if (callerPhone != null && !callerPhone.matches("\\+[1-9]\\d{6,14}")) {
      throw new IllegalArgumentException("caller: '" + callerPhone + "' is not an E.164 number");
    }
    c.callerPhone = callerPhone;
    c.callerName = optional("caller_name", callerName, 120);
    c.callerEmail = optional("caller_email", callerEmail, 254);
    if (c.callerEmail != null && c.callerEmail.indexOf('@') < 1) {
      throw new IllegalArgumentException("caller_email: is not an e-mail address");
    }
    c.callerEmail = c.callerEmail == null ? null : c.callerEmail.toLowerCase(Locale.ROOT);
    c.topic = optional("topic", topic, 200);
    c.requestId = requestId == null ? null : requestId.toString();
    if (c.topic == null && c.requestId == null) {
      throw new IllegalArgumentException(
          "topic: say what the contact was about (a topic, or the request it concerned)");
    }
    if (minutes != null && (minutes < 0 || minutes > 600)) {
      throw new IllegalArgumentException("minutes: must be from 0 to 600");
    }
    c.minutes = minutes;
    if (agent == null || agent.isBlank()) {
      throw new IllegalArgumentException("agent: is required");
    }
    c.agent = agent.strip();
    c.notes = optional("notes", notes, 2000);
    return c;
  }

  private static String optional(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      throw new IllegalArgumentException(field + ": at most " + max + " characters");
    }
    return v;
  }

  public UUID id() {
    return id;
  }

  public OffsetDateTime at() {
    return at;
  }

  public String channel() {
    return channel;
  }

  public Optional<String> callerPhone() {
    return Optional.ofNullable(callerPhone);
  }

  public Optional<String> callerName() {
    return Optional.ofNullable(callerName);
  }

  public Optional<String> callerEmail() {
    return Optional.ofNullable(callerEmail);
  }

  public Optional<String> topic() {
    return Optional.ofNullable(topic);
  }

  public Optional<UUID> requestId() {
    return Optional.ofNullable(requestId).map(UUID::fromString);
  }

  public Optional<Integer> minutes() {
    return Optional.ofNullable(minutes);
  }

  public String agent() {
    return agent;
  }

  public Optional<String> notes() {
    return Optional.ofNullable(notes);
  }
}
