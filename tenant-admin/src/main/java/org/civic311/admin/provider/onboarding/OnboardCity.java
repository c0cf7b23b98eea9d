package org.civic311.admin.provider.onboarding;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import org.civic311.platform.routing.application.HoursDocument;

/**
 * What the operator sends to bring a city live. {@code catalogue} is {@code template} (the standard
 * catalogue), {@code none}, {@code csv} (the file in {@code catalogue_csv}, in the city
 * administrator's CSV format) or {@code open311} (imported from the GeoReport v2 server at {@code
 * catalogue_url}, with {@code catalogue_jurisdiction_id} if it needs one; ADR 0019); {@code hours}
 * are the city's weekly opening ranges (none: no hours yet); {@code admin_email} is the first city
 * administrator, invited by Keycloak; {@code phone_entry_points} are its first phone lines; {@code
 * demo_data} true files sample requests over the catalogue, for a trial city.
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
    @JsonbProperty("catalogue_csv") String catalogueCsv,
    @JsonbProperty("catalogue_url") String catalogueUrl,
    @JsonbProperty("catalogue_jurisdiction_id") String catalogueJurisdictionId,
    List<HoursDocument.Range> hours,
    @JsonbProperty("phone_entry_points")
        List<org.civic311.platform.routing.application.PhoneRoutingDocument.Entry> phoneEntryPoints,
    @JsonbProperty("demo_data") Boolean demoData) {}
