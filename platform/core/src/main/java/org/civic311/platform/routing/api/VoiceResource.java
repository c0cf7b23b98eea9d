package org.civic311.platform.routing.api;

import com.twilio.security.RequestValidator;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.platform.routing.application.PhoneRoutingService;
import org.civic311.platform.routing.domain.EntryPoint;
import org.civic311.platform.shared.api.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The telephony provider's webhook (Twilio's Voice API): a call to any city's number arrives here,
 * the dialled number ({@code To}) has already picked the city (the city filter), and the answer is
 * TwiML: the 911 prompt, the greeting, the language menu, then the queue, a forward, voicemail or
 * the after-hours trouble line, as the city's routing and hours say. Every request must carry a
 * valid {@code X-Twilio-Signature}; anything else is refused with 403 and no TwiML.
 */
@RequestScoped
@PermitAll
@Path("api/v1/voice")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_XML)
public class VoiceResource {
  @Inject PhoneRoutingService routing;

  @Inject
  @ConfigProperty(name = "civic311.voice.auth-token")
  Optional<String> authToken;

  /** The address the provider calls, when the server sees another one (behind a proxy). */
  @Inject
  @ConfigProperty(name = "civic311.voice.public-url")
  Optional<String> publicUrl;

  @Context HttpServletRequest servlet;
  @Context UriInfo uri;

  @POST
  @Path("incoming")
  public Response incoming() {
    Map<String, String> form = verifiedForm();
    return twiml(Twiml.of(decide(form, Optional.empty()).steps()));
  }

  /** The caller pressed a key in the language menu. */
  @POST
  @Path("language")
  public Response language() {
    Map<String, String> form = verifiedForm();
    PhoneRoutingService.Decision first = decide(form, Optional.empty());
    List<String> languages = first.entryPoint().languages();
    if (languages.isEmpty()) { // no menu on this line: carry on in its only language
      return twiml(Twiml.of(decide(form, Optional.of("en")).steps()));
    }
    int choice = digit(form).filter(d -> d >= 1 && d <= languages.size()).orElse(1);
    return twiml(Twiml.of(decide(form, Optional.of(languages.get(choice - 1))).steps()));
  }

  /** The caller chose an urgent category on the after-hours trouble line. */
  @POST
  @Path("urgent")
  public Response urgent() {
    Map<String, String> form = verifiedForm();
    String lang = Optional.ofNullable(uri.getQueryParameters().getFirst("lang")).orElse("en");
    PhoneRoutingService.Decision decision = decide(form, Optional.of(lang));
    EntryPoint entry = decision.entryPoint();
    // the trouble line in force now (in or out of hours) says where urgent calls go
    var action = decision.open() ? entry.inHours() : entry.outOfHours();
    Optional<Integer> choice = digit(form).filter(d -> d >= 1 && d <= entry.urgent().size());
    if (choice.isEmpty() || action.forwardTo() == null) {
      return twiml(Twiml.otherwise(lang));
    }
    return twiml(Twiml.connect(action.forwardTo(), lang));
  }

  private PhoneRoutingService.Decision decide(Map<String, String> form, Optional<String> locale) {
    try {
      return routing.decide(form.get("To"), routing.now(), locale);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("This number is not one of the city's entry points.");
    }
  }

  /**
   * The POSTed parameters, once Twilio's signature over the public URL and them checks out.
   *
   * @throws ProblemException 403 when the signature is missing or wrong, 503 when no token is set
   */
  private Map<String, String> verifiedForm() {
    if (authToken.isEmpty() || authToken.get().isBlank()) {
      throw new ProblemException(
          Response.Status.SERVICE_UNAVAILABLE,
          "The voice webhook is not configured (CIVIC311_VOICE_AUTH_TOKEN).");
    }
    Map<String, String> form = new HashMap<>();
    var query = uri.getQueryParameters();
    servlet
        .getParameterMap()
        .forEach(
            (name, values) -> {
              // the signature covers the body's parameters; the query is part of the URL
              if (!query.containsKey(name) && values.length > 0) {
                form.put(name, values[0]);
              }
            });
    String signature = servlet.getHeader("X-Twilio-Signature");
    String url =
        publicUrl
                .map(u -> u.replaceAll("/+$", "") + uri.getRequestUri().getRawPath())
                .orElse(servlet.getRequestURL().toString())
            + (servlet.getQueryString() == null ? "" : "?" + servlet.getQueryString());
    if (signature == null
        || !new RequestValidator(authToken.get()).validate(url, form, signature)) {
      throw new ProblemException(
          Response.Status.FORBIDDEN, "The request is not signed by the telephony provider.");
    }
    query.forEach((name, values) -> form.putIfAbsent(name, values.get(0)));
    return form;
  }

  private static Optional<Integer> digit(Map<String, String> form) {
    String digits = form.get("Digits");
    return digits != null && digits.matches("\\d")
        ? Optional.of(Integer.parseInt(digits))
        : Optional.empty();
  }

  private static Response twiml(String xml) {
    return Response.ok(xml, "application/xml; charset=utf-8").build();
  }
}
