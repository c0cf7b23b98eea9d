package org.civic311.platform.tenancy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.civic311.platform.shared.application.CityCache;
import org.civic311.platform.shared.application.TenantTransactional;
import org.civic311.platform.tenancy.domain.ApiKey;
import org.civic311.platform.tenancy.domain.ApiKeyRepository;

/** The current city's Open311 API keys: check, issue, register. */
@ApplicationScoped
public class ApiKeys {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject ApiKeyRepository keys;
  @Inject Clock clock;
  @Inject CityCache cache;

  /** Whether {@code plainKey} is an active key of the current city (another city's key is not). */
  @TenantTransactional
  public boolean isValid(String plainKey) {
    if (plainKey == null || plainKey.isBlank() || plainKey.length() > 200) {
      return false;
    }
    String hash = ApiKey.hash(plainKey);
    // only active keys are kept: a revocation raises the city's version, so it applies at once
    return cache
        .get(
            "open311-api-key",
            hash,
            () -> keys.findByHash(hash).filter(ApiKey::isActive).map(k -> Boolean.TRUE))
        .isPresent();
  }

  /** Issues a new random key for the current city; the only time the plain key is seen. */
  @TenantTransactional
  public String issue(String label) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String plain = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    keys.add(ApiKey.of(label, plain, clock));
    return plain;
  }

  /** Registers a key chosen elsewhere (the demo's documented keys). */
  @TenantTransactional
  public void register(String label, String plainKey) {
    if (keys.findByHash(ApiKey.hash(plainKey)).isEmpty()) {
      keys.add(ApiKey.of(label, plainKey, clock));
    }
  }
}
