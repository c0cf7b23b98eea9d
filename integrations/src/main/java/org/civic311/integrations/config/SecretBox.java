package org.civic311.integrations.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals department secrets (credentials, signing secrets) for storage with AES-256-GCM under the
 * deployment's key {@code civic311.integrations.key} (32 random bytes, base64; {@code openssl rand
 * -base64 32}). A sealed value is {@code v1.<key id>:<base64(nonce || ciphertext || tag)>}; the key
 * id is the first 8 hex digits of the key's SHA-256, so a value sealed under another key is named
 * as such instead of failing obscurely. The additional authenticated data binds each value to its
 * city, department and purpose: a sealed value copied into another row does not open.
 *
 * <p>To rotate: set the new key and list the old one in {@code civic311.integrations.previous-keys}
 * (comma-separated); values open under either, and each is sealed under the new key when its
 * department is next saved.
 */
@ApplicationScoped
public class SecretBox {
  private static final String PREFIX = "v1.";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject
  @ConfigProperty(name = "civic311.integrations.key")
  Optional<String> key;

  @Inject
  @ConfigProperty(name = "civic311.integrations.previous-keys")
  Optional<String> previousKeys;

  /** Thrown when the deployment has no usable key: secrets can be neither sealed nor opened. */
  public static class KeyMissing extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    KeyMissing(String message) {
      super(message);
    }
  }

  /** Thrown when a sealed value does not open: another key, another row, or tampered with. */
  public static class Unreadable extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  /** What a sealed value is bound to (its additional authenticated data). */
  public record Binding(String city, String department, String purpose) {
    byte[] bytes() {
      return ("civic311/" + city + "/" + department + "/" + purpose)
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Whether a key is configured and usable. */
  public boolean ready() {
    try {
      current();
      return true;
    } catch (KeyMissing e) {
      return false;
    }
  }

  public String seal(String secret, Binding binding) {
    Key k = current();
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, k.key(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(binding.bytes());
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + k.id() + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
    }
  }

  public String open(String sealed, Binding binding) {
    int colon = sealed == null ? -1 : sealed.indexOf(':');
    if (colon < 0 || !sealed.startsWith(PREFIX)) {
      throw new Unreadable("not a sealed value");
    }
    String id = sealed.substring(PREFIX.length(), colon);
    Key k =
        keys().stream()
            .filter(candidate -> candidate.id().equals(id))
            .findFirst()
            .orElseThrow(
                () ->
                    new Unreadable(
                        "sealed under key "
                            + id
                            + ", which is neither civic311.integrations.key nor one of"
                            + " civic311.integrations.previous-keys"));
    try {
      byte[] in = Base64.getDecoder().decode(sealed.substring(colon + 1));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, k.key(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD(binding.bytes());
      byte[] clear = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return new String(clear, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new Unreadable("does not open for " + binding.department() + " (tampered or moved)");
    }
  }

  private record Key(String id, SecretKey key) {}

  private Key current() {
    return parse(
        key.filter(k -> !k.isBlank())
            .orElseThrow(
                () ->
                    new KeyMissing(
                        "civic311.integrations.key is not set (CIVIC311_INTEGRATIONS_KEY): department"
                            + " secrets cannot be stored; see docs/operations.md")),
        "civic311.integrations.key");
  }

  private List<Key> keys() {
    List<Key> all = new ArrayList<>();
    all.add(current());
    for (String old : previousKeys.orElse("").split(",")) {
      if (!old.isBlank()) {
        all.add(parse(old, "civic311.integrations.previous-keys"));
      }
    }
    return all;
  }

  static Key parse(String base64, String name) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new KeyMissing(name + " is not base64");
    }
    if (bytes.length != 32) {
      throw new KeyMissing(
          name + " must be 32 bytes (AES-256) in base64; it has " + bytes.length + " bytes");
    }
    try {
      String id =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
              .substring(0, 8);
      return new Key(id, new SecretKeySpec(bytes, "AES"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
