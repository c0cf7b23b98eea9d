package org.civic311.platform.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civic311.platform.shared.domain.TenantId;
import org.civic311.platform.tenancy.domain.Tenant;
import org.civic311.platform.tenancy.domain.TenantRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantDirectoryTest {
  private final MutableClock clock = new MutableClock();
  private final CountingTenants tenants = new CountingTenants();
  private final TenantDirectory directory = new TenantDirectory();

  @BeforeEach
  void wire() {
    directory.tenants = tenants;
    directory.clock = clock;
    tenants.rows.add(city("lethbridge", "lethbridge.ca", "311.lethbridge.ca"));
  }

  @Test
  void theSharedHostNameIsAskedOncePerSnapshotNotOncePerRequest() {
    for (int i = 0; i < 50; i++) {
      assertThat(directory.byHost("api.civic311.example")).isEmpty();
    }
    assertThat(tenants.hostQueries).isEqualTo(1);
    assertThat(directory.byHost("311.lethbridge.ca")).map(CityProfile::slug).hasValue("lethbridge");
    assertThat(tenants.hostQueries).isEqualTo(1);
  }

  @Test
  void aHostNameGivenToACityElsewhereIsServedFromTheNextReload() {
    assertThat(directory.byHost("311.calgary.ca")).isEmpty();
    tenants.rows.add(city("calgary", "calgary.ca", "311.calgary.ca"));
    assertThat(directory.byHost("311.calgary.ca")).isEmpty();
    clock.advance(TenantDirectory.TTL.plusSeconds(1));
    assertThat(directory.byHost("311.calgary.ca")).map(CityProfile::slug).hasValue("calgary");
  }

  @Test
  void aChangeThroughThisInstanceIsSeenAtOnce() {
    assertThat(directory.byHost("311.calgary.ca")).isEmpty();
    tenants.rows.add(city("calgary", "calgary.ca", "311.calgary.ca"));
    directory.invalidate();
    assertThat(directory.byHost("311.calgary.ca")).map(CityProfile::slug).hasValue("calgary");
  }

  @Test
  void slugsAndJurisdictionsOfNewCitiesAreFoundAtOnce() {
    assertThat(directory.bySlug("calgary")).isEmpty();
    tenants.rows.add(city("calgary", "calgary.ca", null));
    assertThat(directory.bySlug("calgary")).isPresent();
    assertThat(directory.byJurisdiction("calgary.ca")).isPresent();
  }

  @Test
  void rememberedMissesAreBounded() {
    for (int i = 0; i < TenantDirectory.MAX_ABSENT_HOSTS + 500; i++) {
      directory.byHost("h" + i + ".example");
    }
    int before = tenants.hostQueries;
    directory.byHost("h" + (TenantDirectory.MAX_ABSENT_HOSTS + 100) + ".example");
    assertThat(tenants.hostQueries).isEqualTo(before + 1);
    directory.byHost("h1.example");
    assertThat(tenants.hostQueries).isEqualTo(before + 1);
  }

  private Tenant city(String slug, String jurisdiction, String host) {
    return Tenant.register(
        slug,
        jurisdiction,
        "City of " + slug,
        "America/Edmonton",
        List.of("en"),
        host,
        Clock.fixed(Instant.parse("2026-03-08T09:00:00Z"), ZoneOffset.UTC));
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-25T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static final class CountingTenants implements TenantRepository {
    final List<Tenant> rows = new ArrayList<>();
    int hostQueries;

    @Override
    public List<Tenant> all() {
      return List.copyOf(rows);
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
      return rows.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Tenant> findBySlug(String slug) {
      return rows.stream().filter(t -> t.slug().equals(slug)).findFirst();
    }

    @Override
    public Optional<Tenant> findByJurisdiction(String jurisdictionId) {
      return rows.stream().filter(t -> t.jurisdictionId().equals(jurisdictionId)).findFirst();
    }

    @Override
    public Optional<Tenant> findByHost(String hostName) {
      hostQueries++;
      return rows.stream()
          .filter(t -> t.hostName().filter(hostName::equals).isPresent())
          .findFirst();
    }

    @Override
    public void add(Tenant tenant) {
      rows.add(tenant);
    }
  }
}
