package org.civic311.integrations.connector.webhook;

import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The webhook connector: one route template, instantiated per city and department (never per city
 * in code). A route takes one event as its JSON body, signs it, adds the idempotency key and the
 * department's {@code Authorization}, and POSTs it to the department's URL. It does not retry: a
 * failure goes back to the caller (the outbox), whose retries are persistent, spread over instances
 * and visible to the administrator.
 *
 * <p>Secrets are never template parameters (those show up in route dumps and management); they ride
 * on the exchange as properties that the signing step removes once used, and properties are never
 * sent as HTTP headers.
 */
public class WebhookRoutes extends RouteBuilder {
  public static final String TEMPLATE = "webhook";

  /** Exchange properties the sender sets. */
  public static final String SIGNING_SECRET = "civic311.signingSecret";

  public static final String AUTHORIZATION = "civic311.authorization";
  public static final String IDEMPOTENCY_KEY = "civic311.idempotencyKey";
  public static final String EVENT_TYPE = "civic311.eventType";

  /** The shared error-handling configuration the routes use (see {@code DeliveryErrors}). */
  private final String routeConfiguration;

  private final Clock clock;

  public WebhookRoutes(String routeConfiguration, Clock clock) {
    this.routeConfiguration = routeConfiguration;
    this.clock = clock;
  }

  @Override
  public void configure() {
    routeTemplate(TEMPLATE)
        .templateParameter("endpoint", null, "the direct endpoint the outbox consumer sends to")
        .templateParameter("url", null, "the department's URL")
        .templateParameter("city", null, "the city's id (for the route's description)")
        .templateParameter("department", null, "the department's code")
        .templateParameter("version", null, "the configuration row's version")
        .from("direct:{{endpoint}}")
        .routeConfigurationId(routeConfiguration)
        .routeDescription("webhook of {{department}} in city {{city}}, configuration {{version}}")
        .process(this::sign)
        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
        .setHeader(Exchange.CONTENT_TYPE, constant("application/json; charset=utf-8"))
        // The URL goes in as a header, not as the endpoint URI: Camel would read the URL's query
        // as endpoint options and reorder it. One endpoint (one pool of connections) serves all.
        .setHeader(Exchange.HTTP_URI, constant("{{url}}"))
        .to("http://department-system");
  }

  /** Signs the body and sets the outgoing headers; the secrets leave the exchange here. */
  void sign(Exchange exchange) {
    String body = exchange.getMessage().getBody(String.class);
    String secret = exchange.getProperty(SIGNING_SECRET, String.class);
    String authorization = exchange.getProperty(AUTHORIZATION, String.class);
    exchange.removeProperty(SIGNING_SECRET);
    exchange.removeProperty(AUTHORIZATION);
    if (body == null || secret == null) {
      throw new IllegalStateException("a webhook message needs a body and a signing secret");
    }
    long now = clock.instant().getEpochSecond();
    var message = exchange.getMessage();
    message.removeHeaders("*");
    message.setHeader(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(now));
    message.setHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, now, body));
    message.setHeader(
        WebhookSignature.IDEMPOTENCY_HEADER, exchange.getProperty(IDEMPOTENCY_KEY, String.class));
    message.setHeader(
        WebhookSignature.EVENT_HEADER, exchange.getProperty(EVENT_TYPE, String.class));
    if (authorization != null) {
      message.setHeader("Authorization", authorization);
    }
  }
}
