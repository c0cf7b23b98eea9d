package org.civic311.platform.contact.api;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.civic311.platform.contact.application.ContactService;
import org.civic311.platform.request.application.RequestSummary;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.api.Open311Wire;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;

/**
 * The agent's contact log and screen pop: log a call (or counter visit, chat, e-mail) with what it
 * was about and how long it took, and, when a number rings, the caller's recent contacts and the
 * open requests they concerned.
 */
@RequestScoped
@RolesAllowed({Roles.AGENT, Roles.CITY_ADMIN})
@Path("api/v1/cities/{city}/contacts")
@Produces(MediaType.APPLICATION_JSON)
public class ContactsResource {
  @Inject ContactService contacts;
  @Context SecurityContext security;

  /** A contact as an agent logs it. */
  public record ContactPayload(
      String channel,
      String caller,
      @JsonbProperty("caller_name") String callerName,
      @JsonbProperty("caller_email") String callerEmail,
      String topic,
      @JsonbProperty("request_id") String requestId,
      Integer minutes,
      String notes) {}

  /** A logged contact. */
  @JsonbPropertyOrder({
    "id",
    "at",
    "channel",
    "caller",
    "callerName",
    "callerEmail",
    "topic",
    "requestId",
    "minutes",
    "agent",
    "notes"
  })
  public record ContactView(
      String id,
      String at,
      String channel,
      String caller,
      @JsonbProperty("caller_name") String callerName,
      @JsonbProperty("caller_email") String callerEmail,
      String topic,
      @JsonbProperty("request_id") String requestId,
      Integer minutes,
      String agent,
      String notes) {
    static ContactView of(ContactService.ContactSummary c) {
      return new ContactView(
          c.id(),
          Open311Wire.time(c.at()),
          c.channel(),
          c.caller(),
          c.callerName(),
          c.callerEmail(),
          c.topic(),
          c.requestId(),
          c.minutes(),
          c.agent(),
          c.notes());
    }
  }

  /** An open request as the screen pop lists it. */
  @JsonbPropertyOrder({
    "id",
    "serviceCode",
    "serviceName",
    "status",
    "address",
    "requested",
    "expected"
  })
  public record OpenRequestView(
      String id,
      @JsonbProperty("service_code") String serviceCode,
      @JsonbProperty("service_name") String serviceName,
      String status,
      String address,
      @JsonbProperty("requested_datetime") String requested,
      @JsonbProperty("expected_datetime") String expected) {
    static OpenRequestView of(RequestSummary r) {
      return new OpenRequestView(
          r.id(),
          r.categoryCode(),
          r.categoryName(),
          r.statusName(),
          r.address(),
          Open311Wire.time(r.createdAt()),
          r.expectedAt() == null ? null : Open311Wire.time(r.expectedAt()));
    }
  }

  /** What the agent's screen shows when a number rings. */
  @JsonbPropertyOrder({"caller", "openRequests", "recentContacts"})
  public record ScreenPopView(
      String caller,
      @JsonbProperty("open_requests") List<OpenRequestView> openRequests,
      @JsonbProperty("recent_contacts") List<ContactView> recentContacts) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response log(@NotNull(message = "a JSON body is required") ContactPayload payload) {
    try {
      ContactService.ContactSummary logged =
          contacts.log(
              new ContactService.NewContact(
                  payload.channel(),
                  payload.caller(),
                  payload.callerName(),
                  payload.callerEmail(),
                  payload.topic(),
                  payload.requestId(),
                  payload.minutes(),
                  payload.notes()),
              Caller.of(security).actor());
      return Response.status(Response.Status.CREATED).entity(ContactView.of(logged)).build();
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    }
  }

  @GET
  @Path("screen-pop")
  public ScreenPopView screenPop(@QueryParam("caller") String caller) {
    try {
      ContactService.ScreenPop pop = contacts.screenPop(caller);
      return new ScreenPopView(
          pop.caller(),
          pop.openRequests().stream().map(OpenRequestView::of).toList(),
          pop.recentContacts().stream().map(ContactView::of).toList());
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    }
  }
}
