package org.civic311.platform.request.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Staff move a request on: the new status, a note residents see, and one only staff see. */
public record ChangeStatusPayload(
    @NotBlank(message = "is required") @Size(max = 30, message = "at most 30 characters")
        String status,
    @JsonbProperty("public_note") @Size(max = 4000, message = "at most 4000 characters")
        String publicNote,
    @JsonbProperty("internal_note") @Size(max = 4000, message = "at most 4000 characters")
        String internalNote) {}
