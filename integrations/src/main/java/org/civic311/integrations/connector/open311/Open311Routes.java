package org.civic311.integrations.connector.open311;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The Open311 downstream connector: one route template, instantiated per city and department. A
 * route takes a ready form (the request in GeoReport v2 terms, the remote's service code and {@code
 * api_key}) as its body and POSTs it to the remote server's {@code requests.json}, with the event's
 * idempotency key as {@code Idempotency-Key} (a server that honours it files a retried request
 * once) and {@code X-Acknowledge-Duplicate} (this city already checked for duplicates). The
 * remote's answer stays in the body for the caller. Like every route, it does not retry: the outbox
 * does.
 */
public class Open311Routes extends RouteBuilder {
  public static final String TEMPLATE = "open311";

  /** The exchange property with the event's idempotency key. */
  public static final String IDEMPOTENCY_KEY = "civic311.idempotencyKey";

  private final String routeConfiguration;

  public Open311Routes(String routeConfiguration) {
    this.routeConfiguration = routeConfiguration;
  }

  @Override
  public void configure() {
    routeTemplate(TEMPLATE)
        .templateParameter("endpoint", null, "the direct endpoint the outbox consumer sends to")
        .templateParameter("url", null, "the remote server's requests.json")
        .templateParameter("city", null, "the city's id (for the route's description)")
        .templateParameter("department", null, "the department's code")
        .templateParameter("version", null, "the configuration row's version")
        .from("direct:{{endpoint}}")
        .routeConfigurationId(routeConfiguration)
        .routeDescription("Open311 of {{department}} in city {{city}}, configuration {{version}}")
        .process(Open311Routes::headers)
        .setHeader(Exchange.HTTP_URI, constant("{{url}}"))
        .to("http://open311-server")
        .convertBodyTo(String.class);
  }

  static void headers(Exchange exchange) {
    var message = exchange.getMessage();
    message.removeHeaders("*");
    message.setHeader(Exchange.HTTP_METHOD, "POST");
    message.setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded; charset=utf-8");
    message.setHeader("Accept", "application/json");
    message.setHeader("Idempotency-Key", exchange.getProperty(IDEMPOTENCY_KEY, String.class));
    message.setHeader("X-Acknowledge-Duplicate", "true");
  }
}
