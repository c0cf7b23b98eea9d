package org.civic311.admin.provider.usage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.civic311.platform.reporting.application.UsageReport;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.shared.application.Roles;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.TenantDirectory;

/**
 * Usage per city over a window, for billing and capacity. Each city is read in its own transaction
 * bound to it ({@link CurrentTenant#callAs}, the operator's door), so row-level security applies as
 * to any read of that city.
 */
@RequestScoped
@Path("api/v1/provider/usage")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class ProviderUsageResource {
  @Inject TenantDirectory directory;
  @Inject UsageReport report;
  @Inject Clock clock;

  /** One city's usage over the window. */
  @JsonbPropertyOrder({
    "city",
    "status",
    "since",
    "contacts",
    "serviceRequests",
    "mediaBytes",
    "activeStaff"
  })
  public record CityUsageView(
      String city,
      String status,
      OffsetDateTime since,
      long contacts,
      @JsonbProperty("service_requests") long serviceRequests,
      @JsonbProperty("media_bytes") long mediaBytes,
      @JsonbProperty("active_staff") long activeStaff) {}

  /** Every city's usage over the last {@code days} days (1–366), suspended cities included. */
  @GET
  public List<CityUsageView> usage(@QueryParam("days") @DefaultValue("30") int days)
      throws Exception {
    if (days < 1 || days > 366) {
      throw ProblemException.invalid("days", "must be 1 to 366");
    }
    OffsetDateTime since =
        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minusDays(days);
    List<CityUsageView> out = new ArrayList<>();
    for (CityProfile city : directory.all()) {
      UsageReport.CityUsage u = CurrentTenant.callAs(city.id(), () -> report.since(since));
      out.add(
          new CityUsageView(
              city.slug(),
              city.active() ? "active" : "suspended",
              since,
              u.contacts(),
              u.serviceRequests(),
              u.mediaBytes(),
              u.activeStaff()));
    }
    return out;
  }
}
