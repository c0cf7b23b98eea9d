package org.civic311.platform.request.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import org.civic311.platform.request.application.DuplicateFinder;
import org.civic311.platform.shared.api.Open311Wire;

/**
 * An open request near a point, as the portal offers it for "me too": the public fields of a
 * request (never its contact) and how far it is from the point asked about.
 */
@JsonbPropertyOrder({
  "id",
  "serviceCode",
  "serviceName",
  "description",
  "status",
  "stage",
  "lat",
  "lon",
  "address",
  "requestedAt",
  "distanceMetres"
})
public record NearbyRequestView(
    @JsonbProperty("service_request_id") String id,
    @JsonbProperty("service_code") String serviceCode,
    @JsonbProperty("service_name") String serviceName,
    String description,
    String status,
    String stage,
    BigDecimal lat,
    @JsonbProperty("long") BigDecimal lon,
    String address,
    @JsonbProperty("requested_datetime") String requestedAt,
    @JsonbProperty("distance_metres") int distanceMetres) {

  static NearbyRequestView of(DuplicateFinder.Nearby nearby) {
    var r = nearby.request();
    return new NearbyRequestView(
        r.id(),
        r.categoryCode(),
        r.categoryName(),
        r.description(),
        r.status().wireName(),
        r.status().stage(),
        r.latitude(),
        r.longitude(),
        r.address(),
        Open311Wire.time(r.createdAt()),
        nearby.metres());
  }
}
