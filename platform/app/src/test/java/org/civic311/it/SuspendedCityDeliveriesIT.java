package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.civic311.it.support.Db;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.Test;

/**
 * A suspended city is switched off for its deliveries too (ADR 0018): its outbox events (resident
 * mail, department systems) wait, untouched, while other cities' go out, and leave once it is
 * resumed. Shown without timing: the suspended city's delivery is older than the active city's, and
 * the queue serves the oldest first, so the active one going out first proves the wait.
 */
class SuspendedCityDeliveriesIT extends PlatformIT {

  @Test
  void aSuspendedCitysDeliveriesWaitUntilItIsResumed() throws Exception {
    Db.TestCity suspended = Db.createCity("paused");
    Db.addCategory(suspended, UUID.randomUUID(), "pothole", "Pothole");
    String request = report(suspended);
    awaitDrained(suspended);
    Map<String, Object> event = lastEvent(suspended, request);

    as("operator")
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Invoice unpaid"))
        .post("api/v1/provider/cities/" + suspended.slug() + "/suspend")
        .then()
        .statusCode(200);
    // the city's event is due again (as after a failed attempt), a minute before anything else
    try (Connection c = Db.asOwner();
        PreparedStatement s =
            c.prepareStatement(
                "insert into outbox_delivery (consumer, city_id, event_id, request_id, seq,"
                    + " available_at) values ('notification', ?, ?, ?, ?, now() - interval '1 minute')")) {
      s.setObject(1, suspended.id());
      s.setObject(2, event.get("id"));
      s.setObject(3, UUID.fromString(request));
      s.setInt(4, (Integer) event.get("seq"));
      s.executeUpdate();
    }
    assertThat(Db.pendingDeliveries(suspended)).isEqualTo(1);

    // another city's newer event goes out...
    Db.TestCity active = Db.createCity("served");
    Db.addCategory(active, UUID.randomUUID(), "pothole", "Pothole");
    report(active);
    awaitDrained(active);
    // ...while the suspended city's older one was never even claimed
    assertThat(Db.pendingDeliveries(suspended)).isEqualTo(1);
    assertThat(attempts(suspended)).isZero();

    as("operator")
        .post("api/v1/provider/cities/" + suspended.slug() + "/resume")
        .then()
        .statusCode(200);
    awaitDrained(suspended);
  }

  private static String report(Db.TestCity city) {
    return api()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "service_code",
                "pothole",
                "description",
                "Deep one",
                "lat",
                49.69,
                "long",
                -112.84))
        .post("api/v1/cities/" + city.slug() + "/service-requests")
        .then()
        .statusCode(201)
        .extract()
        .path("service_request_id");
  }

  private static void awaitDrained(Db.TestCity city) {
    Awaitility.await("the outbox of " + city.slug() + " is drained")
        .atMost(Duration.ofSeconds(60))
        .until(() -> Db.pendingDeliveries(city) == 0);
  }

  private static Map<String, Object> lastEvent(Db.TestCity city, String request) throws Exception {
    try (Connection c = Db.asOwner()) {
      c.setAutoCommit(false);
      Db.bind(c, city);
      try (PreparedStatement s =
          c.prepareStatement(
              "select id, seq from outbox_event where request_id = ? order by seq desc limit 1")) {
        s.setObject(1, UUID.fromString(request));
        try (ResultSet rs = s.executeQuery()) {
          assertThat(rs.next()).isTrue();
          Map<String, Object> event = Map.of("id", rs.getObject(1), "seq", rs.getInt(2));
          c.commit();
          return event;
        }
      }
    }
  }

  private static int attempts(Db.TestCity city) throws Exception {
    try (Connection c = Db.asOwner();
        PreparedStatement s =
            c.prepareStatement("select max(attempts) from outbox_delivery where city_id = ?")) {
      s.setObject(1, city.id());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
