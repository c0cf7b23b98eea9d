package org.civic311.integrations.connector.open311;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/** Reads what a GeoReport v2 server answers to {@code POST requests.json}. */
public final class RemoteAnswer {
  private static final jakarta.json.spi.JsonProvider JSON_PROVIDER =
      jakarta.json.spi.JsonProvider.provider();
  static final int MAX_ID = 200;

  private RemoteAnswer() {}

  /**
   * The new request's {@code service_request_id} (or, from a server that answers with a {@code
   * token} only, {@code token:<token>}), or empty when the answer has neither.
   */
  public static Optional<String> serviceRequestId(String answer) {
    if (answer == null || answer.isBlank()) {
      return Optional.empty();
    }
    try (JsonReader reader = JSON_PROVIDER.createReader(new StringReader(answer))) {
      JsonValue value = reader.readValue();
      JsonObject first;
      if (value instanceof JsonArray a && !a.isEmpty() && a.get(0) instanceof JsonObject o) {
        first = o;
      } else if (value instanceof JsonObject o) {
        first = o;
      } else {
        return Optional.empty();
      }
      Optional<String> id = text(first, "service_request_id");
      return id.isPresent() ? id : text(first, "token").map(t -> "token:" + t);
    } catch (JsonException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> text(JsonObject o, String name) {
    JsonValue v = o.get(name);
    String text = null;
    if (v instanceof JsonString s) {
      text = s.getString().strip();
    } else if (v != null && v.getValueType() == JsonValue.ValueType.NUMBER) {
      text = v.toString();
    }
    if (text == null || text.isEmpty() || text.length() > MAX_ID) {
      return Optional.empty();
    }
    return Optional.of(text);
  }
}
