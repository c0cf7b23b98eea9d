package org.civic311.platform.request.api.portal;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civic311.platform.request.application.RequestIntakeService;
import org.civic311.platform.routing.application.PublicPhoneLines;
import org.civic311.platform.shared.domain.Html;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.TenantDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The resident portal, {@code /c/{city}/}: the home page (the city, its phone line now, its
 * numbers, 911), the report form, a request's status page and "my requests". Public, available
 * whatever the call centre's hours, in the languages the city offers. The pages call the public
 * {@code /api/v1} API like any other client; the shells carry the city and the texts.
 */
@RequestScoped
@PermitAll
@Path("c/{city}")
public class PortalPages {
  @Inject TenantDirectory directory;
  @Inject PublicPhoneLines lines;
  @Inject RequestIntakeService intake;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(
      name = "civic311.portal.tile-url",
      defaultValue = "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
  String tileUrl;

  @Inject
  @ConfigProperty(
      name = "civic311.portal.tile-attribution",
      defaultValue = "© OpenStreetMap contributors")
  String tileAttribution;

  @Inject
  @ConfigProperty(
      name = "civic311.portal.tile-attribution-url",
      defaultValue = "https://www.openstreetmap.org/copyright")
  String tileAttributionUrl;

  @Inject
  @ConfigProperty(name = "civic311.identity.issuer")
  String issuer;

  @Inject
  @ConfigProperty(name = "civic311.identity.web-client")
  String webClient;

  @Context UriInfo uri;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response home(
      @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String accept) {
    return home(context(lang, accept), 200, "", "");
  }

  /**
   * The home page's "follow a request" form, which works without scripts: a request number goes to
   * its status page; anything else comes back to the home page with the message beside the field.
   */
  @GET
  @Path("follow")
  @Produces(MediaType.TEXT_HTML)
  public Response follow(
      @QueryParam("number") String number,
      @QueryParam("lang") String lang,
      @HeaderParam("Accept-Language") String accept) {
    PortalShell.Context c = context(lang, accept);
    String typed = number == null ? "" : number.strip();
    if (typed.isEmpty()) {
      return home(c, 400, typed, c.texts().text("home.follow.required"));
    }
    if (intake.find(typed).isEmpty()) {
      return home(c, 404, typed, c.texts().text("home.follow.unknown", typed));
    }
    return Response.seeOther(
            URI.create(
                "/c/"
                    + c.city()
                    + "/requests/"
                    + java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8)
                    + "?lang="
                    + c.texts().language()))
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Path("report")
  @Produces(MediaType.TEXT_HTML)
  public Response report(
      @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String accept) {
    PortalShell.Context c = context(lang, accept);
    CityProfile city = directory.currentCity();
    String centre =
        city.mapCentre()
            .map(p -> p.latitude().toPlainString() + "," + p.longitude().toPlainString())
            .orElse("");
    String head =
        "<meta name=\"civic311-map\" data-tiles=\""
            + Html.escape(tileUrl)
            + "\" data-attribution=\""
            + Html.escape(tileAttribution)
            + "\" data-attribution-url=\""
            + Html.escape(tileAttributionUrl)
            + "\" data-centre=\""
            + Html.escape(centre)
            + "\">\n";
    String html =
        PortalShell.render(
            c, "report.html", c.texts().text("report.title"), "report.js", head, Map.of());
    return PortalShell.respond(200, c, html, null);
  }

  /** A request's status page: the link in every resident's mail. */
  @GET
  @Path("requests/{id}")
  @Produces(MediaType.TEXT_HTML)
  public Response status(
      @PathParam("id") String id,
      @QueryParam("lang") String lang,
      @HeaderParam("Accept-Language") String accept) {
    PortalShell.Context c = context(lang, accept);
    String head = "<meta name=\"civic311-request\" content=\"" + Html.escape(id) + "\">\n";
    String languages =
        String.join(
            "",
            c.languages().stream()
                .map(
                    l ->
                        "<option value=\""
                            + l
                            + "\""
                            + (l.equals(c.texts().language()) ? " selected" : "")
                            + " lang=\""
                            + l
                            + "\">"
                            + Html.escape(PortalTexts.in(l).text("language.name"))
                            + "</option>")
                .toList());
    String html =
        PortalShell.render(
            c,
            "status.html",
            c.texts().text("status.title"),
            "status.js",
            head,
            Map.of("id", id, "localeOptions", languages));
    return PortalShell.respond(200, c, html, null);
  }

  /** "My requests": the page signs the resident in through Keycloak and lists theirs. */
  @GET
  @Path("my-requests")
  @Produces(MediaType.TEXT_HTML)
  public Response mine(
      @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String accept) {
    PortalShell.Context c = context(lang, accept);
    int realmAt = issuer.lastIndexOf("/realms/");
    String head =
        "<meta name=\"civic311-auth\" data-url=\""
            + Html.escape(realmAt < 0 ? issuer : issuer.substring(0, realmAt))
            + "\" data-realm=\""
            + Html.escape(realmAt < 0 ? "" : issuer.substring(realmAt + "/realms/".length()))
            + "\" data-client=\""
            + Html.escape(webClient)
            + "\">\n";
    String html =
        PortalShell.render(
            c, "my-requests.html", c.texts().text("mine.title"), "my-requests.js", head, Map.of());
    URI identity = URI.create(issuer);
    return PortalShell.respond(
        200, c, html, identity.getScheme() + "://" + identity.getRawAuthority());
  }

  private Response home(PortalShell.Context c, int status, String number, String numberError) {
    PortalTexts t = c.texts();
    Map<String, String> values = new HashMap<>();
    values.put("number", number);
    values.put("numberError", numberError);
    values.put("numberInvalid", numberError.isEmpty() ? "" : "aria-invalid=\"true\" autofocus");
    ZoneId zone = directory.currentCity().timeZone();
    var now = lines.now();
    if (now.isEmpty()) {
      values.put("lineClass", "unknown");
      values.put("lineStatus", t.text("home.line.unknown"));
      values.put("lineDetail", "");
    } else {
      var n = now.get();
      values.put("lineClass", n.open() ? "open" : "closed");
      values.put("lineStatus", t.text(n.open() ? "home.line.open" : "home.line.closed"));
      String detail =
          n.until()
              .map(u -> t.text(n.open() ? "home.line.until" : "home.line.opens", when(u, zone, t)))
              .orElse(n.open() ? t.text("home.line.always") : "");
      if (n.holiday().isPresent() && !n.open()) {
        detail = t.text("home.line.holiday", n.holiday().get()) + " " + detail;
      }
      if (n.message().isPresent()) {
        detail = detail + " " + n.message().get();
      }
      values.put("lineDetail", detail.strip());
    }
    values.put("numbers", numbers(t));
    String html = PortalShell.render(c, "home.html", t.text("home.title"), null, null, values);
    return PortalShell.respond(status, c, html, null);
  }

  /** The numbers residents dial, each with what it is for, as telephone links. */
  private String numbers(PortalTexts t) {
    List<PublicPhoneLines.Line> all = lines.numbers();
    if (all.isEmpty()) {
      return "<p>" + Html.escape(t.text("home.call.none")) + "</p>";
    }
    StringBuilder out = new StringBuilder("<ul class=\"numbers\">");
    for (PublicPhoneLines.Line line : all) {
      if (line.shortCode() != null) {
        item(out, t.text("home.call.inside"), line.shortCode(), line.shortCode());
        item(out, t.text("home.call.outside"), line.number(), line.display());
      } else {
        String kind =
            switch (line.kind()) {
              case "tty" -> "home.call.tty";
              case "after_hours" -> "home.call.after_hours";
              case "outside" -> "home.call.outside";
              default -> "home.call.main";
            };
        item(out, t.text(kind), line.number(), line.display());
      }
    }
    return out.append("</ul>").toString();
  }

  private static void item(StringBuilder out, String what, String dial, String shown) {
    out.append("<li><span class=\"what\">")
        .append(Html.escape(what))
        .append("</span> <a class=\"tel\" href=\"tel:")
        .append(Html.escape(dial))
        .append("\">")
        .append(Html.escape(shown))
        .append("</a></li>");
  }

  /** A moment in the city's zone: its time today, else the weekday and time. */
  private String when(Instant at, ZoneId zone, PortalTexts t) {
    ZonedDateTime local = at.atZone(zone);
    ZonedDateTime today = clock.instant().atZone(zone);
    String time =
        DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(t.locale()).format(local);
    if (local.toLocalDate().equals(today.toLocalDate())) {
      return time;
    }
    String day = DateTimeFormatter.ofPattern("EEEE d MMMM", t.locale()).format(local);
    return t.text("home.line.day", day, time);
  }

  private PortalShell.Context context(String lang, String accept) {
    CityProfile city = directory.currentCity();
    String language = PortalTexts.choose(lang, accept, city.locales());
    return new PortalShell.Context(
        city.slug(),
        city.displayName(),
        PortalTexts.in(language),
        PortalTexts.offered(city.locales()),
        // the follow form's answer is the home page: its language links go home
        uri.getRequestUri().getRawPath().endsWith("/follow")
            ? "/c/" + city.slug() + "/"
            : uri.getRequestUri().getRawPath(),
        PortalShell.tileOrigin(tileUrl));
  }
}
