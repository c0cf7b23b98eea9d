package org.civic311.platform.request.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.civic311.platform.request.application.SubmitServiceRequest;

/** A new service request sent to the native API, in Open311's field names. */
public record SubmitServiceRequestPayload(
    @JsonbProperty("service_code")
        @NotBlank(message = "is required")
        @Size(max = 60, message = "at most 60 characters")
        String serviceCode,
    @NotBlank(message = "is required") @Size(max = 4000, message = "at most 4000 characters")
        String description,
    BigDecimal lat,
    @JsonbProperty("long") BigDecimal lon,
    @JsonbProperty("address_string") @Size(max = 500, message = "at most 500 characters")
        String addressString,
    @Size(max = 20, message = "at most 20 characters") String channel,
    @JsonbProperty("acknowledge_duplicate") Boolean acknowledgeDuplicate) {

  SubmitServiceRequest toCommand() {
    return new SubmitServiceRequest(
        serviceCode,
        description,
        lat,
        lon,
        addressString,
        channel,
        Boolean.TRUE.equals(acknowledgeDuplicate));
  }
}
