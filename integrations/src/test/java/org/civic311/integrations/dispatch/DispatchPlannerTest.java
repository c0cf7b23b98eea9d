package org.civic311.integrations.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.civic311.platform.request.application.RequestSummary;
import org.civic311.platform.request.domain.ServiceRequestStatus;
import org.civic311.platform.shared.application.OutboxMessage;
import org.civic311.platform.shared.domain.TenantId;
import org.junit.jupiter.api.Test;

class DispatchPlannerTest {
  private static final UUID REQUEST = UUID.fromString("6b1f0b52-1111-4c3e-9d7a-2d1f6c0e0001");

  private static RequestSummary request(ServiceRequestStatus now) {
    return new RequestSummary(
        REQUEST.toString(),
        "pothole",
        "Pothole",
        "Deep one",
        new BigDecimal("49.693500"),
        new BigDecimal("-112.841800"),
        "100 Main Street",
        now,
        "web",
        null,
        OffsetDateTime.parse("2026-11-25T09:00:00-07:00"),
        OffsetDateTime.parse("2026-11-25T10:00:00-07:00"),
        "Roads",
        null,
        null,
        null,
        null);
  }

  private static JsonObject body(String payload, ServiceRequestStatus now) {
    OutboxMessage message =
        new OutboxMessage(
            new TenantId(UUID.randomUUID()),
            UUID.randomUUID(),
            REQUEST,
            2,
            "status_changed",
            payload,
            1);
    String json = DispatchPlanner.body(REQUEST + ":2", "roads", message, request(now));
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void carriesTheKeyTheEventAndTheRequestButNoPersonalData() {
    JsonObject body =
        body(
            "{\"service_request_id\":\""
                + REQUEST
                + "\",\"seq\":2,\"type\":\"status_changed\",\"status\":\"in_progress\","
                + "\"previous_status\":\"received\",\"actor\":\"jo\",\"at\":\"2026-11-25T10:00:00-07:00\","
                + "\"public_note\":\"Crew assigned.\",\"follower\":{\"email\":\"a@b.org\"}}",
            ServiceRequestStatus.RESOLVED);
    assertThat(body.getString("idempotency_key")).isEqualTo(REQUEST + ":2");
    assertThat(body.getString("department")).isEqualTo("roads");
    JsonObject event = body.getJsonObject("event");
    assertThat(event.getInt("seq")).isEqualTo(2);
    assertThat(event.getString("type")).isEqualTo("status_changed");
    // the event's status, not the request's current one (resolved by now)
    assertThat(event.getString("status")).isEqualTo("in_progress");
    assertThat(event.getString("previous_status")).isEqualTo("received");
    assertThat(event.getString("public_note")).isEqualTo("Crew assigned.");
    assertThat(event.getString("occurred_at")).isEqualTo("2026-11-25T10:00:00-07:00");
    JsonObject request = body.getJsonObject("service_request");
    assertThat(request.getString("service_request_id")).isEqualTo(REQUEST.toString());
    assertThat(request.getString("service_code")).isEqualTo("pothole");
    assertThat(request.getString("description")).isEqualTo("Deep one");
    assertThat(request.getJsonNumber("lat").bigDecimalValue()).isEqualByComparingTo("49.6935");
    assertThat(request.getString("address_string")).isEqualTo("100 Main Street");
    assertThat(request.getString("requested_datetime")).isEqualTo("2026-11-25T09:00:00-07:00");
    assertThat(body.toString()).doesNotContain("a@b.org").doesNotContain("\"jo\"");
  }
}
