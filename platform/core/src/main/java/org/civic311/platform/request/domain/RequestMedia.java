package org.civic311.platform.request.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.civic311.platform.shared.domain.TenantOwned;

/**
 * A photo sent with a request. Only images a browser shows safely are kept (JPEG, PNG, GIF, WebP),
 * recognised by their first bytes, which must agree with the type the client declared; at most
 * {@link #MAX_BYTES}.
 */
@Entity
@Table(name = "request_media")
public class RequestMedia extends TenantOwned {
  /** The largest photo kept: 10 MB. */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  /** A photo that cannot be kept: {@code status} is 413 (too large) or 415 (not an image). */
  public static class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public Refused(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  @Id private UUID id;

  @Column(name = "request_id", nullable = false)
  private UUID requestId;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private int sizeBytes;

  @Column(nullable = false)
  private byte[] content;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected RequestMedia() {}

  /**
   * The photo {@code content} of request {@code requestId}, declared as {@code declaredType},
   * without its metadata ({@link PhotoMetadata}).
   *
   * @throws Refused 413 when it is larger than {@link #MAX_BYTES}, 415 when it is not one of the
   *     kept image types, is not what it claims to be, or is damaged
   */
  public static RequestMedia of(UUID requestId, String declaredType, byte[] content, Clock clock) {
    if (content == null || content.length == 0) {
      throw new Refused(400, "media: the file is empty");
    }
    if (content.length > MAX_BYTES) {
      throw new Refused(413, "media: the photo is larger than 10 MB; send a smaller one");
    }
    String declared =
        declaredType == null
            ? ""
            : declaredType
                .split(";")[0]
                .strip()
                .toLowerCase(Locale.ROOT)
                .replace("image/jpg", "image/jpeg");
    Optional<String> actual = sniff(content);
    if (actual.isEmpty()) {
      throw new Refused(415, "media: only JPEG, PNG, GIF or WebP photos are accepted");
    }
    if (!declared.isEmpty()
        && !declared.equals("application/octet-stream")
        && !declared.equals(actual.get())) {
      throw new Refused(415, "media: the file is " + actual.get() + " but was sent as " + declared);
    }
    byte[] kept = PhotoMetadata.strip(actual.get(), content);
    RequestMedia m = new RequestMedia();
    m.id = UUID.randomUUID();
    m.requestId = requestId;
    m.contentType = actual.get();
    m.sizeBytes = kept.length;
    m.content = kept;
    m.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    return m;
  }

  /** The image type the first bytes show, if it is one that is kept. */
  static Optional<String> sniff(byte[] b) {
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return Optional.of("image/jpeg");
    }
    if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of("image/png");
    }
    if (starts(b, 'G', 'I', 'F', '8')
        && b.length > 5
        && (b[4] == '7' || b[4] == '9')
        && b[5] == 'a') {
      return Optional.of("image/gif");
    }
    if (starts(b, 'R', 'I', 'F', 'F')
        && b.length >= 12
        && Arrays.equals(
            Arrays.copyOfRange(b, 8, 12),
            "WEBP".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
      return Optional.of("image/webp");
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  public UUID id() {
    return id;
  }

  public UUID requestId() {
    return requestId;
  }

  public String contentType() {
    return contentType;
  }

  public byte[] content() {
    return content.clone();
  }
}
