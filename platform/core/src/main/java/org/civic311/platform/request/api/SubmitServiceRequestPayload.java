package org.civic311.platform.request.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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
    @JsonbProperty("acknowledge_duplicate") Boolean acknowledgeDuplicate,
    @Email(message = "is not an e-mail address")
        @Size(max = 254, message = "at most 254 characters")
        String email,
    @Size(max = 50, message = "at most 50 answers") Map<String, Object> attributes,
    Boolean subscribe,
    @Size(max = 10, message = "at most 10 characters") String locale,
    @Size(max = 200, message = "at most 200 characters") String name) {

  /**
   * The command, reported under {@code reporterSubject} (a signed-in resident's account, or null)
   * with this payload's e-mail, or else {@code accountEmail}, as contact.
   */
  SubmitServiceRequest toCommand(
      String reporterSubject,
      String accountEmail,
      boolean byStaff,
      SubmitServiceRequest.Photo photo) {
    return new SubmitServiceRequest(
        serviceCode,
        description,
        lat,
        lon,
        addressString,
        channel,
        Boolean.TRUE.equals(acknowledgeDuplicate),
        reporterSubject,
        email != null && !email.isBlank() ? email : accountEmail,
        answers(),
        byStaff,
        Boolean.TRUE.equals(subscribe),
        locale,
        photo,
        null,
        name);
  }

  /** Each answer as a list of strings: one value, or the values of a multi-value list. */
  private Map<String, List<String>> answers() {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    if (attributes != null) {
      attributes.forEach(
          (code, value) ->
              out.put(
                  code,
                  value instanceof java.util.Collection<?> many
                      ? many.stream().map(String::valueOf).toList()
                      : value == null ? List.of() : List.of(String.valueOf(value))));
    }
    return out;
  }
}
