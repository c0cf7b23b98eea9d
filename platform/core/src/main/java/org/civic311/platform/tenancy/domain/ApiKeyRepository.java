package org.civic311.platform.tenancy.domain;

import java.util.Optional;

/** The current city's Open311 API keys. */
public interface ApiKeyRepository {
  Optional<ApiKey> findByHash(String keyHash);

  void add(ApiKey key);
}
