package org.civic311.platform.request.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestMediaTest {
  private static final Clock CLOCK = Clock.systemUTC();
  // The smallest files whose structure can be walked: start and end of image; signature and end.
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
  private static final byte[] PNG = {
    (byte) 0x89,
    'P',
    'N',
    'G',
    0x0D,
    0x0A,
    0x1A,
    0x0A,
    0,
    0,
    0,
    0,
    'I',
    'E',
    'N',
    'D',
    (byte) 0xAE,
    0x42,
    0x60,
    (byte) 0x82
  };

  @Test
  void theFirstBytesTellTheType() {
    assertThat(RequestMedia.sniff(JPEG)).contains("image/jpeg");
    assertThat(RequestMedia.sniff(PNG)).contains("image/png");
    assertThat(RequestMedia.sniff("GIF89a...".getBytes(StandardCharsets.US_ASCII)))
        .contains("image/gif");
    assertThat(RequestMedia.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)))
        .contains("image/webp");
    assertThat(RequestMedia.sniff("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII)))
        .isEmpty();
    assertThat(RequestMedia.sniff("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(RequestMedia.sniff(new byte[] {(byte) 0xFF})).isEmpty();
  }

  @Test
  void aPhotoKeepsTheTypeItReallyHas() {
    RequestMedia m = RequestMedia.of(UUID.randomUUID(), "image/jpg", JPEG, CLOCK);
    assertThat(m.contentType()).isEqualTo("image/jpeg");
    assertThat(
            RequestMedia.of(UUID.randomUUID(), "application/octet-stream", PNG, CLOCK)
                .contentType())
        .isEqualTo("image/png");
    assertThat(RequestMedia.of(UUID.randomUUID(), null, PNG, CLOCK).content()).isEqualTo(PNG);
  }

  @Test
  void whatCannotBeKeptIsRefusedWithItsStatus() {
    assertThatThrownBy(() -> RequestMedia.of(UUID.randomUUID(), "image/jpeg", PNG, CLOCK))
        .isInstanceOfSatisfying(
            RequestMedia.Refused.class, e -> assertThat(e.status()).isEqualTo(415))
        .hasMessageContaining("image/png but was sent as image/jpeg");
    assertThatThrownBy(
            () ->
                RequestMedia.of(
                    UUID.randomUUID(),
                    "image/svg+xml",
                    "<svg/>".getBytes(StandardCharsets.UTF_8),
                    CLOCK))
        .isInstanceOfSatisfying(
            RequestMedia.Refused.class, e -> assertThat(e.status()).isEqualTo(415));
    byte[] large = new byte[RequestMedia.MAX_BYTES + 1];
    System.arraycopy(JPEG, 0, large, 0, JPEG.length);
    assertThatThrownBy(() -> RequestMedia.of(UUID.randomUUID(), "image/jpeg", large, CLOCK))
        .isInstanceOfSatisfying(
            RequestMedia.Refused.class, e -> assertThat(e.status()).isEqualTo(413));
    assertThatThrownBy(() -> RequestMedia.of(UUID.randomUUID(), "image/jpeg", new byte[0], CLOCK))
        .isInstanceOfSatisfying(
            RequestMedia.Refused.class, e -> assertThat(e.status()).isEqualTo(400));
  }
}
