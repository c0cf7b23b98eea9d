package org.civic311.platform.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-03-08T09:00:00Z"), ZoneOffset.UTC);

  @Test
  void registersAnActiveCity() {
    Tenant city =
        Tenant.register(
            "lethbridge",
            "lethbridge.ca",
            "City of Lethbridge",
            "America/Edmonton",
            List.of("en", "fr"),
            null,
            clock);
    assertThat(city.isActive()).isTrue();
    assertThat(city.timeZone()).isEqualTo(ZoneId.of("America/Edmonton"));
    assertThat(city.locales()).containsExactly("en", "fr");
    assertThat(city.hostName()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Lethbridge", "1city", "a", "with space", "x/../y", ""})
  void refusesABadSlugNamingTheField(String slug) {
    assertThatThrownBy(() -> Tenant.register(slug, "x.ca", "X", "UTC", List.of("en"), null, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("slug:");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Mars/Olympus", "", "GMT+25", "+05:00", "UTC+1"})
  void refusesATimeZoneThatIsNoRegion(String zone) {
    assertThatThrownBy(
            () -> Tenant.register("x-city", "x.ca", "X", zone, List.of("en"), null, clock))
        .hasMessageStartingWith("time_zone:");
  }

  @Test
  void refusesABadJurisdictionAndBadLocales() {
    assertThatThrownBy(
            () -> Tenant.register("x-city", "not a domain", "X", "UTC", List.of("en"), null, clock))
        .hasMessageStartingWith("jurisdiction_id:");
    assertThatThrownBy(() -> Tenant.register("x-city", "x.ca", "X", "UTC", List.of(), null, clock))
        .hasMessageStartingWith("locales:");
    assertThatThrownBy(
            () -> Tenant.register("x-city", "x.ca", "X", "UTC", List.of("english!"), null, clock))
        .hasMessageStartingWith("locales:");
  }

  @Test
  void suspendsAndResumes() {
    Tenant city = Tenant.register("x-city", "x.ca", "X", "UTC", List.of("en"), "311.x.ca", clock);
    city.suspend();
    assertThat(city.isActive()).isFalse();
    city.resume();
    assertThat(city.isActive()).isTrue();
    assertThat(city.hostName()).contains("311.x.ca");
  }

  @Test
  void recordsPopulationAndContactAndRefusesBadOnesNamingTheField() {
    Tenant city = Tenant.register("x-city", "x.ca", "X", "UTC", List.of("en"), null, clock);
    city.recordContact(48_000, "clerk@x.ca");
    org.assertj.core.api.Assertions.assertThat(city.population()).contains(48_000);
    org.assertj.core.api.Assertions.assertThat(city.contactEmail()).contains("clerk@x.ca");
    assertThatThrownBy(() -> city.recordContact(-1, null)).hasMessageStartingWith("population:");
    assertThatThrownBy(() -> city.recordContact(1, "nobody"))
        .hasMessageStartingWith("contact_email:");
  }
}
