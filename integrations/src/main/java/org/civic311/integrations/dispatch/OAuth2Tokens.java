package org.civic311.integrations.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.civic311.integrations.config.OAuth2Client;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Access tokens for departments whose systems want OAuth 2.0 (client credentials grant, RFC 6749
 * section 4.4): got from the department's token endpoint on first use, kept in this instance's
 * memory until 30 s before they expire, and forgotten when the department answers 401 (revoked, or
 * its clock differs). The client authenticates with HTTP Basic (section 2.3.1). Keyed by city,
 * department and configuration version, so a changed client is never served an old token.
 */
@ApplicationScoped
public class OAuth2Tokens {
  private static final jakarta.json.spi.JsonProvider JSON =
      jakarta.json.spi.JsonProvider.provider();
  private static final Duration MARGIN = Duration.ofSeconds(30);

  /** The token endpoint refused the client for good (a 4xx): its settings need fixing. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** The token endpoint could not answer now (unreachable, 5xx, unreadable): try again later. */
  public static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message, null, false, false);
    }
  }

  private record Token(String value, Instant renewAt) {}

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "civic311.integrations.connect-timeout", defaultValue = "PT5S")
  Duration connectTimeout;

  @Inject
  @ConfigProperty(name = "civic311.integrations.response-timeout", defaultValue = "PT15S")
  Duration responseTimeout;

  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private volatile HttpClient http;

  /**
   * The {@code Authorization} value for {@code client}, from the cache or fresh.
   *
   * @throws Refused when the token endpoint refuses the client
   * @throws Unavailable when it cannot answer now
   */
  public String authorization(String key, OAuth2Client client) {
    Token token = tokens.get(key);
    if (token == null || !clock.instant().isBefore(token.renewAt())) {
      token = fetch(client);
      tokens.put(key, token);
    }
    return "Bearer " + token.value();
  }

  /** Forgets the token: the department refused it. */
  public void forget(String key) {
    tokens.remove(key);
  }

  private Token fetch(OAuth2Client client) {
    StringBuilder form = new StringBuilder("grant_type=client_credentials");
    if (client.scope() != null) {
      form.append("&scope=").append(URLEncoder.encode(client.scope(), StandardCharsets.UTF_8));
    }
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (form(client.clientId()) + ":" + form(client.clientSecret()))
                    .getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(client.tokenUrl())
            .timeout(responseTimeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .header("Authorization", "Basic " + basic)
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build();
    HttpResponse<String> response;
    try {
      response = client().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Unavailable("the token endpoint cannot be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted while getting a token");
    }
    int status = response.statusCode();
    String body = response.body() == null ? "" : response.body().strip();
    if (status >= 400 && status < 500 && status != 408 && status != 429) {
      throw new Refused(
          "the token endpoint refused client '"
              + client.clientId()
              + "' (HTTP "
              + status
              + (body.isEmpty() ? "" : ": " + excerpt(body))
              + ")");
    }
    if (status < 200 || status >= 300) {
      throw new Unavailable("the token endpoint answered HTTP " + status);
    }
    try (JsonReader reader = JSON.createReader(new StringReader(body))) {
      JsonObject json = reader.readObject();
      String value = json.getString("access_token");
      long seconds =
          json.containsKey("expires_in") ? json.getJsonNumber("expires_in").longValue() : 300;
      Duration life = Duration.ofSeconds(Math.max(0, seconds));
      Instant renewAt =
          clock
              .instant()
              .plus(
                  life.compareTo(MARGIN.multipliedBy(2)) > 0
                      ? life.minus(MARGIN)
                      : life.dividedBy(2));
      return new Token(value, renewAt);
    } catch (RuntimeException e) {
      throw new Unavailable("the token endpoint's answer has no access_token");
    }
  }

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String excerpt(String body) {
    String one = body.replaceAll("\\s+", " ");
    return one.length() > 200 ? one.substring(0, 200) + "..." : one;
  }

  private HttpClient client() {
    HttpClient c = http;
    if (c == null) {
      c =
          HttpClient.newBuilder()
              .connectTimeout(connectTimeout)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      http = c;
    }
    return c;
  }
}
