package org.civic311.platform.catalogue.domain;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Where a category is offered: a GeoJSON {@code Polygon} or {@code MultiPolygon} geometry (RFC
 * 7946: WGS 84 longitude, latitude), holes allowed. A city draws it for a service only part of the
 * city gets (a district's bulk pickup, a river valley's park patrol).
 *
 * <p>Guarantees: the geometry is valid (closed rings of at least four positions, no
 * self-intersection, holes inside their shell), its positions are in range, and it has at most
 * {@value #MAX_POSITIONS} positions. {@link #covers} counts the boundary as inside.
 */
public final class ServiceArea {
  public static final int MAX_POSITIONS = 20_000;

  /** Looked up once: {@code Json}'s static methods look the provider up on every call. */
  private static final jakarta.json.spi.JsonProvider JSON =
      jakarta.json.spi.JsonProvider.provider();

  private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

  private final String geoJson;
  private final Geometry geometry;

  private ServiceArea(String geoJson, Geometry geometry) {
    this.geoJson = geoJson;
    this.geometry = geometry;
  }

  /**
   * Reads a GeoJSON geometry (a {@code Feature} is accepted too, for its geometry).
   *
   * @throws IllegalArgumentException ({@code area: ...}) saying what is wrong with it
   */
  public static ServiceArea of(String geoJson) {
    if (geoJson == null || geoJson.isBlank()) {
      throw new IllegalArgumentException("area: is empty");
    }
    JsonObject object;
    try (var reader = JSON.createReader(new StringReader(geoJson))) {
      object = reader.readObject();
    } catch (JsonParsingException | ClassCastException e) {
      throw new IllegalArgumentException("area: is not a GeoJSON object");
    } catch (JsonException e) {
      throw new IllegalArgumentException("area: is not a GeoJSON object");
    }
    if ("Feature".equals(string(object, "type"))) {
      JsonValue geometry = object.get("geometry");
      if (!(geometry instanceof JsonObject g)) {
        throw new IllegalArgumentException("area: the Feature has no geometry");
      }
      object = g;
    }
    String type = string(object, "type");
    JsonValue coordinates = object.get("coordinates");
    if (!(coordinates instanceof JsonArray array)) {
      throw new IllegalArgumentException(
          "area: a GeoJSON Polygon or MultiPolygon with coordinates is required");
    }
    int[] positions = {0};
    Geometry geometry =
        switch (type == null ? "" : type) {
          case "Polygon" -> polygon(array, "area.coordinates", positions);
          case "MultiPolygon" -> {
            if (array.isEmpty()) {
              throw new IllegalArgumentException("area.coordinates: has no polygons");
            }
            Polygon[] polygons = new Polygon[array.size()];
            for (int i = 0; i < array.size(); i++) {
              polygons[i] =
                  polygon(
                      asArray(array.get(i), "area.coordinates[" + i + "]"),
                      "area.coordinates[" + i + "]",
                      positions);
            }
            yield GEOMETRY.createMultiPolygon(polygons);
          }
          default ->
              throw new IllegalArgumentException(
                  "area: type '" + type + "' is not Polygon or MultiPolygon");
        };
    TopologyValidationError error = new IsValidOp(geometry).getValidationError();
    if (error != null) {
      Coordinate at = error.getCoordinate();
      throw new IllegalArgumentException(
          "area: "
              + error.getMessage().toLowerCase(java.util.Locale.ROOT)
              + (at == null ? "" : " at [" + at.x + ", " + at.y + "]"));
    }
    // kept: the geometry only, whatever other members the object had
    return new ServiceArea(
        JSON.createObjectBuilder().add("type", type).add("coordinates", array).build().toString(),
        geometry);
  }

  /** The area as compact GeoJSON (the geometry only). */
  public String geoJson() {
    return geoJson;
  }

  /** Whether the point (WGS 84) is inside the area or on its edge. */
  public boolean covers(double latitude, double longitude) {
    return geometry.covers(GEOMETRY.createPoint(new Coordinate(longitude, latitude)));
  }

  private static Polygon polygon(JsonArray rings, String field, int[] positions) {
    if (rings.isEmpty()) {
      throw new IllegalArgumentException(field + ": a polygon needs at least its outer ring");
    }
    LinearRing shell = ring(asArray(rings.get(0), field + "[0]"), field + "[0]", positions);
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] =
          ring(asArray(rings.get(i), field + "[" + i + "]"), field + "[" + i + "]", positions);
    }
    return GEOMETRY.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonArray positions, String field, int[] counted) {
    if (positions.size() < 4) {
      throw new IllegalArgumentException(
          field + ": a ring needs at least four positions, the last the same as the first");
    }
    counted[0] += positions.size();
    if (counted[0] > MAX_POSITIONS) {
      throw new IllegalArgumentException("area: at most " + MAX_POSITIONS + " positions");
    }
    List<Coordinate> coordinates = new ArrayList<>(positions.size());
    for (int i = 0; i < positions.size(); i++) {
      JsonArray position = asArray(positions.get(i), field + "[" + i + "]");
      if (position.size() < 2
          || !(position.get(0) instanceof JsonNumber lon)
          || !(position.get(1) instanceof JsonNumber lat)) {
        throw new IllegalArgumentException(
            field + "[" + i + "]: a position is [longitude, latitude]");
      }
      double x = lon.doubleValue();
      double y = lat.doubleValue();
      if (Math.abs(x) > 180 || Math.abs(y) > 90) {
        throw new IllegalArgumentException(
            field
                + "["
                + i
                + "]: longitude must be within ±180 and latitude within ±90 (GeoJSON puts"
                + " longitude first)");
      }
      coordinates.add(new Coordinate(x, y));
    }
    if (!coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1))) {
      throw new IllegalArgumentException(
          field + ": a ring must end where it begins (its last position equal to its first)");
    }
    return GEOMETRY.createLinearRing(coordinates.toArray(Coordinate[]::new));
  }

  private static JsonArray asArray(JsonValue value, String field) {
    if (value instanceof JsonArray array) {
      return array;
    }
    throw new IllegalArgumentException(field + ": must be an array");
  }

  private static String string(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value instanceof jakarta.json.JsonString s ? s.getString() : null;
  }
}
