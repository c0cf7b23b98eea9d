package org.civic311.admin.provider.onboarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.civic311.platform.catalogue.application.AttributeDefinition;
import org.civic311.platform.catalogue.application.CategoryDefinition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a city's catalogue from its existing Open311 (GeoReport v2) server (ADR 0019): {@code
 * services.json}, then {@code services/{code}.json} for each service with {@code metadata} true.
 * The address is guarded: {@code http} or {@code https} only, no credentials, no private network
 * (loopback, site-local, link-local, unique-local) unless the deployment allows it, no redirects
 * followed, a timeout per answer and a size limit per answer.
 */
@ApplicationScoped
public class Open311Import {
  private static final JsonProvider JSON = JsonProvider.provider();
  static final int MAX_BYTES = 5_000_000;
  static final int MAX_SERVICES = 1_000;
  private static final int MAX_URL = 2_000;

  /**
   * Whether the address may be in a private network. Off in production, so the operator's form
   * cannot make the platform read its own internals; the tests and the demo import from a city of
   * the same deployment on localhost and turn it on.
   */
  @Inject
  @ConfigProperty(name = "civic311.provider.import-allow-private-networks", defaultValue = "false")
  boolean allowPrivateNetworks;

  /** How long to wait for each answer of the server (connecting included). */
  @Inject
  @ConfigProperty(name = "civic311.provider.import-timeout", defaultValue = "PT20S")
  Duration timeout;

  private volatile HttpClient client;

  /** One service of the server, as a category of the new city. */
  public record Service(String code, String sourceCode, CategoryDefinition definition) {}

  /** The server could not be read, or what it answered is not an Open311 catalogue. */
  public static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean timedOut;

    Unavailable(String message, boolean timedOut) {
      super(message, null, false, false);
      this.timedOut = timedOut;
    }

    Unavailable(String message) {
      this(message, false);
    }

