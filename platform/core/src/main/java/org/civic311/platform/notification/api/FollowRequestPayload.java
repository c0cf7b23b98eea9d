package org.civic311.platform.notification.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A resident asks, from a request's status page, to follow it by e-mail. */
public record FollowRequestPayload(
    @JsonbProperty("service_request_id")
        @NotBlank(message = "is required")
        @Size(max = 60, message = "at most 60 characters")
        String serviceRequestId,
    @NotBlank(message = "is required") @Size(max = 254, message = "at most 254 characters")
        String email,
    @Size(max = 10, message = "at most 10 characters") String locale) {}
