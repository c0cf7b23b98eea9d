package org.civic311.platform.shared.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Open311 GeoReport v2's two wire formats from one tree of ordered maps: XML (required by the
 * standard: its element names, {@code text/xml; charset=utf-8}, the XML declaration) and JSON (the
 * Spark convention: a list of objects). Ids and codes are written as strings, booleans as booleans,
 * numbers as numbers; null and blank values are omitted (an empty list is kept: it says "none"). A
 * list inside a record becomes an element holding one child per item, named by {@link #ITEM_NAMES}.
 */
public final class Open311Wire {
  /**
   * Looked up once: {@code Json}'s static methods look the provider up (a class-path scan) on every
   * call.
   */
  private static final jakarta.json.spi.JsonProvider JSON_PROVIDER =
      jakarta.json.spi.JsonProvider.provider();

  public static final String XML = "text/xml; charset=utf-8";
  public static final String JSON = "application/json; charset=utf-8";

  /** The element name of one item of each list the standard and its extensions use. */
  static final Map<String, String> ITEM_NAMES =
      Map.of(
          "endpoints", "endpoint",
          "formats", "format",
          "attributes", "attribute",
          "values", "value",
          "notes", "note",
          "errors", "error",
          "service_requests", "request",
          "services", "service",
          "service_request_updates", "request_update");

  /** The two formats, chosen by the path suffix. */
  public enum Format {
    XML,
    JSON;

    public static Format of(String suffix) {
      return "json".equalsIgnoreCase(suffix) ? JSON : XML;
    }

    public String mediaType() {
      return this == JSON ? Open311Wire.JSON : Open311Wire.XML;
    }
  }

  private Open311Wire() {}

  /** An ordered record to fill. */
  public static Map<String, Object> record() {
    return new LinkedHashMap<>();
  }

  /** A list response: {@code <root><item>...</item></root>} or a JSON array. */
  public static Response list(
      Response.StatusType status, Format format, String root, List<Map<String, Object>> items) {
    String body = format == Format.JSON ? jsonArray(items).build().toString() : xml(root, items);
    return Response.status(status).type(format.mediaType()).entity(body).build();
  }

  /** A single-object response (discovery, a service definition). */
  public static Response object(Format format, String root, Map<String, Object> object) {
    String body = format == Format.JSON ? jsonObject(object).build().toString() : xml(root, object);
    return Response.ok(body, format.mediaType()).build();
  }

  /** The standard's error list, with the HTTP status as the code. */
  public static Response error(Response.StatusType status, Format format, String description) {
    return error(status.getStatusCode(), format, description);
  }

  /** For codes JAX-RS has no constant for (422). */
  public static Response error(int status, Format format, String description) {
    return error(status, status, format, description);
  }

  /** An error whose code in the body differs from the HTTP status (100, duplicate, under 400). */
  public static Response error(int status, int code, Format format, String description) {
    return Response.status(status)
        .type(format.mediaType())
        .entity(errorBody(code, format, description))
        .build();
  }

  /** Several errors of the same status in one list: every wrong answer of a report at once. */
  public static Response errors(
      Response.StatusType status, Format format, List<String> descriptions) {
    return Response.status(status)
        .type(format.mediaType())
        .entity(errorsBody(status.getStatusCode(), format, descriptions))
        .build();
  }

  /** The error list's body alone, for code that writes the response itself (a servlet filter). */
  public static String errorBody(int status, Format format, String description) {
    return errorsBody(status, format, List.of(description));
  }

  private static String errorsBody(int status, Format format, List<String> descriptions) {
    List<Map<String, Object>> errors = new java.util.ArrayList<>();
    for (String description : descriptions) {
      Map<String, Object> error = record();
      error.put("code", status);
      error.put("description", description);
      errors.add(error);
    }
    return format == Format.JSON ? jsonArray(errors).build().toString() : xml("errors", errors);
  }

  /**
   * The JDK's own StAX writer, whatever else is on the class path (Twilio's library brings
   * Woodstox, which writes the XML declaration with single quotes; Open311 clients expect the usual
   * form).
   */
  private static final XMLOutputFactory STAX = XMLOutputFactory.newDefaultFactory();

  private static final java.time.format.DateTimeFormatter W3_TIME =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  /** A W3 date-time: seconds always present, no fraction, an offset ({@code Z} for UTC). */
  public static String time(java.time.OffsetDateTime time) {
    return time == null
        ? null
        : W3_TIME.format(time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  /** The format a path asks for by its suffix ({@code .json}, otherwise XML). */
  public static Format formatOf(String path) {
    return path != null && path.endsWith(".json") ? Format.JSON : Format.XML;
  }

  // ---- JSON

  private static JsonArrayBuilder jsonArray(List<?> items) {
    JsonArrayBuilder array = JSON_PROVIDER.createArrayBuilder();
    for (Object item : items) {
      if (item instanceof Map<?, ?> map) {
        array.add(jsonObject(map));
      } else {
        array.add(String.valueOf(item));
      }
    }
    return array;
  }

  private static JsonObjectBuilder jsonObject(Map<?, ?> map) {
    JsonObjectBuilder object = JSON_PROVIDER.createObjectBuilder();
    map.forEach(
        (key, value) -> {
          String name = String.valueOf(key);
          if (isEmpty(value)) {
            return;
          }
          if (value instanceof Boolean b) {
            object.add(name, b);
          } else if (value instanceof BigDecimal d) {
            object.add(name, d);
          } else if (value instanceof Integer i) {
            object.add(name, i);
          } else if (value instanceof Long l) {
            object.add(name, l);
          } else if (value instanceof Map<?, ?> nested) {
            object.add(name, jsonObject(nested));
          } else if (value instanceof List<?> list) {
            object.add(name, jsonArray(list));
          } else {
            object.add(name, String.valueOf(value));
          }
        });
    return object;
  }

  // ---- XML

  private static String xml(String root, Object content) {
    try {
      StringWriter out = new StringWriter();
      XMLStreamWriter xml = STAX.createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement(root);
      writeContent(xml, root, content);
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
      return out.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Open311 XML could not be written", e);
    }
  }

  private static void writeContent(XMLStreamWriter xml, String name, Object content)
      throws XMLStreamException {
    if (content instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!isEmpty(e.getValue())) {
          xml.writeStartElement(String.valueOf(e.getKey()));
          writeContent(xml, String.valueOf(e.getKey()), e.getValue());
          xml.writeEndElement();
        }
      }
    } else if (content instanceof List<?> list) {
      String item = ITEM_NAMES.getOrDefault(name, "item");
      for (Object element : list) {
        xml.writeStartElement(item);
        writeContent(xml, item, element);
        xml.writeEndElement();
      }
    } else if (content instanceof BigDecimal d) {
      xml.writeCharacters(d.toPlainString());
    } else {
      xml.writeCharacters(String.valueOf(content));
    }
  }

  private static boolean isEmpty(Object value) {
    return value == null || (value instanceof String s && s.isBlank());
  }
}
