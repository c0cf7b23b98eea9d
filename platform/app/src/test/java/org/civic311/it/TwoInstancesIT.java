package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.civic311.devstack.Folders;
import org.civic311.devstack.PayaraMicroProcess;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.DepartmentSystem;
import org.civic311.it.support.Identity;
import org.civic311.it.support.Mail;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.Test;

/**
 * Two application instances on one database, as a Kubernetes deployment with two replicas runs:
 * requests are filed and changed on both, both instances' outbox pollers compete for the same
 * events, and each event still reaches the department's system exactly once, in order per request,
 * and each resident's mail is sent once.
 */
class TwoInstancesIT extends PlatformIT {
  private static final String ROADS = "/roads";
  private static final int REQUESTS = 24;

  @Test
  void eachEventIsDispatchedOnceWhenTwoInstancesShareTheOutbox() throws Exception {
    TestCity city = Db.createCity("twins");
    Db.addCategory(city, UUID.randomUUID(), "pothole", "Pothole");
    try (DepartmentSystem department = DepartmentSystem.start()) {
      as(city, "city-admin")
          .contentType(ContentType.JSON)
          .body(Map.of("name", "Roads", "categories", List.of("pothole")))
          .put("api/v1/cities/{city}/admin/departments/roads", city.slug())
          .then()
          .statusCode(200);
      as(city, "city-admin")
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "url",
                  department.url(ROADS),
                  "signing_secret",
                  "twins-secret-" + UUID.randomUUID()))
          .put("api/v1/cities/{city}/admin/departments/roads/integration", city.slug())
          .then()
          .statusCode(200);

      Path work =
          Path.of(System.getProperty("civic311.it.work", "target/it")).resolve("second-instance");
      Folders.deleteRecursively(work);
      // The same configuration as the first instance: the environment the build gives both.
      Map<String, String> env = new HashMap<>();
      System.getenv()
          .forEach(
              (k, v) -> {
                if (k.startsWith("CIVIC311_")) {
                  env.put(k, v);
                }
              });
      try (PayaraMicroProcess second =
          PayaraMicroProcess.start(
              Path.of(System.getProperty("civic311.it.payara")),
              Path.of(System.getProperty("civic311.it.war")),
              Integer.getInteger("civic311.it.spare.http.port"),
              Integer.getInteger("civic311.it.spare.https.port"),
              work,
              env)) {
        second.awaitStatus("health/ready", 200, Duration.ofMinutes(4), seconds -> {});
        List<java.util.function.Supplier<RequestSpecification>> instances =
            List.of(() -> api(), () -> RestAssured.given().baseUri(second.base().toString()));

        // Filed on one instance, moved on the other: 2 events per request, both instances busy.
        List<String> ids = new ArrayList<>();
        Map<String, String> reporters = new HashMap<>();
        for (int i = 0; i < REQUESTS; i++) {
          String reporter = "twin-" + i + "-" + UUID.randomUUID() + "@residents.example.org";
          String id =
              instances
                  .get(i % 2)
                  .get()
                  .contentType(ContentType.JSON)
                  .body(
                      Map.of(
                          "service_code",
                          "pothole",
                          "description",
                          "Pothole number " + i,
                          "address_string",
                          i + " Main Street",
                          "email",
                          reporter,
                          "subscribe",
                          true))
                  .post("api/v1/cities/{city}/service-requests", city.slug())
                  .then()
                  .statusCode(201)
                  .extract()
                  .path("service_request_id");
          ids.add(id);
          reporters.put(id, reporter);
        }
        String agent =
            Identity.sign(
                Identity.claimsOf(city.slug() + "-agent", List.of("agent"), List.of(city.slug()))
                    .build());
        for (int i = 0; i < REQUESTS; i++) {
          instances
              .get((i + 1) % 2)
              .get()
              .header("Authorization", "Bearer " + agent)
              .contentType(ContentType.JSON)
              .body(Map.of("status", "in_progress", "public_note", "On it."))
              .post("api/v1/cities/{city}/service-requests/{id}/status", city.slug(), ids.get(i))
              .then()
              .statusCode(200);
        }

        try {
          org.awaitility.Awaitility.await("every event at the department")
              .atMost(Duration.ofMinutes(2))
              .pollInterval(Duration.ofMillis(200))
              .until(() -> department.applied(ROADS).size() >= 2 * REQUESTS);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          throw new AssertionError(
              department.applied(ROADS).size()
                  + " of "
                  + 2 * REQUESTS
                  + " events arrived; waiting: "
                  + Db.sql(
                      city,
                      "select string_agg(consumer || ' seq ' || seq || ' attempts ' || attempts"
                          + " || ' ' || coalesce(last_error, ''), '; ') from outbox_delivery"
                          + " where city_id = ?::uuid",
                      city.id().toString()),
              e);
        }
        Mail.await(
            () -> {
              try {
                return Db.pendingDeliveries(city) == 0;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            "both instances' outbox to drain");

        List<DepartmentSystem.Delivery> sent = department.deliveries(ROADS);
        Map<String, Long> perKey =
            sent.stream()
                .collect(
                    Collectors.groupingBy(
                        DepartmentSystem.Delivery::idempotencyKey, Collectors.counting()));
        assertThat(perKey).hasSize(2 * REQUESTS);
        assertThat(perKey.values()).as("each event sent exactly once").allMatch(n -> n == 1);
        for (String id : ids) {
          assertThat(department.deliveriesOf(ROADS, id))
              .extracting(DepartmentSystem.Delivery::idempotencyKey)
              .as("in order for " + id)
              .containsExactly(id + ":1", id + ":2");
          // "Request received" and "In progress": once each, whichever instance sent them
          List<String> subjects =
              Mail.awaitTo(reporters.get(id), 2).stream().map(Mail::subject).toList();
          assertThat(subjects).hasSize(2);
          assertThat(subjects.get(0)).contains("Request received");
        }
        assertThat(Db.count(city, "service_request")).isEqualTo(REQUESTS);
      }
    }
  }
}
