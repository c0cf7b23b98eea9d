package org.civic311.platform.tenancy.application;

import java.util.List;

/** What it takes to register a city. Validated by {@code Tenant.register}. */
public record NewCity(
    String slug,
    String jurisdictionId,
    String displayName,
    String timeZone,
    List<String> locales,
    String hostName) {}
