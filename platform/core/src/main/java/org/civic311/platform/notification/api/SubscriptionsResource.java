package org.civic311.platform.notification.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;
import org.civic311.platform.notification.application.MailNotSent;
import org.civic311.platform.notification.application.SubscriptionService;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.DeliveryDeferred;

/**
 * Residents' e-mail updates: follow a request (a confirmation message is sent), confirm, and
 * unsubscribe. {@code unsubscribe} is the RFC 8058 one-click target of every message's {@code
 * List-Unsubscribe} header: a POST with the token in the URL and any body.
 */
@RequestScoped
@Path("api/v1/cities/{city}/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionsResource {
  @Inject SubscriptionService subscriptions;

  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  public Response follow(
      @NotNull(message = "a JSON body is required") @Valid FollowRequestPayload payload) {
    SubscriptionService.Followed outcome =
        call(() ->
                subscriptions.follow(payload.serviceRequestId(), payload.email(), payload.locale()))
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "This city has no service request '" + payload.serviceRequestId() + "'."));
    return Response.accepted(
            Map.of(
                "status",
                outcome == SubscriptionService.Followed.CONFIRMATION_SENT
                    ? "confirmation_sent"
                    : "already_following"))
        .build();
  }

  /**
   * "Stop my updates" from the status page: the address gets the link that stops them, if it
   * follows the request; the answer is the same either way.
   */
  @POST
  @Path("stop")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  public Response stop(
      @NotNull(message = "a JSON body is required") @Valid FollowRequestPayload payload) {
    call(() -> subscriptions.stop(payload.serviceRequestId(), payload.email()))
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "This city has no service request '" + payload.serviceRequestId() + "'."));
    return Response.accepted(Map.of("status", "link_sent_if_following")).build();
  }

  @POST
  @Path("confirm")
  @PermitAll
  public Map<String, String> confirm(@QueryParam("token") String token) {
    String request = call(() -> subscriptions.confirm(token));
    return Map.of("status", "confirmed", "service_request_id", request);
  }

  /** RFC 8058: the body ({@code List-Unsubscribe=One-Click}) is accepted and not needed. */
  @POST
  @Path("unsubscribe")
  @PermitAll
  public Map<String, String> unsubscribe(
      @QueryParam("token") String token, @QueryParam("scope") String scope) {
    boolean everything = everything(scope);
    String request = call(() -> subscriptions.unsubscribe(token, everything));
    return Map.of(
        "status",
        everything ? "unsubscribed_from_all" : "unsubscribed",
        "service_request_id",
        request);
  }

  static boolean everything(String scope) {
    if (scope == null || scope.isBlank() || scope.equals("request")) {
      return false;
    }
    if (scope.equals("all")) {
      return true;
    }
    throw ProblemException.invalid("scope", "must be request or all");
  }

  /**
   * The service's refusals as problems: 404 unknown link, 409 used link, 429 too many confirmations
   * for one address, 400 bad field, 503 mail away.
   */
  static <T> T call(Supplier<T> work) {
    try {
      return work.get();
    } catch (SubscriptionService.UnknownToken e) {
      throw ProblemException.notFound(e.getMessage());
    } catch (SubscriptionService.LinkUsed e) {
      throw new ProblemException(Response.Status.CONFLICT, e.getMessage());
    } catch (SubscriptionService.TooManyConfirmations e) {
      throw new ProblemException(Response.Status.TOO_MANY_REQUESTS, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    } catch (MailNotSent | DeliveryDeferred e) {
      throw new ProblemException(
          Response.Status.SERVICE_UNAVAILABLE,
          "The confirmation message cannot be sent right now. Nothing was saved; please try again"
              + " in a few minutes.");
    }
  }
}
