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
import java.util.List;
import org.civic311.platform.routing.application.PublicPhoneLines;

/**
 * The numbers residents call, as the city's phone routing lists them (its entry points): the 311
 * short code inside city limits, the full number from outside, a TTY line. Only what a resident
 * dials is shown; where the calls go is not.
 */
@RequestScoped
@PermitAll
@Path("api/v1/cities/{city}/phone-numbers")
@Produces(MediaType.APPLICATION_JSON)
public class PhoneNumbersResource {
  @Inject PublicPhoneLines lines;

  /** One way to call the city. */
  @JsonbPropertyOrder({"kind", "number", "display", "shortCode", "label"})
  public record PhoneNumberView(
      String kind,
      String number,
      String display,
      @JsonbProperty("short_code") String shortCode,
      String label) {
    static PhoneNumberView of(PublicPhoneLines.Line line) {
      return new PhoneNumberView(
          line.kind(), line.number(), line.display(), line.shortCode(), line.label());
    }
  }

  /** The city's entry points in the order its administrator listed them; empty when it has none. */
  @GET
  public List<PhoneNumberView> list() {
    return lines.numbers().stream().map(PhoneNumberView::of).toList();
  }
}
