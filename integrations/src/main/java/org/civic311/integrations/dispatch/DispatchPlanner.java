package org.civic311.integrations.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.civic311.integrations.config.ConnectorKind;
import org.civic311.integrations.config.DepartmentConnection;
import org.civic311.integrations.config.IntegrationSettings;
import org.civic311.integrations.config.RemoteOpen311;
import org.civic311.integrations.config.SftpDrop;
import org.civic311.integrations.connector.email.DepartmentMail;
import org.civic311.integrations.connector.open311.Open311Forward;
import org.civic311.integrations.connector.open311.RemoteRequests;
import org.civic311.integrations.connector.sftp.SftpFiles;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.catalogue.application.CategorySummary;
import org.civic311.platform.catalogue.application.DepartmentSummary;
import org.civic311.platform.notification.application.MailOffice;
import org.civic311.platform.notification.application.OutgoingMail;
import org.civic311.platform.request.application.RequestIntakeService;
import org.civic311.platform.request.application.RequestSummary;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.shared.application.OutboxMessage;
import org.civic311.platform.shared.application.TenantTransactional;

/**
 * Decides, as the event's city and inside its transaction, whether an event goes to a department
 * and builds what it says: the department the request's category routes to, that department's
 * connection if it has an enabled one, and the message. Personal data stays out (no reporter, no
 * follower, no internal note); the event's own status is sent, not the request's current one, so a
 * late delivery still tells the story in order.
 */
@ApplicationScoped
public class DispatchPlanner {
  /**
   * Looked up once: {@code Json}'s static methods look the provider up (a class-path scan) on every
   * call.
   */
  private static final jakarta.json.spi.JsonProvider JSON_PROVIDER =
      jakarta.json.spi.JsonProvider.provider();

  @Inject RequestIntakeService requests;
  @Inject CatalogueService catalogue;
  @Inject IntegrationSettings settings;
  @Inject MailOffice mailOffice;
  @Inject RemoteRequests remoteRequests;

  @TenantTransactional
  public Optional<Dispatch> plan(OutboxMessage message) {
    Optional<RequestSummary> request = requests.find(message.requestId().toString());
    if (request.isEmpty() || request.get().categoryCode() == null) {
      return Optional.empty();
    }
    Optional<CategorySummary> category = catalogue.byCode(request.get().categoryCode());
    String department = category.map(CategorySummary::departmentCode).orElse(null);
    if (department == null) {
      return Optional.empty();
    }
    Optional<DepartmentConnection> connection =
        settings.connection(department).filter(DepartmentConnection::enabled);
    if (connection.isEmpty()) {
      return Optional.empty();
    }
    String key = message.requestId() + ":" + message.seq();
    String body = body(key, department, message, request.get());
    OutgoingMail mail = null;
    if (connection.get().kind() == ConnectorKind.EMAIL) {
      String name =
          catalogue.department(department).map(DepartmentSummary::name).orElse(department);
      mail =
          DepartmentMail.of(
              mailOffice.identity(), name, connection.get().url().mailboxAddress(), key, body);
    }
    Dispatch.SftpFile sftp = null;
    if (connection.get().kind() == ConnectorKind.SFTP) {
      SftpDrop.Settings settings = SftpDrop.of(connection.get().url(), connection.get().options());
      sftp =
          new Dispatch.SftpFile(
              settings,
              SftpFiles.name(message.requestId().toString(), message.seq(), settings.format()),
              SftpFiles.content(body, settings.format()));
    }
    Open311Forward open311 = null;
    if (connection.get().kind() == ConnectorKind.OPEN311) {
      open311 = forward(connection.get(), key, request.get());
    }
    return Optional.of(
        new Dispatch(
            CurrentTenant.require().toString(),
            connection.get(),
            key,
            message.type(),
            body,
            mail,
            open311,
            sftp));
  }

  /**
   * The request as a GeoReport v2 {@code POST requests}, once per request: after its first
   * delivery, the remote server tracks the work and its updates come back by polling.
   */
  private Open311Forward forward(DepartmentConnection c, String key, RequestSummary r) {
    if (remoteRequests.remoteId(c.department(), r.id()).isPresent()) {
      return Open311Forward.forwarded();
    }
    RemoteOpen311.Settings remote = RemoteOpen311.of(c.url(), c.options());
    Optional<String> code = remote.remoteCode(r.categoryCode());
    if (code.isEmpty()) {
      return Open311Forward.refused(
          "service_code '"
              + r.categoryCode()
              + "' has no remote code in the integration's service_codes; add it and replay");
    }
    Map<String, String> form = new LinkedHashMap<>();
    if (remote.jurisdictionId() != null) {
      form.put("jurisdiction_id", remote.jurisdictionId());
    }
    form.put("api_key", c.secret());
    form.put("service_code", code.get());
    if (r.latitude() != null && r.longitude() != null) {
      form.put("lat", r.latitude().toPlainString());
      form.put("long", r.longitude().toPlainString());
    }
    if (r.address() != null) {
      form.put("address_string", r.address());
    }
    if (r.description() != null) {
      form.put("description", r.description());
    }
    if (r.mediaUrl() != null) {
      form.put("media_url", r.mediaUrl());
    }
    StringBuilder encoded = new StringBuilder();
    form.forEach(
        (name, value) -> {
          if (encoded.length() > 0) {
            encoded.append('&');
          }
          encoded
              .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
    return new Open311Forward(
        false, null, remote.resolve("requests.json"), r.id(), encoded.toString());
  }

  static String body(String key, String department, OutboxMessage message, RequestSummary r) {
    JsonObject event;
    try (JsonReader reader = JSON_PROVIDER.createReader(new StringReader(message.payload()))) {
      event = reader.readObject();
    }
    JsonObjectBuilder e =
        JSON_PROVIDER
            .createObjectBuilder()
            .add("seq", message.seq())
            .add("type", message.type())
            .add("status", event.getString("status", r.statusName()));
    copy(event, "previous_status", e);
    copy(event, "public_note", e);
    copy(event, "at", e, "occurred_at");
    JsonObjectBuilder request =
        JSON_PROVIDER
            .createObjectBuilder()
            .add("service_request_id", r.id())
            .add("service_code", r.categoryCode())
            .add("service_name", text(r.categoryName()))
            .add("description", text(r.description()))
            .add("channel", text(r.channel()));
    number(request, "lat", r.latitude());
    number(request, "long", r.longitude());
    if (r.address() != null) {
      request.add("address_string", r.address());
    }
    time(request, "requested_datetime", r.createdAt());
    time(request, "updated_datetime", r.updatedAt());
    time(request, "expected_datetime", r.expectedAt());
    if (r.mediaUrl() != null) {
      request.add("media_url", r.mediaUrl());
    }
    return JSON_PROVIDER
        .createObjectBuilder()
        .add("idempotency_key", key)
        .add("department", department)
        .add("event", e)
        .add("service_request", request)
        .build()
        .toString();
  }

  private static void copy(JsonObject from, String name, JsonObjectBuilder to) {
    copy(from, name, to, name);
  }

  private static void copy(JsonObject from, String name, JsonObjectBuilder to, String as) {
    JsonValue value = from.get(name);
    if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
      to.add(as, value);
    }
  }

  private static void number(JsonObjectBuilder to, String name, BigDecimal value) {
    if (value != null) {
      to.add(name, value);
    }
  }

  private static void time(JsonObjectBuilder to, String name, OffsetDateTime value) {
    if (value != null) {
      to.add(name, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
