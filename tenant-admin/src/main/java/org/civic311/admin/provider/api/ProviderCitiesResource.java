package org.civic311.admin.provider.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.civic311.admin.provider.offboarding.Offboarding;
import org.civic311.admin.provider.onboarding.CityIdentity;
import org.civic311.admin.provider.onboarding.OnboardCity;
import org.civic311.admin.provider.onboarding.Onboarding;
import org.civic311.admin.provider.onboarding.OnboardingJob;
import org.civic311.admin.provider.onboarding.OnboardingProblems;
import org.civic311.admin.provider.onboarding.StartingCatalogue;
import org.civic311.admin.provider.operations.CityOperations;
import org.civic311.platform.routing.application.PhoneRoutingService;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.PhoneDirectory;
import org.civic311.platform.tenancy.application.TenantDirectory;

/**
 * The operator's view of every city the deployment hosts, suspended ones included. The provider API
 * is the operator's only door: a city's own endpoints refuse the {@code operator} role.
 */
@RequestScoped
@Path("api/v1/provider/cities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class ProviderCitiesResource {
  @Inject TenantDirectory directory;
  @Inject PhoneDirectory phones;
  @Inject PhoneRoutingService routing;
  @Inject CityOperations operations;
  @Inject Onboarding onboarding;
  @Inject Offboarding offboarding;
  @Context SecurityContext security;

  /** One hosted city, as the operator sees it. */
  @JsonbPropertyOrder({
    "slug",
    "name",
    "jurisdictionId",
    "status",
    "timeZone",
    "hostName",
    "offboardAt"
  })
  public record ProviderCityView(
      String slug,
      String name,
      @JsonbProperty("jurisdiction_id") String jurisdictionId,
      String status,
      @JsonbProperty("time_zone") String timeZone,
      @JsonbProperty("host_name") String hostName,
      @JsonbProperty("offboard_at") java.time.OffsetDateTime offboardAt) {

    static ProviderCityView of(CityProfile city) {
      return new ProviderCityView(
          city.slug(),
          city.displayName(),
          city.jurisdictionId(),
          city.active() ? "active" : "suspended",
          city.timeZone().getId(),
          city.hostName().orElse(null),
          city.offboardAt().orElse(null));
    }
  }

  @GET
  public List<ProviderCityView> list() {
    return directory.all().stream().map(ProviderCityView::of).toList();
  }

  /** The telephone numbers a city may route (E.164). */
  public record PhoneNumbersPayload(List<String> numbers) {}

  @GET
  @Path("{slug}/phone-numbers")
  public PhoneNumbersPayload phoneNumbers(@PathParam("slug") String slug) {
    return new PhoneNumbersPayload(phones.assignedTo(city(slug).id()));
  }

  /**
   * Assigns exactly these numbers to the city (numbers it had and this list lacks are released).
   * Only assigned numbers can be routed by the city's administrator, so no city can take over a
   * line the telephony provider delivers to another.
   */
  @PUT
  @Path("{slug}/phone-numbers")
  @Consumes(MediaType.APPLICATION_JSON)
  public PhoneNumbersPayload assign(
      @PathParam("slug") String slug,
      @NotNull(message = "a JSON body is required") PhoneNumbersPayload payload) {
    CityProfile city = city(slug);
    List<String> given = payload.numbers() == null ? List.of() : payload.numbers();
    if (given.size() > 100) {
      throw ProblemException.invalid("numbers", "at most 100");
    }
    try {
      java.util.Set<String> numbers = new java.util.TreeSet<>();
      for (String n : given) {
        numbers.add(routing.normalise("numbers", n));
      }
      return new PhoneNumbersPayload(operations.assignNumbers(city, numbers, operator()));
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    }
  }

  /**
   * Brings a new city live (ADR 0015, ADR 0019): the starting catalogue made ready first (a CSV
   * file checked, an Open311 server read), then the city, its catalogue and hours in one
   * transaction, audited. 201 with the city; 400 naming the bad field, 409 naming the field whose
   * value another city has, 502 naming {@code catalogue} when the Open311 server cannot be read;
   * either way no row of the city is left and the request can be retried.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response onboard(@NotNull(message = "a JSON body is required") OnboardCity payload) {
    try {
      StartingCatalogue plan = onboarding.plan(payload);
      OnboardingJob job = OnboardingJob.unwatched(payload.slug(), plan.kind(), operator());
      CityProfile city = onboarding.onboard(payload, onboarding.load(plan, job), operator(), job);
      return Response.status(Response.Status.CREATED)
          .location(java.net.URI.create("api/v1/provider/cities/" + city.slug()))
          .entity(ProviderCityView.of(city))
          .build();
    } catch (RuntimeException e) {
      throw OnboardingProblems.of(e);
    } finally {
      // a snapshot read inside the transaction may hold the city whether it committed or not
      directory.invalidate();
    }
  }

  /** Why a city is suspended, for the operator's audit log. */
  public record SuspendPayload(String reason) {}

  /**
   * Suspends a city: its public pages and APIs, the voice webhook and its staff get 503 with {@code
   * Retry-After}; its data stays. This instance stops serving it at once, others within the
   * directory's refresh (30 s).
   */
  @POST
  @Path("{slug}/suspend")
  @Consumes(MediaType.APPLICATION_JSON)
  public ProviderCityView suspend(
      @PathParam("slug") String slug,
      @NotNull(message = "a JSON body with a reason is required") SuspendPayload payload) {
    if (payload.reason() == null || payload.reason().isBlank() || payload.reason().length() > 500) {
      throw ProblemException.invalid("reason", "say why, in 1 to 500 characters");
    }
    CityProfile city = city(slug);
    try {
      return operations
          .suspend(city, payload.reason().strip(), operator())
          .map(ProviderCityView::of)
          .orElseThrow(() -> ProblemException.notFound("There is no city '" + slug + "'."));
    } finally {
      directory.invalidate(); // after commit: no snapshot taken mid-transaction survives
    }
  }

  /** Serves a suspended city again; 409 while its deletion is scheduled (cancel that first). */
  @POST
  @Path("{slug}/resume")
  public ProviderCityView resume(@PathParam("slug") String slug) {
    CityProfile city = city(slug);
    try {
      return operations
          .resume(city, operator())
          .map(ProviderCityView::of)
          .orElseThrow(() -> ProblemException.notFound("There is no city '" + slug + "'."));
    } catch (IllegalStateException e) {
      throw new ProblemException(Response.Status.CONFLICT, e.getMessage());
    } finally {
      directory.invalidate();
    }
  }

  /** The operator's confirmation that a city leaves: its slug retyped, and why. */
  public record OffboardPayload(String confirm, String reason) {}

  /**
   * A city leaves (ADR 0018): suspended at once, its data deleted when the grace period is over
   * ({@code offboard_at}), unless cancelled before. 400 naming {@code confirm} when the slug was
   * not retyped, or {@code reason}; 409 when its deletion is already scheduled.
   */
  @POST
  @Path("{slug}/offboarding")
  @Consumes(MediaType.APPLICATION_JSON)
  public ProviderCityView offboard(
      @PathParam("slug") String slug,
      @NotNull(message = "a JSON body with confirm and reason is required")
          OffboardPayload payload) {
    CityProfile city = city(slug);
    if (payload.reason() == null || payload.reason().isBlank() || payload.reason().length() > 500) {
      throw ProblemException.invalid("reason", "say why, in 1 to 500 characters");
    }
    try {
      return ProviderCityView.of(
          offboarding.schedule(city, payload.confirm(), payload.reason().strip(), operator()));
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    } catch (Offboarding.NotNow e) {
      throw new ProblemException(Response.Status.CONFLICT, e.getMessage());
    } finally {
      directory.invalidate();
    }
  }

  /** Keeps a leaving city after all (it stays suspended); 409 when none is scheduled. */
  @DELETE
  @Path("{slug}/offboarding")
  public ProviderCityView cancelOffboarding(@PathParam("slug") String slug) {
    CityProfile city = city(slug);
    try {
      return ProviderCityView.of(offboarding.cancel(city, operator()));
    } catch (Offboarding.NotNow e) {
      throw new ProblemException(Response.Status.CONFLICT, e.getMessage());
    } finally {
      directory.invalidate();
    }
  }

  /** What completing an offboarding deleted. */
  @JsonbPropertyOrder({"city", "rows", "organizationDeleted", "usersDeleted", "membersKept"})
  public record ErasedView(
      String city,
      java.util.Map<String, Long> rows,
      @JsonbProperty("organization_deleted") boolean organizationDeleted,
      @JsonbProperty("users_deleted") int usersDeleted,
      @JsonbProperty("members_kept") int membersKept) {}

  /**
   * Deletes a leaving city now that its grace period is over (the background sweep does the same
   * for every due city). 409 while the grace period runs or when no deletion is scheduled; 502 when
   * Keycloak refuses (nothing deleted in the database, to be tried again).
   */
  @POST
  @Path("{slug}/offboarding/complete")
  public ErasedView completeOffboarding(@PathParam("slug") String slug) {
    CityProfile city = city(slug);
    try {
      Offboarding.Erased erased =
          offboarding
              .complete(city, operator())
              .orElseThrow(() -> ProblemException.notFound("There is no city '" + slug + "'."));
      return new ErasedView(
          slug,
          erased.rows(),
          erased.identity().organization(),
          erased.identity().usersDeleted(),
          erased.identity().membersKept());
    } catch (Offboarding.NotNow e) {
      throw new ProblemException(Response.Status.CONFLICT, e.getMessage());
    } catch (CityIdentity.Refused e) {
      throw new ProblemException(Response.Status.BAD_GATEWAY, e.getMessage());
    } finally {
      directory.invalidate();
    }
  }

  private String operator() {
    return Caller.of(security).actor();
  }

  private CityProfile city(String slug) {
    return directory
        .bySlug(slug)
        .orElseThrow(() -> ProblemException.notFound("There is no city '" + slug + "'."));
  }
}
