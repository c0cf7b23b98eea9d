package org.civic311.integrations.connector.email;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.civic311.platform.notification.application.Mailer;
import org.civic311.platform.notification.application.OutgoingMail;

/**
 * The e-mail connector: one route template, instantiated per city and department, for a department
 * whose "system" is a shared mailbox. Each change of the department's requests becomes one message
 * to the mailbox, sent through the deployment's SMTP server as the city's mail is. Like the webhook
 * route, it does not retry: a failure goes back to the outbox. A message sent again after a failure
 * keeps its Message-ID and carries the idempotency key, so a mail rule or a person can drop it.
 */
public class EmailRoutes extends RouteBuilder {
  public static final String TEMPLATE = "email";

  /** The exchange property holding the message ({@link OutgoingMail}) the sender built. */
  public static final String MAIL = "civic311.mail";

  private final String routeConfiguration;
  private final Mailer mailer;

  public EmailRoutes(String routeConfiguration, Mailer mailer) {
    this.routeConfiguration = routeConfiguration;
    this.mailer = mailer;
  }

  @Override
  public void configure() {
    routeTemplate(TEMPLATE)
        .templateParameter("endpoint", null, "the direct endpoint the outbox consumer sends to")
        .templateParameter("city", null, "the city's id (for the route's description)")
        .templateParameter("department", null, "the department's code")
        .templateParameter("version", null, "the configuration row's version")
        .from("direct:{{endpoint}}")
        .routeConfigurationId(routeConfiguration)
        .routeDescription("e-mail to {{department}} in city {{city}}, configuration {{version}}")
        .process(this::send);
  }

  void send(Exchange exchange) throws Exception {
    OutgoingMail mail = exchange.getProperty(MAIL, OutgoingMail.class);
    if (mail == null) {
      throw new IllegalStateException("an e-mail delivery needs its message");
    }
    mailer.send(mail);
  }
}
