package org.civic311.integrations.camel;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The one error-handling configuration every connector route uses: no redelivery inside Camel and
 * no error handler that swallows or logs the failure. The exception goes back to the outbox
 * consumer that sent the event, which classifies it ({@code DeliveryFailure}): the outbox's retries
 * with backoff and jitter are persistent, shared by all instances and kept in order per request,
 * and a refusal becomes a dead letter the administrator sees. Retrying in memory here as well would
 * multiply deliveries and hide failures from the health page.
 */
public class DeliveryErrors extends RouteConfigurationBuilder {
  public static final String ID = "department-delivery";

  @Override
  public void configuration() {
    routeConfiguration(ID).errorHandler(noErrorHandler());
  }
}
