package org.civic311.platform.tenancy.domain;

import java.util.List;
import java.util.Optional;
import org.civic311.platform.shared.domain.TenantId;

/** The cities of this deployment. */
public interface TenantRepository {
  List<Tenant> all();

  Optional<Tenant> find(TenantId id);

  Optional<Tenant> findBySlug(String slug);

  Optional<Tenant> findByJurisdiction(String jurisdictionId);

  Optional<Tenant> findByHost(String hostName);

  void add(Tenant tenant);
}
