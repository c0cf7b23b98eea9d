package org.civic311.platform.catalogue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceCategoryTest {
  @Test
  void normalisesKeywordsAndStartsActive() {
    ServiceCategory c =
        ServiceCategory.define(
            "pothole", " Pothole ", "Roads", List.of(" Hole", "road ", "", "hole"), null);
    assertThat(c.name()).isEqualTo("Pothole");
    assertThat(c.keywords()).containsExactly("hole", "road");
    assertThat(c.isActive()).isTrue();
  }

  @Test
  void refusesBadCodesAndMissingNames() {
    assertThatThrownBy(() -> ServiceCategory.define("Pot Hole", "Pothole", null, List.of(), null))
        .hasMessageStartingWith("code:");
    assertThatThrownBy(() -> ServiceCategory.define("pothole", " ", null, List.of(), null))
        .hasMessageStartingWith("name:");
    assertThatThrownBy(() -> ServiceCategory.define("x".repeat(61), "X", null, List.of(), null))
        .hasMessageStartingWith("code:");
  }

  @Test
  void deactivationKeepsATombstone() {
    ServiceCategory c = ServiceCategory.define("pothole", "Pothole", null, null, null);
    c.deactivate();
    assertThat(c.isActive()).isFalse();
    assertThat(c.code()).isEqualTo("pothole");
  }
}
