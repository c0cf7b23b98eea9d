package org.civic311.admin.provider.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.OperatorAudit;
import org.civic311.platform.tenancy.application.TenantDirectory;

/** The operator's audit log: who did what, when, to which city. Newest first. */
@RequestScoped
@Path("api/v1/provider/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class ProviderAuditResource {
  @Inject OperatorAudit audit;
  @Inject TenantDirectory directory;

  /** The entries about {@code city} (a slug; none: every city), at most {@code limit} (1–500). */
  @GET
  public List<OperatorAudit.Entry> list(
      @QueryParam("city") String city, @QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > 500) {
      throw ProblemException.invalid("limit", "must be 1 to 500");
    }
    Optional<CityProfile> about = Optional.empty();
    if (city != null && !city.isBlank()) {
      about =
          Optional.of(
              directory
                  .bySlug(city)
                  .orElseThrow(
                      () -> ProblemException.notFound("There is no city '" + city + "'.")));
    }
    return audit.recent(about, limit);
  }
}
