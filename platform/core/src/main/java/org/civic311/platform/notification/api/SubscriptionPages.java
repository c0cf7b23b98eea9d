package org.civic311.platform.notification.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.civic311.platform.notification.application.PageTexts;
import org.civic311.platform.notification.application.SubscriptionService;
import org.civic311.platform.shared.api.PageTemplate;
import org.civic311.platform.shared.api.ProblemException;

/**
 * The pages the links in residents' mail open. Opening a link changes nothing (mail scanners open
 * links too): the page asks for one press of a button, which posts the form back here. The pages
 * speak the language of the mail ({@code lang} in its links, kept in the form).
 */
@RequestScoped
@Path("c/{city}/subscriptions")
@PermitAll
public class SubscriptionPages {
  private static final PageTemplate PAGE =
      PageTemplate.load(SubscriptionPages.class, "subscription-page.html");

  @Inject SubscriptionService subscriptions;

  @GET
  @Path("confirm")
  @Produces(MediaType.TEXT_HTML)
  public Response askToConfirm(
      @PathParam("city") String city,
      @QueryParam("token") String token,
      @QueryParam("lang") String lang) {
    PageTexts t = PageTexts.in(lang);
    return page(
        200,
        city,
        t,
        t.text("confirm.title"),
        t.text("confirm.message"),
        "confirm",
        token,
        "",
        t.text("confirm.button"));
  }

  @POST
  @Path("confirm")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response confirm(
      @PathParam("city") String city,
      @FormParam("token") String token,
      @FormParam("lang") String lang) {
    PageTexts t = PageTexts.in(lang);
    try {
      String request = SubscriptionsResource.call(() -> subscriptions.confirm(token));
      return done(city, t, t.text("confirmed.title"), t.text("confirmed.message", request));
    } catch (ProblemException e) {
      return failed(city, t, e);
    }
  }

  @GET
  @Path("unsubscribe")
  @Produces(MediaType.TEXT_HTML)
  public Response askToUnsubscribe(
      @PathParam("city") String city,
      @QueryParam("token") String token,
      @QueryParam("scope") String scope,
      @QueryParam("lang") String lang) {
    PageTexts t = PageTexts.in(lang);
    String which = "all".equals(scope) ? "unsubscribe_all" : "unsubscribe";
    return page(
        200,
        city,
        t,
        t.text(which + ".title"),
        t.text(which + ".message"),
        "unsubscribe",
        token,
        "all".equals(scope) ? "all" : "request",
        t.text("unsubscribe.button"));
  }

  @POST
  @Path("unsubscribe")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response unsubscribe(
      @PathParam("city") String city,
      @FormParam("token") String token,
      @FormParam("scope") String scope,
      @FormParam("lang") String lang) {
    PageTexts t = PageTexts.in(lang);
    try {
      boolean everything = SubscriptionsResource.everything(scope);
      SubscriptionsResource.call(() -> subscriptions.unsubscribe(token, everything));
      return done(
          city,
          t,
          t.text("unsubscribed.title"),
          t.text((everything ? "unsubscribe_all" : "unsubscribe") + ".done"));
    } catch (ProblemException e) {
      return failed(city, t, e);
    }
  }

  private Response done(String city, PageTexts t, String title, String message) {
    return page(200, city, t, title, message, "", "", "", "");
  }

  /** A refusal in the page's language; the problem's own detail is for API clients. */
  private Response failed(String city, PageTexts t, ProblemException e) {
    int status = e.problem().status();
    String key = "failed." + (List.of(400, 404, 409, 429, 503).contains(status) ? status : 400);
    return page(status, city, t, t.text("failed.title"), t.text(key), "", "", "", "");
  }

  private static Response page(
      int status,
      String city,
      PageTexts t,
      String title,
      String message,
      String action,
      String token,
      String scope,
      String button) {
    String html =
        PAGE.render(
            Map.ofEntries(
                Map.entry("city", city),
                Map.entry("lang", t.language()),
                Map.entry("home", t.text("home")),
                Map.entry("title", title),
                Map.entry("message", message),
                Map.entry("action", action),
                Map.entry("token", token == null ? "" : token),
                Map.entry("scope", scope),
                Map.entry("button", button),
                Map.entry("formHidden", action.isEmpty() ? "hidden" : "")));
    return Response.status(status)
        .entity(html)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}
