package org.civic311.admin.city.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.civic311.platform.shared.api.Open311Wire;
import org.civic311.platform.shared.application.AuditLog;
import org.civic311.platform.shared.application.Roles;

/** The city's configuration history: who changed what, when, before and after. */
@RequestScoped
@RolesAllowed(Roles.CITY_ADMIN)
@Path("api/v1/cities/{city}/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  @Inject AuditLog audit;

  /** One change. */
  @JsonbPropertyOrder({"at", "actor", "subject", "before", "after"})
  public record AuditView(String at, String actor, String subject, String before, String after) {
    static AuditView of(AuditLog.Entry e) {
      return new AuditView(Open311Wire.time(e.at()), e.actor(), e.subject(), e.before(), e.after());
    }
  }

  @GET
  public List<AuditView> recent(
      @QueryParam("subject") String subject, @QueryParam("limit") @DefaultValue("100") int limit) {
    return audit.recent(subject == null || subject.isBlank() ? null : subject, limit).stream()
        .map(AuditView::of)
        .toList();
  }
}
