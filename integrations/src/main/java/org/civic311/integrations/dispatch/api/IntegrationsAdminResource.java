package org.civic311.integrations.dispatch.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.civic311.integrations.dispatch.DeadLetters;
import org.civic311.integrations.dispatch.IntegrationHealth;
import org.civic311.integrations.dispatch.IntegrationLedger;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;

/**
 * A city administrator's view of its department integrations at work: the dead letters (events a
 * department refused, or that failed too often), which can be replayed once the cause is fixed or
 * discarded, and each department's health.
 */
@RequestScoped
@RolesAllowed(Roles.CITY_ADMIN)
@Path("api/v1/cities/{city}/admin/integrations")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationsAdminResource {
  @Inject DeadLetters deadLetters;
  @Inject IntegrationHealth health;
  @Inject org.civic311.integrations.dispatch.BreakerResume resumer;
  @Context SecurityContext security;

  /** One dead letter. */
  public record DeadLetterView(
      String id,
      @JsonbProperty("service_request_id") String serviceRequestId,
      int seq,
      String type,
      String department,
      int attempts,
      @JsonbProperty("last_error") String lastError,
      @JsonbProperty("dead_at") OffsetDateTime deadAt,
      @JsonbProperty("event_at") OffsetDateTime eventAt) {
    static DeadLetterView of(IntegrationLedger.DeadLetter d) {
      return new DeadLetterView(
          d.eventId().toString(),
          d.requestId().toString(),
          d.seq(),
          d.type(),
          d.department(),
          d.attempts(),
          d.lastError(),
          d.deadAt(),
          d.createdAt());
    }
  }

  /** One department's health. */
  public record HealthView(
      String department,
      String kind,
      boolean enabled,
      String state,
      @JsonbProperty("last_success_at") OffsetDateTime lastSuccessAt,
      @JsonbProperty("last_failure_at") OffsetDateTime lastFailureAt,
      @JsonbProperty("last_error") String lastError,
      @JsonbProperty("consecutive_failures") int consecutiveFailures,
      long delivered,
      long failed,
      long backlog,
      @JsonbProperty("oldest_pending_at") OffsetDateTime oldestPendingAt,
      @JsonbProperty("dead_letters") long deadLetters,
      @JsonbProperty("paused_until") OffsetDateTime pausedUntil) {
    static HealthView of(IntegrationHealth.DepartmentHealth h) {
      return new HealthView(
          h.department(),
          h.kind(),
          h.enabled(),
          h.state(),
          h.lastSuccessAt(),
          h.lastFailureAt(),
          h.lastError(),
          h.consecutiveFailures(),
          h.delivered(),
          h.failed(),
          h.backlog(),
          h.oldestPendingAt(),
          h.deadLetters(),
          h.pausedUntil());
    }
  }

  @GET
  @Path("dead-letters")
  public List<DeadLetterView> deadLetters(@QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > 500) {
      throw ProblemException.invalid("limit", "1 to 500");
    }
    return deadLetters.list(limit).stream().map(DeadLetterView::of).toList();
  }

  @POST
  @Path("dead-letters/{id}/replay")
  public DeadLetterView replay(@PathParam("id") String id) {
    return deadLetters
        .replay(eventId(id), Caller.of(security).actor())
        .map(DeadLetterView::of)
        .orElseThrow(() -> notFound(id));
  }

  @POST
  @Path("dead-letters/{id}/discard")
  public Response discard(@PathParam("id") String id) {
    if (!deadLetters.discard(eventId(id), Caller.of(security).actor())) {
      throw notFound(id);
    }
    return Response.noContent().build();
  }

  @GET
  @Path("health")
  public List<HealthView> health() {
    return health.report().stream().map(HealthView::of).toList();
  }

  /**
   * Closes a paused department's circuit breaker: its waiting events go out within seconds, on
   * every instance. For an administrator who knows the department's system is back.
   */
  @POST
  @Path("{department}/resume")
  public HealthView resume(@PathParam("department") String department) {
    return resumer
        .resume(department, Caller.of(security).actor())
        .map(HealthView::of)
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "This city has no integration for the department '" + department + "'."));
  }

  private static UUID eventId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw notFound(id);
    }
  }

  private static ProblemException notFound(String id) {
    return ProblemException.notFound("This city has no dead letter '" + id + "'.");
  }
}
