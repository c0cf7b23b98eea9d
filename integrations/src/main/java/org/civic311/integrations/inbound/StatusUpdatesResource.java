package org.civic311.integrations.inbound;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.UUID;
import org.civic311.integrations.config.DepartmentConnection;
import org.civic311.integrations.connector.webhook.WebhookSignature;
import org.civic311.platform.request.application.RequestNotFoundException;
import org.civic311.platform.shared.api.Problem;
import org.civic311.platform.shared.api.ProblemException;

/**
 * A department's system brings status back: a signed JSON POST per update. No person's token: the
 * signature under the department's signing secret ({@link WebhookSignature}, the same scheme as
 * what Civic311 sends) is the authentication, so an unsigned, stale or wrongly signed update is
 * refused with 401 before its body is parsed; the body is read only up to 64 KB (a longer one is
 * 413 without reading the rest). The city comes from the URL as everywhere; a request of another
 * city, or of another department, is 404. A repeated {@code update_id} changes nothing and answers
 * as the first time did. A refused update changes nothing.
 */
@RequestScoped
@PermitAll
@Path("api/v1/cities/{city}/integrations/{department}/status-updates")
public class StatusUpdatesResource {
  /**
   * Looked up once: {@code Json}'s static methods look the provider up (a class-path scan) on every
   * call.
   */
  private static final jakarta.json.spi.JsonProvider JSON_PROVIDER =
      jakarta.json.spi.JsonProvider.provider();

  static final int MAX_BODY = 64 * 1024;
  static final int MAX_UPDATE_ID = 200;

  @Inject StatusUpdates updates;
  @Inject Clock clock;

  /** The answer: whether this delivery changed the request, and its status now. */
  public record StatusUpdateResult(
      @JsonbProperty("update_id") String updateId,
      @JsonbProperty("service_request_id") String serviceRequestId,
      String status,
      boolean applied) {}

  /** A random secret of this process, never shared: nothing signed with it can arrive. */
  private static final String NO_SECRET = noSecret();

  private static String noSecret() {
    byte[] random = new byte[32];
    new java.security.SecureRandom().nextBytes(random);
    return java.util.HexFormat.of().formatHex(random);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response receive(
      @PathParam("department") String department,
      @HeaderParam(WebhookSignature.TIMESTAMP_HEADER) String timestamp,
      @HeaderParam(WebhookSignature.SIGNATURE_HEADER) String signature,
      java.io.InputStream body) {
    // A department without an enabled integration is checked against a secret no one has, so it
    // answers exactly as a wrong signature does: no caller learns which departments have one.
    String secret =
        updates.connection(department).map(DepartmentConnection::signingSecret).orElse(NO_SECRET);
    byte[] content = bounded(body);
    WebhookSignature.Verdict verdict =
        WebhookSignature.verify(secret, timestamp, signature, content, clock.instant());
    if (verdict != WebhookSignature.Verdict.VALID) {
      return unauthorized(verdict);
    }
    StatusUpdate update = parse(content);
    try {
      StatusUpdates.Outcome outcome = updates.apply(department, update);
      return Response.ok(
              new StatusUpdateResult(
                  update.updateId(),
                  outcome.request().id(),
                  outcome.request().statusName(),
                  outcome.applied()))
          .build();
    } catch (RequestNotFoundException e) {
      throw ProblemException.notFound(
          "This department has no service request '" + update.serviceRequestId() + "' here.");
    } catch (StatusUpdates.UpdateIdReused e) {
      throw new ProblemException(Response.Status.CONFLICT, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    }
  }

  /** The body, read up to {@link #MAX_BODY} bytes: one byte more is a 413, the rest unread. */
  private static byte[] bounded(java.io.InputStream body) {
    if (body == null) {
      return new byte[0];
    }
    try {
      byte[] content = body.readNBytes(MAX_BODY + 1);
      if (content.length > MAX_BODY) {
        throw new ProblemException(
            Response.Status.REQUEST_ENTITY_TOO_LARGE, "An update may have 64 KB at most.");
      }
      return content;
    } catch (java.io.IOException e) {
      throw new ProblemException(Response.Status.BAD_REQUEST, "The update could not be read.");
    }
  }

  /** 401 with a challenge naming the scheme (RFC 9110 asks for one on every 401). */
  private static Response unauthorized(WebhookSignature.Verdict verdict) {
    String detail =
        switch (verdict) {
          case MISSING ->
              "Sign the update: "
                  + WebhookSignature.TIMESTAMP_HEADER
                  + " and "
                  + WebhookSignature.SIGNATURE_HEADER
                  + " are required.";
          case MALFORMED ->
              WebhookSignature.SIGNATURE_HEADER
                  + " must be sha256=<hex> and "
                  + WebhookSignature.TIMESTAMP_HEADER
                  + " Unix seconds.";
          case STALE ->
              "The signed timestamp is more than "
                  + WebhookSignature.TOLERANCE.toMinutes()
                  + " minutes from now; check the clock.";
          default -> "The signature does not match the update.";
        };
    return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, detail).toResponse())
        .header(HttpHeaders.WWW_AUTHENTICATE, "Civic311-Signature")
        .build();
  }

  /**
   * @throws ProblemException 400 naming the field when the body is not the expected JSON
   */
  static StatusUpdate parse(byte[] body) {
    JsonObject json;
    try (JsonReader reader = JSON_PROVIDER.createReader(new ByteArrayInputStream(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw ProblemException.invalid("", "the body must be a JSON object");
      }
      json = value.asJsonObject();
    } catch (JsonException e) {
      throw ProblemException.invalid("", "the body is not valid JSON");
    }
    String updateId = text(json, "update_id", true);
    if (updateId.length() > MAX_UPDATE_ID || updateId.chars().anyMatch(c -> c < 0x20)) {
      throw ProblemException.invalid(
          "update_id", "1 to " + MAX_UPDATE_ID + " characters, no control characters");
    }
    String requestId = text(json, "service_request_id", true);
    try {
      UUID.fromString(requestId);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("service_request_id", "is not a service request id");
    }
    return new StatusUpdate(
        updateId, requestId, text(json, "status", true), text(json, "public_note", false));
  }

  private static String text(JsonObject json, String field, boolean required) {
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        throw ProblemException.invalid(field, "is required");
      }
      return null;
    }
    if (!(value instanceof JsonString s)) {
      throw ProblemException.invalid(field, "must be a string");
    }
    String text = s.getString().strip();
    if (required && text.isEmpty()) {
      throw ProblemException.invalid(field, "is required");
    }
    return text.isEmpty() ? null : text;
  }
}
