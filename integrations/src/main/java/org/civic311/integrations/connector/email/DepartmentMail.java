package org.civic311.integrations.connector.email;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import org.civic311.platform.notification.application.MailIdentity;
import org.civic311.platform.notification.application.OutgoingMail;
import org.civic311.platform.shared.domain.Html;

/**
 * One change of a request as a message to a department's mailbox: a subject a person can sort by,
 * the change and the request in plain text, and the same JSON a webhook receives, for a mail rule
 * or a script. No personal data, as in the webhook.
 */
public final class DepartmentMail {
  private static final jakarta.json.spi.JsonProvider JSON =
      jakarta.json.spi.JsonProvider.provider();

  /** The header that carries the idempotency key ({@code <request id>:<seq>}). */
  public static final String KEY_HEADER = "X-Civic311-Idempotency-Key";

  private DepartmentMail() {}

  /**
   * @param body the webhook's JSON body for this change
   * @param mailbox the department's address
   */
  public static OutgoingMail of(
      MailIdentity city, String departmentName, String mailbox, String key, String body) {
    JsonObject message;
    try (JsonReader reader = JSON.createReader(new StringReader(body))) {
      message = reader.readObject();
    }
    JsonObject event = message.getJsonObject("event");
    JsonObject request = message.getJsonObject("service_request");
    String id = request.getString("service_request_id");
    String type = event.getString("type");
    String subject =
        "["
            + city.cityName()
            + "] "
            + departmentName
            + ": "
            + request.getString("service_name", request.getString("service_code"))
            + " "
            + id.substring(0, 8)
            + " "
            + switch (type) {
              case "created" -> "new request";
              case "status_changed" -> "now " + event.getString("status").replace('_', ' ');
              case "note" -> "note";
              case "supported" -> "reported again (me too)";
              case "duplicate" -> "marked a duplicate";
              default -> type;
            };
    StringBuilder text = new StringBuilder();
    line(text, "Request", id);
    line(
        text,
        "Category",
        request.getString("service_name", "") + " (" + request.getString("service_code") + ")");
    line(text, "Change", type + " (#" + event.getInt("seq") + ")");
    line(text, "Status", event.getString("status", ""));
    line(text, "When", event.getString("occurred_at", ""));
    line(text, "Public note", event.getString("public_note", null));
    line(text, "Description", request.getString("description", null));
    line(text, "Address", request.getString("address_string", null));
    if (request.containsKey("lat")
        && request.get("lat").getValueType() == JsonValue.ValueType.NUMBER) {
      line(text, "Location", request.getJsonNumber("lat") + ", " + request.getJsonNumber("long"));
    }
    line(text, "Expected by", request.getString("expected_datetime", null));
    line(text, "Idempotency key", key);
    text.append("\nThe same change as JSON (as a webhook receives it):\n")
        .append(body)
        .append('\n');
    String html =
        "<pre style=\"font-family: monospace; white-space: pre-wrap\">"
            + Html.escape(text.toString())
            + "</pre>";
    return new OutgoingMail(
        "<" + key.replace(':', '.') + "." + mailbox.hashCode() + "@integrations.civic311>",
        city.senderAddress(),
        city.senderName(),
        null,
        mailbox,
        subject,
        text.toString(),
        html,
        Map.of(KEY_HEADER, key));
  }

  private static void line(StringBuilder text, String label, String value) {
    if (value != null && !value.isBlank()) {
      text.append(label).append(": ").append(value).append('\n');
    }
  }
}
