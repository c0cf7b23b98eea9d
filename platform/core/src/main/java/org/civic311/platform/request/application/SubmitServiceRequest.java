package org.civic311.platform.request.application;

import java.math.BigDecimal;

/** A resident's new request, as any channel hands it in. */
public record SubmitServiceRequest(
    String categoryCode,
    String description,
    BigDecimal latitude,
    BigDecimal longitude,
    String address) {}
