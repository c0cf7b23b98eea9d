package org.civic311.platform.request.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Supplier;
import org.civic311.platform.request.application.DuplicateFinder;
import org.civic311.platform.request.application.DuplicateRequestException;
import org.civic311.platform.request.application.RequestIntakeService;
import org.civic311.platform.request.application.RequestLifecycleService;
import org.civic311.platform.request.application.RequestNotFoundException;
import org.civic311.platform.request.application.RequestSummary;
import org.civic311.platform.request.application.RequestWorkService;
import org.civic311.platform.request.application.SubmitServiceRequest;
import org.civic311.platform.request.domain.RequestMedia;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;

/**
 * The native JSON API for a city's service requests (portal and consoles). Anyone may report and
 * follow one request by its number; lists, history with internal notes and changes are for the
 * city's staff.
 */
@RequestScoped
@Path("api/v1/cities/{city}/service-requests")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceRequestsResource {
  private static final String NOT_FOUND = "This city has no service request '%s'.";

  @Inject RequestIntakeService intake;
  @Inject RequestLifecycleService lifecycle;
  @Inject RequestWorkService work;
  @Inject DuplicateFinder duplicates;
  @Inject jakarta.validation.Validator validator;
  @Context SecurityContext security;

  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(
      @NotNull(message = "a JSON body is required") @Valid SubmitServiceRequestPayload payload,
      @PathParam("city") String city,
      @Context UriInfo uri) {
    return create(payload, null, city, uri);
  }

  /**
   * The same submission with a photo, as the portal sends it: {@code multipart/form-data} with the
   * JSON of {@link #submit} in the part {@code request} and the photo in the file part {@code
   * media} (optional). The photo is checked and stored as Open311's are, in the request's own
   * transaction.
   */
  @POST
  @PermitAll
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response submitWithPhoto(
      @PathParam("city") String city,
      @Context UriInfo uri,
      @Context jakarta.servlet.http.HttpServletRequest servlet) {
    SubmitServiceRequestPayload payload = MultipartSubmission.payload(servlet);
    var violations = validator.validate(payload);
    if (!violations.isEmpty()) {
      throw new jakarta.validation.ConstraintViolationException(violations);
    }
    try {
      return create(payload, MultipartSubmission.photo(servlet), city, uri);
    } catch (RequestMedia.Refused e) {
      throw MultipartSubmission.refused(e);
    }
  }

  private Response create(
      SubmitServiceRequestPayload payload,
      SubmitServiceRequest.Photo photo,
      String city,
      UriInfo uri) {
    Caller caller = Caller.of(security);
    // Staff reporting for a caller are not the reporter; a signed-in resident is.
    boolean resident = caller.hasRole(Roles.RESIDENT) && !caller.actsFor(city);
    RequestSummary created;
    try {
      created =
          intake.submit(
              payload.toCommand(
                  resident ? caller.subject() : null,
                  resident ? caller.verifiedEmail().orElse(null) : null,
                  caller.actsFor(city),
                  photo));
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    } catch (DuplicateRequestException e) {
      throw new ProblemException(
          Response.Status.CONFLICT,
          "An open request of this kind is already reported nearby: "
              + e.existing().get(0).id()
              + ". Follow it, or send acknowledge_duplicate: true to report this one anyway.");
    }
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(ServiceRequestView.of(created))
        .build();
  }

  /**
   * The open requests of a public category near a point, nearest first, for the portal to offer "me
   * too" before a report is sent. Public fields only, as {@link #one} shows them.
   */
  @GET
  @Path("nearby")
  @PermitAll
  public List<NearbyRequestView> nearby(
      @QueryParam("service_code") String serviceCode,
      @QueryParam("lat") String latitude,
      @QueryParam("long") String longitude) {
    if (serviceCode == null || serviceCode.isBlank()) {
      throw ProblemException.invalid("service_code", "is required");
    }
    java.math.BigDecimal lat = coordinate("lat", latitude);
    java.math.BigDecimal lon = coordinate("long", longitude);
    try {
      return duplicates.nearby(serviceCode.strip(), lat, lon).stream()
          .map(NearbyRequestView::of)
          .toList();
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    }
  }

  private static java.math.BigDecimal coordinate(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid(field, "is required");
    }
    try {
      return new java.math.BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.invalid(field, "'" + value + "' is not a number");
    }
  }

  @GET
  @RolesAllowed({Roles.AGENT, Roles.DEPARTMENT_STAFF, Roles.CITY_ADMIN})
  public List<ServiceRequestView> newest(@QueryParam("limit") @DefaultValue("50") int limit) {
    return intake.newest(limit).stream().map(ServiceRequestView::of).toList();
  }

  /** One request's public view: its number is what a resident keeps to follow it. */
  @GET
  @Path("{id}")
  @PermitAll
  public ServiceRequestView one(@PathParam("id") String id) {
    return intake
        .find(id)
        .map(ServiceRequestView::of)
        .orElseThrow(() -> ProblemException.notFound(String.format(NOT_FOUND, id)));
  }

  /** Who reported the request (name, e-mail, whether signed in): the city's staff only. */
  public record ReporterView(
      String name,
      String email,
      @jakarta.json.bind.annotation.JsonbProperty("signed_in") boolean signedIn) {}

  @GET
  @Path("{id}/reporter")
  @RolesAllowed({Roles.AGENT, Roles.DEPARTMENT_STAFF, Roles.CITY_ADMIN})
  public ReporterView reporter(@PathParam("id") String id) {
    return intake
        .reporterOf(id)
        .map(r -> new ReporterView(r.name(), r.email(), r.signedIn()))
        .orElseThrow(() -> ProblemException.notFound(String.format(NOT_FOUND, id)));
  }

  /** The whole history, internal notes included. */
  @GET
  @Path("{id}/history")
  @RolesAllowed({Roles.AGENT, Roles.DEPARTMENT_STAFF, Roles.CITY_ADMIN})
  public List<HistoryEntryView> history(@PathParam("id") String id) {
    if (intake.find(id).isEmpty()) {
      throw ProblemException.notFound(String.format(NOT_FOUND, id));
    }
    return intake.history(id).stream().map(HistoryEntryView::of).toList();
  }

  @POST
  @Path("{id}/status")
  @RolesAllowed({Roles.AGENT, Roles.DEPARTMENT_STAFF, Roles.CITY_ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  public ServiceRequestView changeStatus(
      @PathParam("id") String id,
      @NotNull(message = "a JSON body is required") @Valid ChangeStatusPayload payload) {
    // department staff change only their own departments' requests (403 otherwise)
    return Workers.change(
        id,
        () ->
            ServiceRequestView.of(
                work.changeStatus(
                    id,
                    payload.status(),
                    Workers.of(security),
                    payload.publicNote(),
                    payload.internalNote())));
  }

  @POST
  @Path("{id}/duplicate-of")
  @RolesAllowed({Roles.AGENT, Roles.CITY_ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  public ServiceRequestView markDuplicate(
      @PathParam("id") String id,
      @NotNull(message = "a JSON body is required") @Valid MergeDuplicatePayload payload) {
    String actor = Caller.of(security).actor();
    return change(
        id, () -> lifecycle.markDuplicate(id, payload.parentId(), actor, payload.publicNote()));
  }

  /**
   * "Me too": the caller has the same problem and follows this request by e-mail (after confirming
   * their address) instead of reporting it again.
   */
  @POST
  @Path("{id}/supporters")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  public ServiceRequestView support(
      @PathParam("id") String id,
      @NotNull(message = "a JSON body is required") @Valid SupportRequestPayload payload) {
    Caller caller = Caller.of(security);
    String actor = caller.authenticated() ? caller.actor() : "resident";
    return change(id, () -> lifecycle.support(id, payload.email(), payload.locale(), actor));
  }

  private static ServiceRequestView change(String id, Supplier<RequestSummary> work) {
    try {
      return ServiceRequestView.of(work.get());
    } catch (RequestNotFoundException e) {
      throw ProblemException.notFound(String.format(NOT_FOUND, id));
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    }
  }
}
