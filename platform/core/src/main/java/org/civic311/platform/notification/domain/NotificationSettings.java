package org.civic311.platform.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.civic311.platform.shared.domain.TenantOwned;

/**
 * A city's mail identity and limits: the sender, the languages it writes in, how many messages an
 * hour it may send, its brand colour. Every text that reaches a mail header is checked here, so a
 * line break can never smuggle in a header.
 */
@Entity
@Table(name = "notification_settings")
public class NotificationSettings extends TenantOwned {
  /** The languages Civic311 has mail texts for. */
  public static final Set<String> LANGUAGES = Set.of("en", "fr", "es");

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");
  private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

  @Id private UUID id;

  @Column(name = "sender_address", nullable = false)
  private String senderAddress;

  @Column(name = "sender_name", nullable = false)
  private String senderName;

  @Column(name = "reply_to")
  private String replyTo;

  @Column(nullable = false)
  private String locales;

  @Column(name = "hourly_limit", nullable = false)
  private int hourlyLimit;

  @Column(name = "brand_color", nullable = false)
  private String brandColor;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected NotificationSettings() {}

  public static NotificationSettings of(
      String senderAddress,
      String senderName,
      String replyTo,
      List<String> locales,
      int hourlyLimit,
      String brandColor,
      Clock clock) {
    NotificationSettings s = new NotificationSettings();
    s.id = UUID.randomUUID();
    s.change(senderAddress, senderName, replyTo, locales, hourlyLimit, brandColor, clock);
    return s;
  }

  /**
   * @throws IllegalArgumentException naming the field that is wrong
   */
  public void change(
      String senderAddress,
      String senderName,
      String replyTo,
      List<String> locales,
      int hourlyLimit,
      String brandColor,
      Clock clock) {
    this.senderAddress = address("sender_address", senderAddress);
    this.senderName = headerText("sender_name", senderName, 100);
    this.replyTo = replyTo == null || replyTo.isBlank() ? null : address("reply_to", replyTo);
    if (locales == null || locales.isEmpty()) {
      throw new IllegalArgumentException("locales: at least one language is required");
    }
    for (String locale : locales) {
      if (!LANGUAGES.contains(locale)) {
        throw new IllegalArgumentException(
            "locales: '"
                + locale
                + "' is not one of "
                + String.join(", ", LANGUAGES.stream().sorted().toList()));
      }
    }
    this.locales = String.join(",", locales.stream().distinct().toList());
    if (hourlyLimit < 1 || hourlyLimit > 1_000_000) {
      throw new IllegalArgumentException("hourly_limit: must be 1 to 1000000");
    }
    this.hourlyLimit = hourlyLimit;
    if (brandColor == null || !COLOUR.matcher(brandColor).matches()) {
      throw new IllegalArgumentException("brand_color: must look like #1f4e79");
    }
    this.brandColor = brandColor;
    this.updatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  /** An e-mail address, or {@link IllegalArgumentException} naming {@code field}. */
  public static String address(String field, String address) {
    String a = address == null ? "" : address.strip();
    if (a.length() > 254 || !EMAIL.matcher(a).matches()) {
      throw new IllegalArgumentException(field + ": is not an e-mail address");
    }
    return a;
  }

  /** Text bound for a header: one line, no control characters. */
  public static String headerText(String field, String text, int max) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(field + ": is required");
    }
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(field + ": must be one line without control characters");
    }
    if (text.length() > max) {
      throw new IllegalArgumentException(field + ": at most " + max + " characters");
    }
    return text.strip();
  }

  public String senderAddress() {
    return senderAddress;
  }

  public String senderName() {
    return senderName;
  }

  public Optional<String> replyTo() {
    return Optional.ofNullable(replyTo);
  }

  public List<String> locales() {
    return Arrays.asList(locales.split(","));
  }

  public int hourlyLimit() {
    return hourlyLimit;
  }

  public String brandColor() {
    return brandColor;
  }
}
