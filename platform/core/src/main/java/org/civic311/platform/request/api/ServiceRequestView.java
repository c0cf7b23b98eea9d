package org.civic311.platform.request.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.civic311.platform.request.application.RequestSummary;

@JsonbPropertyOrder({
  "service_request_id",
  "service_code",
  "service_name",
  "description",
  "status",
  "lat",
  "long",
  "address",
  "requested_datetime"
})
public record ServiceRequestView(
    @JsonbProperty("service_request_id") String id,
    @JsonbProperty("service_code") String serviceCode,
    @JsonbProperty("service_name") String serviceName,
    String description,
    String status,
    BigDecimal lat,
    @JsonbProperty("long") BigDecimal lon,
    String address,
    @JsonbProperty("requested_datetime") String requestedAt) {

  static ServiceRequestView of(RequestSummary r) {
    OffsetDateTime created = r.createdAt().truncatedTo(ChronoUnit.SECONDS);
    return new ServiceRequestView(
        r.id(),
        r.categoryCode(),
        r.categoryName(),
        r.description(),
        r.status(),
        r.latitude(),
        r.longitude(),
        r.address(),
        created.toString());
  }
}
