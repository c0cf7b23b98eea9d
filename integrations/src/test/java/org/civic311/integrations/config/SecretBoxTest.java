package org.civic311.integrations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
  private static final SecretBox.Binding ROADS =
      new SecretBox.Binding("city-a", "roads", "signing-secret");

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static SecretBox box(String key, String previous) {
    SecretBox box = new SecretBox();
    box.key = Optional.ofNullable(key);
    box.previousKeys = Optional.ofNullable(previous);
    return box;
  }

  @Test
  void sealsSoThatOnlyTheSameBindingOpens() {
    SecretBox box = box(randomKey(), null);
    String sealed = box.seal("s3cret-value", ROADS);
    assertThat(sealed).startsWith("v1.").doesNotContain("s3cret");
    assertThat(box.open(sealed, ROADS)).isEqualTo("s3cret-value");
    assertThatThrownBy(
            () -> box.open(sealed, new SecretBox.Binding("city-b", "roads", "signing-secret")))
        .isInstanceOf(SecretBox.Unreadable.class);
    assertThatThrownBy(
            () -> box.open(sealed, new SecretBox.Binding("city-a", "waste", "signing-secret")))
        .isInstanceOf(SecretBox.Unreadable.class);
    assertThatThrownBy(
            () -> box.open(sealed, new SecretBox.Binding("city-a", "roads", "credentials")))
        .isInstanceOf(SecretBox.Unreadable.class);
  }

  @Test
  void sealsTheSameSecretDifferentlyEachTime() {
    SecretBox box = box(randomKey(), null);
    assertThat(box.seal("same", ROADS)).isNotEqualTo(box.seal("same", ROADS));
  }

  @Test
  void aTamperedValueDoesNotOpen() {
    SecretBox box = box(randomKey(), null);
    String sealed = box.seal("s3cret-value", ROADS);
    int colon = sealed.indexOf(':');
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(colon + 1));
    bytes[bytes.length / 2] ^= 0x01; // one bit of the ciphertext
    String tampered = sealed.substring(0, colon + 1) + Base64.getEncoder().encodeToString(bytes);
    assertThatThrownBy(() -> box.open(tampered, ROADS)).isInstanceOf(SecretBox.Unreadable.class);
  }

  @Test
  void opensUnderAPreviousKeyAfterRotationAndNamesAnUnknownKey() {
    String oldKey = randomKey();
    String sealedUnderOld = box(oldKey, null).seal("kept", ROADS);
    String newKey = randomKey();
    assertThat(box(newKey, oldKey).open(sealedUnderOld, ROADS)).isEqualTo("kept");
    assertThatThrownBy(() -> box(newKey, null).open(sealedUnderOld, ROADS))
        .isInstanceOf(SecretBox.Unreadable.class)
        .hasMessageContaining("civic311.integrations.previous-keys");
  }

  @Test
  void refusesAMissingOrMisshapenKey() {
    assertThat(box(null, null).ready()).isFalse();
    assertThatThrownBy(() -> box(null, null).seal("x", ROADS))
        .isInstanceOf(SecretBox.KeyMissing.class)
        .hasMessageContaining("CIVIC311_INTEGRATIONS_KEY");
    assertThatThrownBy(() -> box("c2hvcnQ=", null).seal("x", ROADS))
        .isInstanceOf(SecretBox.KeyMissing.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> box("not base64!", null).seal("x", ROADS))
        .isInstanceOf(SecretBox.KeyMissing.class);
  }
}
