package org.civic311.platform.request.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateFinderTest {
  @Test
  void measuresDistancesOnTheSphere() {
    double lethbridgeToCalgary = DuplicateFinder.haversine(49.6935, -112.8418, 51.0447, -114.0719);
    assertThat(lethbridgeToCalgary).isBetween(170_000.0, 180_000.0);
    assertThat(DuplicateFinder.haversine(51.0, -114.0, 51.0001, -114.0)).isBetween(10.5, 11.5);
    assertThat(DuplicateFinder.haversine(51.0, -114.0, 51.0, -114.0)).isZero();
  }
}
