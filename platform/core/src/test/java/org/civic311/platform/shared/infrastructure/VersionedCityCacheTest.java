package org.civic311.platform.shared.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.civic311.platform.shared.domain.TenantId;
import org.civic311.platform.shared.infrastructure.VersionedCityCache.Entries;
import org.civic311.platform.shared.infrastructure.VersionedCityCache.Key;
import org.junit.jupiter.api.Test;

/** The rule for using and keeping a city's cached configuration (ADR 0022). */
class VersionedCityCacheTest {
  private final TenantId calgary = new TenantId(UUID.randomUUID());
  private final TenantId lethbridge = new TenantId(UUID.randomUUID());
  private final Entries entries = new Entries(1000);
  private final AtomicInteger loads = new AtomicInteger();

  private Supplier<Optional<String>> loading(String value) {
    return () -> {
      loads.incrementAndGet();
      return Optional.ofNullable(value);
    };
  }

  private Optional<String> get(TenantId city, long version, String value) {
    return entries.get(
        new Key(city, "category-code", "pothole"), version, loading(value), () -> true);
  }

  @Test
  void aValueIsReadOnceWhileTheCitysVersionStaysTheSame() {
    assertThat(get(calgary, 3, "Pothole")).contains("Pothole");
    assertThat(get(calgary, 3, "changed underneath")).contains("Pothole");
    assertThat(loads).hasValue(1);
  }

  @Test
  void aNewerVersionReadsAgainAndAnOlderTransactionKeepsTheNewerValue() {
    get(calgary, 3, "Pothole");
    assertThat(get(calgary, 4, "Pothole (road)")).contains("Pothole (road)");
    assertThat(loads).hasValue(2);
    // a transaction bound before the change may see the newer value: the change is committed
    assertThat(get(calgary, 3, "old")).contains("Pothole (road)");
    assertThat(loads).hasValue(2);
  }

  @Test
  void anotherCitysValueIsNeverServed() {
    get(calgary, 3, "Pothole");
    assertThat(get(lethbridge, 3, "Lethbridge pothole")).contains("Lethbridge pothole");
    assertThat(get(lethbridge, 3, "x")).contains("Lethbridge pothole");
    assertThat(get(calgary, 3, "x")).contains("Pothole");
    assertThat(loads).hasValue(2);
  }

  @Test
  void whatWasReadAfterAChangeInTheSameTransactionOrAnotherCommitIsNotKept() {
    Key key = new Key(calgary, "category-code", "pothole");
    assertThat(entries.get(key, 3, loading("uncommitted"), () -> false)).contains("uncommitted");
    assertThat(entries.get(key, 3, loading("committed"), () -> true)).contains("committed");
    assertThat(entries.get(key, 3, loading("again"), () -> true)).contains("committed");
    assertThat(loads).hasValue(2);
  }

  @Test
  void nothingFoundIsNotKept() {
    assertThat(get(calgary, 3, null)).isEmpty();
    assertThat(get(calgary, 3, "Pothole")).contains("Pothole");
    assertThat(loads).hasValue(2);
  }

  @Test
  void theCacheStaysWithinItsBound() {
    Entries small = new Entries(10);
    for (int i = 0; i < 100; i++) {
      small.get(new Key(calgary, "category-code", "c" + i), 1, loading("v"), () -> true);
    }
    assertThat(small.size()).isLessThanOrEqualTo(10);
  }
}
