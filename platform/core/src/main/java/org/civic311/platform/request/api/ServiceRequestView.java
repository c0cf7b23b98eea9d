package org.civic311.platform.request.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import org.civic311.platform.request.application.RequestSummary;
import org.civic311.platform.shared.api.Open311Wire;

@JsonbPropertyOrder({ // Java names: JSON-B orders by property, not by wire name
  "id",
  "serviceCode",
  "serviceName",
  "description",
  "status",
  "stage",
  "channel",
  "lat",
  "lon",
  "address",
  "parentId",
  "requestedAt",
  "updatedAt",
  "expectedAt",
  "agency"
})
public record ServiceRequestView(
    @JsonbProperty("service_request_id") String id,
    @JsonbProperty("service_code") String serviceCode,
    @JsonbProperty("service_name") String serviceName,
    String description,
    String status,
    String stage,
    String channel,
    BigDecimal lat,
    @JsonbProperty("long") BigDecimal lon,
    String address,
    @JsonbProperty("parent_service_request_id") String parentId,
    @JsonbProperty("requested_datetime") String requestedAt,
    @JsonbProperty("updated_datetime") String updatedAt,
    @JsonbProperty("expected_datetime") String expectedAt,
    @JsonbProperty("agency_responsible") String agency) {

  static ServiceRequestView of(RequestSummary r) {
    // Open311 clients expect seconds always present and no fraction: 2026-11-25T10:50:00Z.
    return new ServiceRequestView(
        r.id(),
        r.categoryCode(),
        r.categoryName(),
        r.description(),
        r.status().wireName(),
        r.status().stage(),
        r.channel(),
        r.latitude(),
        r.longitude(),
        r.address(),
        r.parentId(),
        Open311Wire.time(r.createdAt()),
        Open311Wire.time(r.updatedAt()),
        Open311Wire.time(r.expectedAt()),
        r.agency());
  }
}
