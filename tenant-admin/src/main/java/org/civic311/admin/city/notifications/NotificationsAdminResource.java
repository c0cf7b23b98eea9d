package org.civic311.admin.city.notifications;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
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
import java.util.function.Supplier;
import org.civic311.platform.notification.application.MailIdentity;
import org.civic311.platform.notification.application.SubscriptionService;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;

/**
 * A city administrator's mail: the sender and languages residents' mail uses and the hourly limit;
 * which staff hear of new requests of their department (at once or as a daily digest); and the
 * suppression list (addresses that unsubscribed from everything or bounced), from which an address
 * can be taken off.
 */
@RequestScoped
@RolesAllowed(Roles.CITY_ADMIN)
@Path("api/v1/cities/{city}/admin/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsAdminResource {
  @Inject SubscriptionService subscriptions;
  @Context SecurityContext security;

  /** The mail settings, in and out. */
  public record SettingsView(
      @JsonbProperty("sender_address") String senderAddress,
      @JsonbProperty("sender_name") String senderName,
      @JsonbProperty("reply_to") String replyTo,
      List<String> locales,
      @JsonbProperty("hourly_limit") Integer hourlyLimit,
      @JsonbProperty("brand_color") String brandColor) {
    static SettingsView of(MailIdentity id) {
      return new SettingsView(
          id.senderAddress(),
          id.senderName(),
          id.replyTo(),
          id.languages(),
          id.hourlyLimit(),
          id.brandColor());
    }
  }

  /** A member of staff to tell of a department's new requests. */
  public record AddStaffMailPayload(
      String department,
      String email,
      String mode,
      @JsonbProperty("digest_hour") Integer digestHour) {}

  /** A staff mail subscription. */
  public record StaffMailView(
      String id,
      String department,
      String email,
      String mode,
      @JsonbProperty("digest_hour") int digestHour) {
    static StaffMailView of(SubscriptionService.StaffMail s) {
      return new StaffMailView(s.id(), s.department(), s.email(), s.mode(), s.digestHour());
    }
  }

  /** One address on the suppression list. */
  public record SuppressionView(String email, String reason, String detail, String since) {}

  @GET
  @Path("settings")
  public SettingsView settings() {
    return SettingsView.of(subscriptions.settings());
  }

  @PUT
  @Path("settings")
  @Consumes(MediaType.APPLICATION_JSON)
  public SettingsView saveSettings(
      @NotNull(message = "a JSON body is required") SettingsView payload) {
    return rule(
        () ->
            SettingsView.of(
                subscriptions.saveSettings(
                    payload.senderAddress(),
                    payload.senderName(),
                    payload.replyTo(),
                    payload.locales(),
                    payload.hourlyLimit() == null ? 0 : payload.hourlyLimit(),
                    payload.brandColor() == null ? "#1f4e79" : payload.brandColor(),
                    actor())));
  }

  @GET
  @Path("staff")
  public List<StaffMailView> staff() {
    return subscriptions.staffMail().stream().map(StaffMailView::of).toList();
  }

  @POST
  @Path("staff")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addStaff(
      @NotNull(message = "a JSON body is required") AddStaffMailPayload payload) {
    SubscriptionService.StaffMail added =
        rule(
            () ->
                subscriptions.addStaffMail(
                    payload.department(),
                    payload.email(),
                    payload.mode(),
                    payload.digestHour(),
                    actor()));
    return Response.status(Response.Status.CREATED).entity(StaffMailView.of(added)).build();
  }

  @DELETE
  @Path("staff/{id}")
  public Response removeStaff(@PathParam("id") String id) {
    if (!subscriptions.removeStaffMail(id, actor())) {
      throw ProblemException.notFound("This city has no staff mail subscription '" + id + "'.");
    }
    return Response.noContent().build();
  }

  @GET
  @Path("suppressions")
  public List<SuppressionView> suppressions() {
    return subscriptions.suppressions().stream()
        .map(r -> new SuppressionView(r[0], r[1], r[2], r[3]))
        .toList();
  }

  @DELETE
  @Path("suppressions/{email}")
  public Response unsuppress(@PathParam("email") String email) {
    if (!subscriptions.unsuppress(email, actor())) {
      throw ProblemException.notFound("'" + email + "' is not on this city's suppression list.");
    }
    return Response.noContent().build();
  }

  private String actor() {
    return Caller.of(security).actor();
  }

  private static <T> T rule(Supplier<T> work) {
    try {
      return work.get();
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    }
  }
}
