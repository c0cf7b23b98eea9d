package org.civic311.admin.city.requests;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.civic311.platform.request.application.DuplicateFinder;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;

/**
 * A city administrator's duplicate rule: how near and how recent an open request of the same
 * category must be for a new report to be offered "me too" (and refused by Open311 with error 100
 * unless acknowledged). Until the city sets its own, the deployment's defaults apply.
 */
@RequestScoped
@RolesAllowed(Roles.CITY_ADMIN)
@Path("api/v1/cities/{city}/admin/duplicate-rule")
@Produces(MediaType.APPLICATION_JSON)
public class DuplicateRuleAdminResource {
  @Inject DuplicateFinder duplicates;
  @Context SecurityContext security;

  /** The rule, in and out; {@code city_own} is false while the defaults apply. */
  public record RuleView(
      @JsonbProperty("duplicate_radius_metres") Integer radiusMetres,
      @JsonbProperty("duplicate_max_age_days") Integer maxAgeDays,
      @JsonbProperty("city_own") Boolean cityOwn) {
    static RuleView of(DuplicateFinder.Rule rule) {
      return new RuleView(rule.radiusMetres(), rule.maxAgeDays(), rule.cityOwn());
    }
  }

  @GET
  public RuleView rule() {
    return RuleView.of(duplicates.rule());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public RuleView change(@NotNull(message = "a JSON body is required") RuleView payload) {
    if (payload.radiusMetres() == null) {
      throw ProblemException.invalid("duplicate_radius_metres", "is required");
    }
    if (payload.maxAgeDays() == null) {
      throw ProblemException.invalid("duplicate_max_age_days", "is required");
    }
    try {
      return RuleView.of(
          duplicates.change(
              payload.radiusMetres(), payload.maxAgeDays(), Caller.of(security).actor()));
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    }
  }
}
