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
            "pothole", " Pothole ", List.of("Roads"), List.of(" Hole", "road ", "", "hole"), null);
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
  void listsItsGroupsMainOneFirstWithoutRepeats() {
    ServiceCategory c =
        ServiceCategory.define(
            "ice", "Icy sidewalk", List.of(" Roads ", "Winter", "Roads", ""), null, null);
    assertThat(c.groups()).containsExactly("Roads", "Winter");
    assertThat(c.group()).isEqualTo("Roads");
    assertThat(ServiceCategory.define("x", "X", null, null, null).group()).isNull();
    assertThatThrownBy(() -> ServiceCategory.define("x", "X", List.of("a;b"), null, null))
        .hasMessageStartingWith("groups:");
  }

  @Test
  void keepsTranslationsAndRefusesMalformedLanguageTags() {
    ServiceCategory c = ServiceCategory.define("pothole", "Pothole", null, null, "A hole");
    c.localise(
        java.util.Map.of("fr", " Nid-de-poule ", "es", "Bache", "de", " "),
        java.util.Map.of("fr", "Un trou"),
        null);
    assertThat(c.names())
        .containsExactly(
            java.util.Map.entry("es", "Bache"), java.util.Map.entry("fr", "Nid-de-poule"));
    assertThat(c.descriptions()).containsEntry("fr", "Un trou").hasSize(1);
    assertThatThrownBy(() -> c.localise(java.util.Map.of("French", "x"), null, null))
        .hasMessageStartingWith("names.French:");
    assertThatThrownBy(() -> c.localise(null, java.util.Map.of("fr", "x".repeat(2001)), null))
        .hasMessageStartingWith("descriptions.fr:");
  }

  @Test
  void isOfferedEverywhereWithoutAnAreaAndInsideItWithOne() {
    ServiceCategory c = ServiceCategory.define("bulk", "Bulk pickup", null, null, null);
    assertThat(c.offeredAt(49.69, -112.84)).isTrue();
    c.localise(
        null,
        null,
        ServiceArea.of(
            "{\"type\":\"Polygon\",\"coordinates\":[[[-113,49.6],[-112.7,49.6],[-112.7,49.8],"
                + "[-113,49.8],[-113,49.6]]]}"));
    assertThat(c.offeredAt(49.69, -112.84)).isTrue();
    assertThat(c.offeredAt(51.04, -114.07)).isFalse();
  }

  @Test
  void deactivationKeepsATombstone() {
    ServiceCategory c = ServiceCategory.define("pothole", "Pothole", null, null, null);
    c.deactivate();
    assertThat(c.isActive()).isFalse();
    assertThat(c.code()).isEqualTo("pothole");
  }
}
