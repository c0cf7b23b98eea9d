package org.civic311.platform.request.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** "Me too" on an open request: the address that follows it, and the language of its mail. */
public record SupportRequestPayload(
    @NotBlank(message = "is required")
        @Email(message = "is not an e-mail address")
        @Size(max = 254, message = "at most 254 characters")
        String email,
    @Size(max = 10, message = "at most 10 characters") String locale) {}
