package org.civic311.admin.provider.onboarding;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import org.civic311.platform.routing.application.HoursDocument;

/**
 * What the operator sends to bring a city live. {@code catalogue} is {@code template} (the standard
 * catalogue) or {@code none}; {@code hours} are the city's weekly opening ranges (none: no hours
 * yet); {@code admin_email} is the first city administrator, invited by Keycloak; demo data is not
 * offered to real cities, so {@code demo_data} must be false or absent.
 */
public record OnboardCity(
    String slug,
    @JsonbProperty("display_name") String displayName,
    @JsonbProperty("jurisdiction_id") String jurisdictionId,
    @JsonbProperty("time_zone") String timeZone,
    List<String> locales,
    Integer population,
    @JsonbProperty("contact_email") String contactEmail,
    @JsonbProperty("admin_email") String adminEmail,
    @JsonbProperty("host_name") String hostName,
    String catalogue,
    List<HoursDocument.Range> hours,
    @JsonbProperty("demo_data") Boolean demoData) {}
