package org.civic311.admin.provider.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.civic311.admin.provider.onboarding.OnboardCity;
import org.civic311.admin.provider.onboarding.OnboardingJob;
import org.civic311.admin.provider.onboarding.OnboardingJobs;
import org.civic311.admin.provider.onboarding.OnboardingProblems;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.api.Problem;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;

/**
 * Onboarding in the background, for the console (ADR 0019): the same form as {@code POST
 * /api/v1/provider/cities}, checked at once, then run while its progress can be asked for (the
 * definitions read from an Open311 server, the categories imported) until it is done or failed.
 */
@RequestScoped
@Path("api/v1/provider/onboardings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class ProviderOnboardingsResource {
  @Inject OnboardingJobs jobs;
  @Context SecurityContext security;

  /** An onboarding and how far it has got. */
  @JsonbPropertyOrder({
    "id",
    "slug",
    "catalogue",
    "status",
    "phase",
    "total",
    "done",
    "createdAt",
    "finishedAt",
    "city",
    "problem"
  })
  public record OnboardingView(
      String id,
      String slug,
      String catalogue,
      String status,
      String phase,
      int total,
      int done,
      @JsonbProperty("created_at") OffsetDateTime createdAt,
      @JsonbProperty("finished_at") OffsetDateTime finishedAt,
      ProviderCitiesResource.ProviderCityView city,
      Problem problem) {

    static OnboardingView of(OnboardingJob job) {
      return new OnboardingView(
          job.id().toString(),
          job.slug(),
          job.catalogue(),
          job.state().name().toLowerCase(Locale.ROOT),
          job.phase().name().toLowerCase(Locale.ROOT),
          job.total(),
          job.done(),
          job.createdAt(),
          job.finishedAt(),
          job.city() == null ? null : ProviderCitiesResource.ProviderCityView.of(job.city()),
          job.problem());
    }
  }

  /**
   * Checks the form and starts onboarding: {@code 202} with the onboarding and its address; the
   * refusals that need no network ({@code 400}, {@code 409}) at once, as the synchronous endpoint.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(@NotNull(message = "a JSON body is required") OnboardCity payload) {
    OnboardingJob job;
    try {
      job = jobs.start(payload, Caller.of(security).actor());
    } catch (RuntimeException e) {
      throw OnboardingProblems.of(e);
    }
    return Response.accepted(OnboardingView.of(job))
        .location(URI.create("api/v1/provider/onboardings/" + job.id()))
        .build();
  }

  /** The onboarding's progress and, once over, the city or the problem. */
  @GET
  @Path("{id}")
  public OnboardingView progress(@PathParam("id") String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("There is no onboarding '" + id + "'.");
    }
    return jobs.find(uuid)
        .map(OnboardingView::of)
        .orElseThrow(() -> ProblemException.notFound("There is no onboarding '" + id + "'."));
  }
}
