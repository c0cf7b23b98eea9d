package org.civic311.platform.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CityTimeTest {
  private static final ZoneId EDMONTON = ZoneId.of("America/Edmonton");

  @Test
  void aTimeWithAnOffsetIsThatInstantWhateverTheZone() {
    assertThat(CityTime.parse("from", "2026-12-01T10:00:00-05:00", EDMONTON))
        .isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
  }

  @Test
  void aTimeWithoutAnOffsetIsTheCitysLocalTimeByTheServersRules() {
    Instant at = CityTime.parse("from", "2026-01-15T10:00", EDMONTON);
    assertThat(at)
        .isEqualTo(java.time.LocalDateTime.parse("2026-01-15T10:00").atZone(EDMONTON).toInstant());
    assertThat(CityTime.format(at, EDMONTON)).startsWith("2026-01-15T10:00");
    assertThat(CityTime.parse("from", CityTime.format(at, EDMONTON), EDMONTON)).isEqualTo(at);
  }

  @Test
  void inTheSpringGapTheTimeAfterItIsMeantAndInTheAutumnOverlapTheEarlier() {
    // 02:30 does not exist on 8 March 2026 in Edmonton (02:00 jumps to 03:00)
    assertThat(CityTime.format(CityTime.parse("from", "2026-03-08T02:30", EDMONTON), EDMONTON))
        .startsWith("2026-03-08T03:30");
    // 01:30 happens twice on 1 November 2026: the first, still on daylight time
    Instant overlap = CityTime.parse("from", "2026-11-01T01:30", EDMONTON);
    assertThat(overlap)
        .isEqualTo(
            java.time.ZonedDateTime.ofLocal(
                    java.time.LocalDateTime.parse("2026-11-01T01:30"), EDMONTON, null)
                .withEarlierOffsetAtOverlap()
                .toInstant());
  }

  @Test
  void anythingElseNamesTheFieldAndBothForms() {
    assertThatThrownBy(() -> CityTime.parse("overrides[0].from", "tomorrow", EDMONTON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("overrides[0].from: 'tomorrow' is not a date-time")
        .hasMessageContaining("2026-12-01T10:00")
        .hasMessageContaining("-07:00");
    assertThatThrownBy(() -> CityTime.parse("at", null, EDMONTON))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
