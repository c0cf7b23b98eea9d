package org.civic311.platform.catalogue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServiceAreaTest {
  /** A square around downtown Lethbridge with a square hole (a park) in it. */
  private static final String WITH_HOLE =
      """
      {"type":"Polygon","coordinates":[
        [[-112.90,49.65],[-112.78,49.65],[-112.78,49.73],[-112.90,49.73],[-112.90,49.65]],
        [[-112.85,49.68],[-112.82,49.68],[-112.82,49.70],[-112.85,49.70],[-112.85,49.68]]]}
      """;

  @Test
  void coversItsInsideAndEdgeButNotItsHolesOrOutside() {
    ServiceArea area = ServiceArea.of(WITH_HOLE);
    assertThat(area.covers(49.66, -112.80)).as("inside").isTrue();
    assertThat(area.covers(49.65, -112.80)).as("on the edge").isTrue();
    assertThat(area.covers(49.69, -112.835)).as("in the hole").isFalse();
    assertThat(area.covers(51.04, -114.07)).as("Calgary").isFalse();
  }

  @Test
  void readsMultiPolygonsAndFeaturesAndKeepsCompactGeoJson() {
    ServiceArea area =
        ServiceArea.of(
            """
            {"type":"Feature","properties":{"name":"two districts"},"geometry":
             {"type":"MultiPolygon","coordinates":[
              [[[0,0],[1,0],[1,1],[0,1],[0,0]]],
              [[[10,10],[11,10],[11,11],[10,11],[10,10]]]]}}
            """);
    assertThat(area.covers(0.5, 0.5)).isTrue();
    assertThat(area.covers(10.5, 10.5)).isTrue();
    assertThat(area.covers(5, 5)).isFalse();
    assertThat(area.geoJson()).startsWith("{\"type\":\"MultiPolygon\"").doesNotContain(" ");
    assertThat(ServiceArea.of(area.geoJson()).covers(0.5, 0.5)).isTrue();
    // only the geometry is kept, whatever else the object carried
    assertThat(
            ServiceArea.of(
                    "{\"type\":\"Polygon\",\"note\":\"x\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}")
                .geoJson())
        .isEqualTo("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}");
  }

  @Test
  void refusesMalformedPolygonsSayingWhatIsWrong() {
    assertThatThrownBy(() -> ServiceArea.of("not json"))
        .hasMessage("area: is not a GeoJSON object");
    assertThatThrownBy(() -> ServiceArea.of("[1,2]")).hasMessage("area: is not a GeoJSON object");
    assertThatThrownBy(() -> ServiceArea.of("{\"type\":\"Point\",\"coordinates\":[1,2]}"))
        .hasMessage("area: type 'Point' is not Polygon or MultiPolygon");
    assertThatThrownBy(
            () ->
                ServiceArea.of(
                    "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}"))
        .hasMessageContaining("area.coordinates[0]: a ring must end where it begins");
    assertThatThrownBy(
            () -> ServiceArea.of("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}"))
        .hasMessageContaining("at least four positions");
    assertThatThrownBy(
            () ->
                ServiceArea.of(
                    "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,100],[0,1],[0,0]]]}"))
        .hasMessageContaining("area.coordinates[0][2]: longitude must be within ±180");
    // a bow tie: its edges cross
    assertThatThrownBy(
            () ->
                ServiceArea.of(
                    "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}"))
        .hasMessageStartingWith("area: self-intersection at [");
    assertThatThrownBy(
            () ->
                ServiceArea.of(
                    "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],\"x\",[1,1],[0,0]]]}"))
        .hasMessageContaining("area.coordinates[0][1]: must be an array");
  }
}