    public boolean timedOut() {
      return timedOut;
    }
  }

  /** A service the server describes that cannot be a category of the new city. */
  public static final class Unusable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unusable(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The server's base address, checked (the host is looked up for the network check).
   *
   * @throws IllegalArgumentException naming {@code catalogue_url}
   */
  public URI check(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "catalogue_url: is required for an Open311 import (the server's base address, such as"
              + " https://311.example.org/open311/v2/)");
    }
    String trimmed = text.strip();
    if (trimmed.length() > MAX_URL) {
      throw new IllegalArgumentException("catalogue_url: at most " + MAX_URL + " characters");
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("catalogue_url: '" + trimmed + "' is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "catalogue_url: must start with http:// or https:// (not '" + uri.getScheme() + "')");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException("catalogue_url: '" + trimmed + "' has no host name");
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "catalogue_url: give the server's base address alone, without a user name, a query or"
              + " a fragment");
    }
    checkNetwork(uri.getHost());
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    // the operator may paste the services list's address: its base is what is meant
    path =
        path.replaceFirst("services\\.(json|xml)$", "").replaceFirst("discovery\\.(json|xml)$", "");
    if (!path.endsWith("/")) {
      path = path + "/";
    }
    return URI.create(scheme + "://" + uri.getRawAuthority() + path);
  }

  private void checkNetwork(String host) {
    if (allowPrivateNetworks) {
      return;
    }
    org.civic311.platform.shared.application.PublicHosts.require("catalogue_url", host);
  }

  /**
   * The server's public services with their definitions, as categories of the new city; {@code
   * progress} counts the definitions read.
   *
   * @throws Unavailable saying what went wrong, with the address it concerns
   */
  public List<Service> read(URI base, String jurisdiction, OnboardingJob progress) {
    String query =
        jurisdiction == null || jurisdiction.isBlank()
            ? ""
            : "?jurisdiction_id=" + URLEncoder.encode(jurisdiction.strip(), StandardCharsets.UTF_8);
    URI listUri = base.resolve("services.json" + query);
    JsonStructure answer = get(listUri);
    if (!(answer instanceof JsonArray list)) {
      throw notOpen311(listUri, "a JSON object, not the list of services");
    }
    if (list.size() > MAX_SERVICES) {
      throw new Unavailable(
          listUri
              + " lists "
              + list.size()
              + " services; at most "
              + MAX_SERVICES
              + " are imported");
    }
    List<JsonObject> services = new ArrayList<>();
    for (JsonValue v : list) {
      if (!(v instanceof JsonObject o) || text(o, "service_code") == null) {
        if (v instanceof JsonObject o && text(o, "description") != null) {
          // Open311's error list: [{"code": 400, "description": "..."}]
          throw new Unavailable(listUri + " answered Open311's error: " + text(o, "description"));
        }
        throw notOpen311(listUri, "a list whose entries have no service_code");
      }
      services.add(o);
    }
    int withDefinitions = (int) services.stream().filter(Open311Import::hasMetadata).count();
    progress.phase(OnboardingJob.Phase.FETCHING, withDefinitions);
    List<Service> result = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (JsonObject s : services) {
      String source = text(s, "service_code");
      String code = code(source);
      if (code.isEmpty() || !codes.add(code)) {
        throw new Unavailable(
            listUri
                + ": the service_code '"
                + source
                + "' cannot be a category code here (lowercase letters, digits and - _ .)"
                + (code.isEmpty() ? "" : " or is the same as another once lowercased"));
      }
      List<AttributeDefinition> attributes = List.of();
      if (hasMetadata(s)) {
        URI definitionUri =
            base.resolve(
                "services/"
                    + URLEncoder.encode(source, StandardCharsets.UTF_8).replace("+", "%20")
                    + ".json"
                    + query);
        attributes = attributes(definitionUri, get(definitionUri));
        progress.step();
      }
      String name = text(s, "service_name");
      String group = text(s, "group");
      String keywords = text(s, "keywords");
      result.add(
          new Service(
              code,
              source,
              new CategoryDefinition(
                  name == null ? source : name,
                  group,
                  null,
                  keywords == null
                      ? List.of()
                      : Arrays.stream(keywords.split(","))
                          .map(String::strip)
                          .filter(k -> !k.isEmpty())
                          .toList(),
                  text(s, "description"),
                  true,
                  false,
                  attributes,
                  null,
                  null,
                  null)));
    }
    return result;
  }

  /** A service code as a category code: lowercased, other characters as '-'. */
  static String code(String source) {
    return source
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9._-]+", "-")
        .replaceAll("^[-_.]+|[-_.]+$", "")
        .replaceAll("([-_.])[-_.]+", "$1");
  }

  private static boolean hasMetadata(JsonObject service) {
    JsonValue m = service.get("metadata");
    return m == JsonValue.TRUE
        || (m instanceof JsonString s && s.getString().equalsIgnoreCase("true"));
  }

  private static List<AttributeDefinition> attributes(URI uri, JsonStructure answer) {
    JsonObject definition;
    if (answer instanceof JsonObject o) {
      definition = o;
    } else if (answer instanceof JsonArray a && a.size() == 1 && a.get(0) instanceof JsonObject o) {
      definition = o; // some servers wrap the definition in a list
    } else {
      throw notOpen311(uri, "not a service definition");
    }
    JsonValue list = definition.get("attributes");
    if (list == null || list == JsonValue.NULL) {
      return List.of();
    }
    if (!(list instanceof JsonArray attributes)) {
      throw notOpen311(uri, "a service definition whose attributes are not a list");
    }
    List<AttributeDefinition> result = new ArrayList<>();
    for (JsonValue v : attributes) {
      if (!(v instanceof JsonObject a) || text(a, "code") == null) {
        throw notOpen311(uri, "a service definition with an attribute without a code");
      }
      List<AttributeDefinition.Value> values = null;
      if (a.get("values") instanceof JsonArray given && !given.isEmpty()) {
        values = new ArrayList<>();
        for (JsonValue value : given) {
          if (value instanceof JsonObject kv) {
            values.add(new AttributeDefinition.Value(text(kv, "key"), text(kv, "name")));
          }
        }
      }
      String order = text(a, "order");
      Integer position;
      try {
        position = order == null ? null : Integer.valueOf(order);
      } catch (NumberFormatException e) {
        position = null;
      }
      result.add(
          new AttributeDefinition(
              text(a, "code"),
              text(a, "datatype") == null ? null : text(a, "datatype").toLowerCase(Locale.ROOT),
              bool(a, "required"),
              a.containsKey("variable") ? bool(a, "variable") : Boolean.TRUE,
              position,
              text(a, "description"),
              text(a, "datatype_description"),
              values));
    }
    return result;
  }

  /** A member as text (numbers and booleans too), or null when absent, null or blank. */
  private static String text(JsonObject o, String name) {
    JsonValue v = o.get(name);
    String s;
    if (v instanceof JsonString t) {
      s = t.getString();
    } else if (v instanceof JsonNumber n) {
      s = n.toString();
    } else if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
      s = v.toString();
    } else {
      return null;
    }
    return s.isBlank() ? null : s.strip();
  }

  private static Boolean bool(JsonObject o, String name) {
    String t = text(o, name);
    return t != null && (t.equalsIgnoreCase("true") || t.equals("1"));
  }

  private static Unavailable notOpen311(URI uri, String what) {
    return new Unavailable(uri + " is not an Open311 (GeoReport v2) server: it answered " + what);
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      c =
          HttpClient.newBuilder()
              .connectTimeout(timeout)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      client = c;
    }
    return c;
  }

  /** GETs {@code uri} as JSON, at most {@value #MAX_BYTES} bytes, within the timeout. */
  private JsonStructure get(URI uri) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json")
            .header("User-Agent", "Civic311 catalogue import")
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      throw new Unavailable(uri + " cannot be reached: no connection within " + seconds(), true);
    } catch (HttpTimeoutException e) {
      throw new Unavailable(uri + " did not answer within " + seconds(), true);
    } catch (IOException e) {
      throw new Unavailable(
          uri
              + " cannot be reached: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable(uri + ": the import was interrupted");
    }
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(MAX_BYTES + 1);
    } catch (HttpTimeoutException e) {
      throw new Unavailable(uri + " did not answer within " + seconds(), true);
    } catch (IOException e) {
      throw new Unavailable(uri + ": the answer broke off: " + e.getMessage());
    }
    int status = response.statusCode();
    if (status >= 300 && status < 400) {
      throw new Unavailable(
          uri
              + " answered "
              + status
              + " (a redirect to "
              + response.headers().firstValue("Location").orElse("nowhere")
              + "); give that address instead");
    }
    if (status != 200) {
      throw new Unavailable(uri + " answered HTTP " + status + errorOf(body));
    }
    if (body.length > MAX_BYTES) {
      throw new Unavailable(uri + " answered more than " + MAX_BYTES / 1_000_000 + " MB");
    }
    String type = response.headers().firstValue("Content-Type").orElse("no Content-Type");
    try {
      return JSON.createReader(new ByteArrayInputStream(body)).read();
    } catch (JsonException | IllegalStateException e) {
      throw notOpen311(uri, type + ", not JSON");
    }
  }

  /** Open311's error list in a refusal ({@code [{"code": 400, "description": "..."}]}), if any. */
  private static String errorOf(byte[] body) {
    try {
      JsonStructure json = JSON.createReader(new ByteArrayInputStream(body)).read();
      if (json instanceof JsonArray a
          && !a.isEmpty()
          && a.get(0) instanceof JsonObject o
          && text(o, "description") != null) {
        return " with Open311's error: " + text(o, "description");
      }
    } catch (JsonException | IllegalStateException e) {
      // not Open311's error list: the status says enough
    }
    return "";
  }

  private String seconds() {
    return timeout.toSeconds() + " s";
  }
}
