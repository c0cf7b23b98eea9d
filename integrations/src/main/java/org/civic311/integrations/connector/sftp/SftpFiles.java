package org.civic311.integrations.connector.sftp;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The file an event becomes on an SFTP server: named by its idempotency key ({@code <request
 * id>_<seq, 10 digits>.json} or {@code .csv}, so a repeat replaces the same file and a listing
 * sorts each request's events in order), holding the same JSON a webhook receives, or that JSON as
 * one CSV record under a header line.
 */
public final class SftpFiles {
  private static final jakarta.json.spi.JsonProvider JSON_PROVIDER =
      jakarta.json.spi.JsonProvider.provider();

  /** The CSV columns: the key, the event, then the request. */
  static final List<String> COLUMNS =
      List.of(
          "idempotency_key",
          "department",
          "seq",
          "type",
          "status",
          "previous_status",
          "public_note",
          "occurred_at",
          "service_request_id",
          "service_code",
          "service_name",
          "description",
          "channel",
          "lat",
          "long",
          "address_string",
          "requested_datetime",
          "updated_datetime",
          "expected_datetime",
          "media_url");

  private SftpFiles() {}

  public static String name(String requestId, int seq, String format) {
    return requestId + "_" + String.format("%010d", seq) + "." + format;
  }

  /** The file's bytes (UTF-8) for the event's JSON {@code body}. */
  public static byte[] content(String body, String format) {
    if (!"csv".equals(format)) {
      return body.getBytes(StandardCharsets.UTF_8);
    }
    JsonObject json;
    try (JsonReader reader = JSON_PROVIDER.createReader(new StringReader(body))) {
      json = reader.readObject();
    }
    JsonObject event = json.getJsonObject("event");
    JsonObject request = json.getJsonObject("service_request");
    StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
    for (int i = 0; i < COLUMNS.size(); i++) {
      String column = COLUMNS.get(i);
      JsonValue value =
          switch (column) {
            case "idempotency_key", "department" -> json.get(column);
            case "seq", "type", "status", "previous_status", "public_note", "occurred_at" ->
                event.get(column);
            default -> request.get(column);
          };
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(value));
    }
    return csv.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** RFC 4180: quoted when it holds a comma, quote or line break; a leading = + - @ defused. */
  static String cell(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return "";
    }
    String text;
    if (value instanceof JsonString s) {
      text = s.getString();
    } else if (value instanceof JsonNumber n) {
      return n.toString();
    } else {
      text = value.toString();
    }
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text; // a spreadsheet would run it as a formula
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
