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
import java.util.Map;
import org.civic311.platform.notification.application.SubscriptionService;
import org.civic311.platform.shared.api.PageTemplate;
import org.civic311.platform.shared.api.ProblemException;

/**
 * The pages the links in residents' mail open. Opening a link changes nothing (mail scanners open
 * links too): the page asks for one press of a button, which posts the form back here.
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
  public Response askToConfirm(@PathParam("city") String city, @QueryParam("token") String token) {
    return page(
        200,
        city,
        "Confirm your e-mail updates",
        "Press the button to receive e-mail about this request's progress.",
        "confirm",
        token,
        "",
        "Confirm e-mail updates");
  }

  @POST
  @Path("confirm")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response confirm(@PathParam("city") String city, @FormParam("token") String token) {
    try {
      String request = SubscriptionsResource.call(() -> subscriptions.confirm(token));
      return done(city, "E-mail updates are on", "You will hear about request " + request + ".");
    } catch (ProblemException e) {
      return failed(city, e);
    }
  }

  @GET
  @Path("unsubscribe")
  @Produces(MediaType.TEXT_HTML)
  public Response askToUnsubscribe(
      @PathParam("city") String city,
      @QueryParam("token") String token,
      @QueryParam("scope") String scope) {
    boolean everything = "all".equals(scope);
    return page(
        200,
        city,
        everything ? "Stop all e-mail from this city" : "Stop e-mail about this request",
        everything
            ? "Press the button and this city will send this address no more e-mail."
            : "Press the button and you will receive no more e-mail about this request.",
        "unsubscribe",
        token,
        everything ? "all" : "request",
        "Unsubscribe");
  }

  @POST
  @Path("unsubscribe")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response unsubscribe(
      @PathParam("city") String city,
      @FormParam("token") String token,
      @FormParam("scope") String scope) {
    try {
      boolean everything = SubscriptionsResource.everything(scope);
      SubscriptionsResource.call(() -> subscriptions.unsubscribe(token, everything));
      return done(
          city,
          "You are unsubscribed",
          everything
              ? "This city will send this address no more e-mail."
              : "You will receive no more e-mail about this request.");
    } catch (ProblemException e) {
      return failed(city, e);
    }
  }

  private Response done(String city, String title, String message) {
    return page(200, city, title, message, "", "", "", "");
  }

  private Response failed(String city, ProblemException e) {
    return page(
        e.problem().status(), city, "This link did not work", e.problem().detail(), "", "", "", "");
  }

  private static Response page(
      int status,
      String city,
      String title,
      String message,
      String action,
      String token,
      String scope,
      String button) {
    String html =
        PAGE.render(
            Map.of(
                "city", city,
                "title", title,
                "message", message,
                "action", action,
                "token", token == null ? "" : token,
                "scope", scope,
                "button", button,
                "formHidden", action.isEmpty() ? "hidden" : ""));
    return Response.status(status)
        .entity(html)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}
