package org.civic311.platform.request.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LocationTest {
  @Test
  void keepsSixDecimals() {
    Location l = Location.of(new BigDecimal("49.69351234"), new BigDecimal("-112.84185678"), null);
    assertThat(l.latitude()).contains(new BigDecimal("49.693512"));
    assertThat(l.longitude()).contains(new BigDecimal("-112.841857"));
  }

  @Test
  void anAddressAloneIsEnough() {
    assertThat(Location.of(null, null, "  400 4 Ave S  ").address()).contains("400 4 Ave S");
  }

  @Test
  void refusesOutOfRangeCoordinatesNamingTheField() {
    assertThatThrownBy(() -> Location.of(new BigDecimal("90.000001"), BigDecimal.ZERO, null))
        .hasMessageStartingWith("lat:");
    assertThatThrownBy(() -> Location.of(BigDecimal.ZERO, new BigDecimal("-180.5"), null))
        .hasMessageStartingWith("long:");
  }

  @Test
  void refusesHalfACoordinateOrNothingAtAll() {
    assertThatThrownBy(() -> Location.of(BigDecimal.ONE, null, null))
        .hasMessageStartingWith("location:");
    assertThatThrownBy(() -> Location.of(null, null, "   ")).hasMessageStartingWith("location:");
    assertThatThrownBy(() -> Location.of(null, null, "x".repeat(501)))
        .hasMessageStartingWith("address_string:");
  }
}
