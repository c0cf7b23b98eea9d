package org.civic311.it.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.civic311.devstack.KeycloakServer;

/**
 * The test run's real Keycloak: tokens for the demo users and service accounts of the committed
 * realm, obtained as a client would, and, for the attack tests, a signing key of the test's own
 * that the realm publishes in its JWKS (so a token signed with it verifies, and the test can set
 * any claim: expired, wrong audience, wrong issuer).
 */
public final class Identity {
  /** The demo users' password (the committed realm; demo only). */
  public static final String DEMO_PASSWORD = "demo311";

  private static volatile KeycloakServer server;
  private static volatile RSAKey trustedTestKey;
  private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private record Cached(String token, Instant fetched) {}

  private Identity() {}

  /** Called once by {@link TestStack} when Keycloak is ready. */
  static void started(KeycloakServer keycloak) throws IOException, InterruptedException {
    server = keycloak;
    trustedTestKey = publishTestKey();
  }

  public static KeycloakServer server() {
    if (server == null) {
      throw new IllegalStateException("Keycloak was not started (TestStack)");
    }
    return server;
  }

  public static String issuer() {
    return server().issuer();
  }

  /** A user's access token, as the pages get it (every organization the user belongs to). */
  public static String token(String username) {
    return TOKENS.compute(
            username,
            (name, cached) ->
                cached != null && cached.fetched.isAfter(Instant.now().minusSeconds(120))
                    ? cached
                    : new Cached(
                        fetch(
                            "civic311",
                            Map.of(
                                "grant_type", "password",
                                "client_id", "civic311-cli",
                                "username", name,
                                "password", DEMO_PASSWORD,
                                "scope", "openid organization:*")),
                        Instant.now()))
        .token;
  }

  /** A city's department-systems service account token (client credentials). */
  public static String serviceToken(String city) {
    return fetch(
        "civic311",
        Map.of(
            "grant_type", "client_credentials",
            "client_id", city + "-integrations",
            "client_secret", "demo-" + city + "-integrations-secret"));
  }

  /**
   * A genuine Keycloak token of another realm ({@code master}, its administrator): not for this
   * API, and what the test uses to publish its key through the admin API.
   */
  public static String otherRealmToken() {
    return fetch(
        "master",
        Map.of(
            "grant_type",
            "password",
            "client_id",
            "admin-cli",
            "username",
            KeycloakServer.ADMIN_USER,
            "password",
            KeycloakServer.ADMIN_PASSWORD));
  }

  /**
   * The claims of a valid token for {@code username}, to be altered by a test and {@link #sign}.
   */
  public static JWTClaimsSet.Builder claimsOf(
      String username, List<String> roles, List<String> cities) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer())
        .audience("civic311-api")
        .subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString())
        .jwtID(UUID.randomUUID().toString())
        .claim("upn", username)
        .claim("preferred_username", username)
        .claim("groups", roles)
        .claim("organization", cities)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now.minusSeconds(5)))
        .expirationTime(Date.from(now.plusSeconds(300)));
  }

  /**
   * Signs {@code claims} with the test's key, which the realm publishes: the signature verifies.
   */
  public static String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .type(JOSEObjectType.JWT)
                  .keyID(trustedTestKey.getKeyID())
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(trustedTestKey));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String fetch(String realm, Map<String, String> form) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          server().url() + "/realms/" + realm + "/protocol/openid-connect/token"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Keycloak refused a token (" + response.statusCode() + "): " + response.body());
      }
      return json(response.body()).getString("access_token");
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak is unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Adds an RSA key of the test's own to the realm (low priority: Keycloak keeps signing with its
   * own), and returns it with the key id the realm's JWKS gives it.
   */
  private static RSAKey publishTestKey() throws IOException, InterruptedException {
    KeyPair pair;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      pair = generator.generateKeyPair();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    String admin = otherRealmToken();
    String realmUrl = server().url() + "/admin/realms/" + KeycloakServer.REALM;
    String realmId =
        json(HTTP.send(
                    HttpRequest.newBuilder(URI.create(realmUrl))
                        .header("Authorization", "Bearer " + admin)
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body())
            .getString("id");
    String privateKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    JsonObject component =
        Json.createObjectBuilder()
            .add("name", "integration-tests")
            .add("providerId", "rsa")
            .add("providerType", "org.keycloak.keys.KeyProvider")
            .add("parentId", realmId)
            .add(
                "config",
                Json.createObjectBuilder()
                    .add("priority", Json.createArrayBuilder().add("1"))
                    .add("enabled", Json.createArrayBuilder().add("true"))
                    .add("active", Json.createArrayBuilder().add("true"))
                    .add("algorithm", Json.createArrayBuilder().add("RS256"))
                    .add("privateKey", Json.createArrayBuilder().add(privateKey)))
            .build();
    HttpResponse<String> created =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(realmUrl + "/components"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(component.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) {
      throw new IOException("Keycloak refused the test key: " + created.body());
    }
    RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
    String jwks =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(server().jwksUrl())).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    try {
      for (JWK key : JWKSet.parse(jwks).getKeys()) {
        if (key instanceof RSAKey rsa
            && rsa.toRSAPublicKey().getModulus().equals(publicKey.getModulus())) {
          return new RSAKey.Builder(publicKey)
              .privateKey(pair.getPrivate())
              .keyID(rsa.getKeyID())
              .build();
        }
      }
    } catch (java.text.ParseException | JOSEException e) {
      throw new IOException("The realm's JWKS could not be read: " + e.getMessage(), e);
    }
    throw new IOException("The realm does not publish the test key");
  }

  private static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }
}
