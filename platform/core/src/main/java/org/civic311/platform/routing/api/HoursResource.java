package org.civic311.platform.routing.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.civic311.platform.routing.application.HoursDocument;
import org.civic311.platform.routing.application.HoursService;
import org.civic311.platform.routing.domain.Holiday;
import org.civic311.platform.routing.domain.OpeningHours;
import org.civic311.platform.shared.api.Open311Wire;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.tenancy.application.TenantDirectory;

/** A city's published hours: whether its phone line and counters are open now, and its week. */
@RequestScoped
@PermitAll
@Path("api/v1/cities/{city}/hours")
@Produces(MediaType.APPLICATION_JSON)
public class HoursResource {
  private static final String NOT_SET = "This city has not published its hours yet.";

  @Inject HoursService hours;
  @Inject TenantDirectory directory;
  @Inject Clock clock;

  /** Open or closed now, until when, and the message in force (an emergency closure, say). */
  @JsonbPropertyOrder({"open", "now", "until", "timeZone", "message", "holiday"})
  public record HoursNowView(
      boolean open,
      String now,
      String until,
      @JsonbProperty("time_zone") String timeZone,
      String message,
      String holiday) {}

  /** The week, holidays and overrides, with the zone they are in. */
  @JsonbPropertyOrder({"timeZone", "hours"})
  public record HoursView(@JsonbProperty("time_zone") String timeZone, HoursDocument hours) {}

  @GET
  @Path("now")
  public HoursNowView now() {
    OpeningHours.Status status = hours.now().orElseThrow(() -> ProblemException.notFound(NOT_SET));
    var zone = directory.currentCity().timeZone();
    return new HoursNowView(
        status.open(),
        Open311Wire.time(clock.instant().atZone(zone).toOffsetDateTime()),
        status.until().map(u -> Open311Wire.time(u.atZone(zone).toOffsetDateTime())).orElse(null),
        zone.getId(),
        status.message().orElse(null),
        status.holiday().map(Holiday::name).orElse(null));
  }

  @GET
  public HoursView week() {
    return new HoursView(
        directory.currentCity().timeZone().getId(),
        hours.document().orElseThrow(() -> ProblemException.notFound(NOT_SET)));
  }
}
