package org.civic311.platform.request.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import org.civic311.platform.request.application.RequestSummary;
import org.civic311.platform.request.application.WorkItem;
import org.civic311.platform.shared.api.Open311Wire;

/**
 * A request as the city's staff see it: the {@link ServiceRequestView} fields, and the department
 * its category is routed to, who has it, and when a duplicate was merged into its parent.
 */
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
  "agency",
  "department",
  "assignedTo",
  "mergedAt"
})
public record StaffRequestView(
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
    @JsonbProperty("agency_responsible") String agency,
    String department,
    @JsonbProperty("assigned_to") String assignedTo,
    @JsonbProperty("merged_datetime") String mergedAt) {

  static StaffRequestView of(WorkItem item) {
    RequestSummary r = item.request();
    return new StaffRequestView(
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
        r.agency(),
        item.departmentCode(),
        item.assignedTo(),
        Open311Wire.time(item.mergedAt()));
  }
}
