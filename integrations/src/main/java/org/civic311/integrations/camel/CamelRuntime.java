package org.civic311.integrations.camel;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.civic311.integrations.connector.webhook.WebhookRoutes;
import org.civic311.platform.shared.application.SchemaMigrated;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deployment's one CamelContext (Camel 4 has no Jakarta EE integration; stack notes). It is
 * built when the application deploys, started once the schema is migrated (before the outbox
 * pollers, which observe the same event later), and stopped with the application.
 *
 * <p>It holds the route templates, one per connector kind, and the one shared error-handling
 * configuration. Routes are made from a template per city and department on first use, from that
 * department's configuration row, and made again when the row's version changes: a thousand
 * configured cities cost nothing until their departments have something to send, and no city has
 * code or a context of its own.
 *
 * <p>Nothing in a route touches the database: Camel's threads carry no JTA transaction, and the
 * routes run on the caller's thread (direct endpoints) with everything they need on the exchange.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CamelRuntime {
  private static final Logger LOG = Logger.getLogger(CamelRuntime.class.getName());

  @Inject Clock clock;
  @Inject org.civic311.platform.notification.application.Mailer mailer;

  @Inject
  @ConfigProperty(name = "civic311.integrations.connect-timeout", defaultValue = "PT5S")
  Duration connectTimeout;

  @Inject
  @ConfigProperty(name = "civic311.integrations.response-timeout", defaultValue = "PT15S")
  Duration responseTimeout;

  private DefaultCamelContext context;
  private ProducerTemplate producer;
  private volatile boolean started;

  /** Route id → the template parameters it was made with. */
  private final Map<String, Map<String, Object>> routes = new ConcurrentHashMap<>();

  @PostConstruct
  void build() {
    try {
      DefaultCamelContext camel = new DefaultCamelContext();
      camel.getCamelContextExtension().setName("civic311");
      // Components, languages and type converters are found through the WAR's class loader.
      camel.setApplicationContextClassLoader(CamelRuntime.class.getClassLoader());
      camel.getShutdownStrategy().setTimeout(10);
      camel.addComponent("http", http());
      camel.addComponent("https", http());
      camel.addRoutes(new DeliveryErrors());
      camel.addRoutes(new WebhookRoutes(DeliveryErrors.ID, clock));
      camel.addRoutes(
          new org.civic311.integrations.connector.email.EmailRoutes(DeliveryErrors.ID, mailer));
      camel.addRoutes(
          new org.civic311.integrations.connector.open311.Open311Routes(DeliveryErrors.ID));
      // Camel's sftp with the host key pinned per department and credentials per exchange
      camel.addComponent(
          "sftp", new org.civic311.integrations.connector.sftp.PinnedSftpComponent());
      camel.addRoutes(
          new org.civic311.integrations.connector.sftp.SftpRoutes(
              DeliveryErrors.ID, connectTimeout.toMillis()));
      context = camel;
    } catch (Exception e) {
      throw new IllegalStateException("Camel could not be set up: " + e.getMessage(), e);
    }
  }

  /** One HTTP client configuration for every department system. */
  private HttpComponent http() {
    HttpComponent http = new HttpComponent();
    // HttpClient 5 retries a 503 or 429 by itself when the body can be repeated: each of those is
    // a delivery the department sees. Retries are the outbox's job.
    http.setAutomaticRetriesDisabled(true);
    // A redirect is a configuration error to show, not something to follow with the signature.
    http.setRedirectHandlingDisabled(true);
    http.setCookieManagementDisabled(true);
    http.setConnectTimeout(connectTimeout.toMillis());
    http.setSoTimeout(responseTimeout.toMillis());
    http.setResponseTimeout(responseTimeout.toMillis());
    http.setConnectionRequestTimeout(connectTimeout.toMillis());
    http.setUserAgent("Civic311-Integrations");
    return http;
  }

  /** Starts the context once the schema is migrated, before the outbox pollers start. */
  public void start(
      @Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) SchemaMigrated migrated) {
    if (started) {
      return;
    }
    long begin = System.nanoTime();
    context.start();
    producer = context.createProducerTemplate();
    started = true;
    LOG.info(
        () ->
            "Camel "
                + context.getVersion()
                + " started in "
                + (System.nanoTime() - begin) / 1_000_000
                + " ms with route templates "
                + context.getRouteTemplateDefinitions().stream().map(t -> t.getId()).toList());
  }

  @PreDestroy
  void stop() {
    started = false;
    try {
      if (producer != null) {
        producer.stop();
      }
      context.stop();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Camel did not stop cleanly: " + e.getMessage());
    }
  }

  public boolean started() {
    return started;
  }

  /**
   * Sends one message through the route {@code routeId}, made from {@code template} with {@code
   * parameters} (again, if it was made with others). The route runs on this thread; the returned
   * exchange carries the failure, if any.
   *
   * @throws IllegalStateException when the context is not started yet
   */
  public Exchange send(
      String template, String routeId, Map<String, Object> parameters, Processor message) {
    if (!started) {
      throw new IllegalStateException("Camel is not started yet");
    }
    Map<String, Object> wanted = new TreeMap<>(parameters);
    wanted.put("endpoint", routeId);
    routes.compute(
        routeId,
        (id, current) -> {
          if (wanted.equals(current) && context.getRoute(id) != null) {
            return current;
          }
          try {
            if (context.getRoute(id) != null) {
              context.getRouteController().stopRoute(id);
              context.removeRoute(id);
            }
            context.addRouteFromTemplate(id, template, wanted);
            LOG.fine(() -> "Route " + id + " made from template " + template);
            return wanted;
          } catch (Exception e) {
            throw new IllegalStateException(
                "Route " + id + " could not be made from " + template + ": " + e.getMessage(), e);
          }
        });
    return producer.send("direct:" + routeId, message);
  }

  /** How many routes this instance has made (for the health page and the benchmark). */
  public int routeCount() {
    return routes.size();
  }
}
