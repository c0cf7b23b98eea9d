package org.civic311.platform.request.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Marks a request as a duplicate of an earlier one (its parent) of the same city. */
public record MergeDuplicatePayload(
    @JsonbProperty("parent_service_request_id")
        @NotBlank(message = "is required")
        @Size(max = 60, message = "at most 60 characters")
        String parentId,
    @JsonbProperty("public_note") @Size(max = 4000, message = "at most 4000 characters")
        String publicNote) {}
