package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.nimbusds.jwt.JWTClaimsSet;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.civic311.it.support.Db;
import org.civic311.it.support.Identity;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens a caller may forge or misuse, against the real Keycloak's keys: each is refused with 401
 * (or 403 for a genuine token without the role, 404 for another city's ids), and none of the
 * refused calls changes anything.
 */
class TokenAttacksIT extends PlatformIT {
  private static final String STATUS = "api/v1/cities/lethbridge/service-requests/{id}/status";
  private String requestId;
  private Db.TestCity lethbridge;

  @BeforeEach
  void aLethbridgeRequest() throws Exception {
    lethbridge = Db.city("lethbridge");
    requestId =
        api()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "service_code",
                    "pothole",
                    "description",
                    "Deep pothole by the school",
                    "lat",
                    49.7,
                    "long",
                    -112.83,
                    "acknowledge_duplicate",
                    true))
            .post("api/v1/cities/lethbridge/service-requests")
            .then()
            .statusCode(201)
            .extract()
            .path("service_request_id");
  }

  private static JWTClaimsSet.Builder agent() {
    return Identity.claimsOf("lethbridge-agent", List.of("agent"), List.of("lethbridge"));
  }

  @Test
  void aTokenSignedWithTheRealmsPublishedKeyAndRightClaimsIsAccepted() {
    // the control: without it, every refusal below could be an artefact of the test's own key
    assertAccepted(Identity.sign(agent().build()));
  }

  @Test
  void noTokenIs401WithABearerChallenge() throws Exception {
    attempt(null, 401).header("WWW-Authenticate", containsString("Bearer"));
  }

  @Test
  void anExpiredTokenIs401() throws Exception {
    Instant past = Instant.now().minusSeconds(3600);
    attempt(
        Identity.sign(
            agent()
                .issueTime(Date.from(past.minusSeconds(300)))
                .notBeforeTime(Date.from(past.minusSeconds(300)))
                .expirationTime(Date.from(past))
                .build()),
        401);
  }

  @Test
  void aTokenNotYetValidIs401() throws Exception {
    Instant future = Instant.now().plusSeconds(3600);
    attempt(
        Identity.sign(
            agent()
                .issueTime(Date.from(future))
                .notBeforeTime(Date.from(future))
                .expirationTime(Date.from(future.plusSeconds(300)))
                .build()),
        401);
  }

  @Test
  void aTokenOfAnotherIssuerIs401() throws Exception {
    attempt(Identity.sign(agent().issuer("https://evil.example/realms/civic311").build()), 401);
  }

  @Test
  void aTokenForAnotherAudienceIs401() throws Exception {
    attempt(Identity.sign(agent().audience("account").build()), 401);
  }

  @Test
  void anUnsignedTokenIs401() throws Exception {
    String header =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(agent().build().toString().getBytes(StandardCharsets.UTF_8));
    attempt(header + "." + payload + ".", 401);
  }

  @Test
  void aGenuineTokenWithATamperedPayloadIs401() throws Exception {
    String[] parts = Identity.token("lethbridge-resident").split("\\.");
    String claims =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"resident\"", "\"agent\"")
            .replace("\"groups\"", "\"organization\":[\"lethbridge\"],\"groups\"");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    attempt(forged, 401);
  }

  @Test
  void aGenuineTokenOfAnotherRealmIs401() throws Exception {
    attempt(Identity.otherRealmToken(), 401);
  }

  @Test
  void aGenuineTokenWithoutTheRoleIs403() throws Exception {
    attempt(Identity.token("lethbridge-resident"), 403);
  }

  @Test
  void aGenuineStaffTokenOfAnotherCityIs403OnThisCitysStaffEndpoints() throws Exception {
    attempt(Identity.token("calgary-agent"), 403)
        .body("detail", containsString("does not act for this city"));
  }

  @Test
  void anotherCitysIdsAre404EvenForTheirOwnStaffThroughThisCity() throws Exception {
    // a Calgary agent, on Calgary's path, naming a Lethbridge request: as if it did not exist
    long before = Db.countFor(lethbridge, "service_request_event", requestId);
    api()
        .header("Authorization", "Bearer " + Identity.token("calgary-agent"))
        .contentType(ContentType.JSON)
        .body(Map.of("status", "closed"))
        .post("api/v1/cities/calgary/service-requests/{id}/status", requestId)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    api()
        .header("Authorization", "Bearer " + Identity.token("calgary-agent"))
        .get("api/v1/cities/calgary/service-requests/{id}/history", requestId)
        .then()
        .statusCode(404);
    assertThat(Db.countFor(lethbridge, "service_request_event", requestId)).isEqualTo(before);
  }

  @Test
  void theOperatorReachesNoCitysStaffEndpoint() throws Exception {
    attempt(Identity.token("operator"), 403);
  }

  private void assertAccepted(String token) {
    api()
        .header("Authorization", "Bearer " + token)
        .contentType(ContentType.JSON)
        .body(Map.of("status", "in_progress", "public_note", "On its way"))
        .post(STATUS, requestId)
        .then()
        .statusCode(200)
        .body("status", equalTo("in_progress"));
  }

  /**
   * A status change with {@code token} (none when null) is refused with {@code status}, in the
   * API's format, and the request's history is as it was.
   */
  private io.restassured.response.ValidatableResponse attempt(String token, int status)
      throws Exception {
    long before = Db.countFor(lethbridge, "service_request_event", requestId);
    var request = api().contentType(ContentType.JSON).body(Map.of("status", "closed"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    var answer =
        request
            .post(STATUS, requestId)
            .then()
            .statusCode(status)
            .contentType("application/problem+json");
    assertThat(Db.countFor(lethbridge, "service_request_event", requestId))
        .as("history rows after a refused change")
        .isEqualTo(before);
    api()
        .get("api/v1/cities/lethbridge/service-requests/{id}", requestId)
        .then()
        .body("status", equalTo("received"));
    return answer;
  }
}
