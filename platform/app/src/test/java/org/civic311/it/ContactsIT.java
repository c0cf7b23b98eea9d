package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's contact log and screen pop: a caller's number, however typed, brings up their recent
 * contacts (newest first) and the open requests those contacts concerned; bad input is a 400 that
 * stores nothing; another city sees and changes nothing of it.
 */
class ContactsIT extends PlatformIT {
  private TestCity north;
  private TestCity south;

  @BeforeEach
  void twoCities() throws Exception {
    north = Db.createCity("north");
    south = Db.createCity("south");
    Db.addCategory(north, UUID.randomUUID(), "pothole", "Pothole");
    Db.addCategory(south, UUID.randomUUID(), "pothole", "Pothole");
  }

  private String request(TestCity city) {
    return as(city, "agent")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "service_code", "pothole",
                "description", "Deep pothole by the school",
                "address_string", "410 Stafford Dr S",
                "channel", "phone",
                "acknowledge_duplicate", true))
        .post("api/v1/cities/{city}/service-requests", city.slug())
        .then()
        .statusCode(201)
        .extract()
        .path("service_request_id");
  }

  private io.restassured.response.ValidatableResponse log(TestCity city, Map<String, Object> body) {
    return as(city, "agent")
        .contentType(ContentType.JSON)
        .body(body)
        .post("api/v1/cities/{city}/contacts", city.slug())
        .then();
  }

  @Test
  void theCallersNumberBringsUpTheirContactsAndOpenRequests() {
    log(
            north,
            Map.of(
                "channel", "phone",
                "caller", "403-555-0142",
                "caller_name", "Dana Whitford",
                "topic", "Garbage collection day",
                "minutes", 3))
        .statusCode(201)
        .body("caller", equalTo("+14035550142"))
        .body("agent", equalTo(north.slug() + "-agent"));
    String id = request(north);
    log(
            north,
            Map.of(
                "channel", "phone",
                "caller", "+1 (403) 555-0142",
                "request_id", id,
                "minutes", 5,
                "notes", "Caller will send a photo"))
        .statusCode(201)
        .body("request_id", equalTo(id));

    as(north, "agent")
        .queryParam("caller", "4035550142")
        .get("api/v1/cities/{city}/contacts/screen-pop", north.slug())
        .then()
        .statusCode(200)
        .body("caller", equalTo("+14035550142"))
        .body("recent_contacts", hasSize(2))
        .body("recent_contacts[0].request_id", equalTo(id))
        .body("recent_contacts[1].topic", equalTo("Garbage collection day"))
        .body("recent_contacts[1].caller_name", equalTo("Dana Whitford"))
        .body("open_requests.id", equalTo(List.of(id)))
        .body("open_requests[0].service_code", equalTo("pothole"))
        .body("open_requests[0].status", equalTo("received"));

    // resolved: no longer open, the contact stays
    as(north, "agent")
        .contentType(ContentType.JSON)
        .body(Map.of("status", "resolved", "public_note", "Filled."))
        .post("api/v1/cities/{city}/service-requests/{id}/status", north.slug(), id)
        .then()
        .statusCode(200);
    as(north, "city-admin")
        .queryParam("caller", "403 555 0142")
        .get("api/v1/cities/{city}/contacts/screen-pop", north.slug())
        .then()
        .statusCode(200)
        .body("open_requests", empty())
        .body("recent_contacts", hasSize(2));

    // a number never heard from
    as(north, "agent")
        .queryParam("caller", "403-555-0100")
        .get("api/v1/cities/{city}/contacts/screen-pop", north.slug())
        .then()
        .statusCode(200)
        .body("open_requests", empty())
        .body("recent_contacts", empty());
  }

  @Test
  void badInputIsAClear400AndStoresNothing() throws Exception {
    String southRequest = request(south);
    long before = Db.count(north, "contact");
    log(north, Map.of("channel", "phone", "caller", "not a number", "topic", "x"))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("caller"));
    log(north, Map.of("channel", "pigeon", "topic", "x"))
        .statusCode(400)
        .body("errors[0].field", equalTo("channel"));
    log(north, Map.of("channel", "phone", "topic", "x", "minutes", 700))
        .statusCode(400)
        .body("errors[0].field", equalTo("minutes"));
    log(north, Map.of("channel", "phone"))
        .statusCode(400)
        .body("errors[0].field", equalTo("topic"));
    log(north, Map.of("channel", "counter", "request_id", southRequest))
        .statusCode(400)
        .body("errors[0].field", equalTo("request_id"))
        .body("detail", containsString("is not a request of this city"));
    log(north, Map.of("channel", "counter", "request_id", "not-an-id"))
        .statusCode(400)
        .body("errors[0].field", equalTo("request_id"));
    as(north, "agent")
        .contentType(ContentType.JSON)
        .body("{\"channel\": \"phone\", \"minutes\": \"many\"}")
        .post("api/v1/cities/{city}/contacts", north.slug())
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    as(north, "agent")
        .get("api/v1/cities/{city}/contacts/screen-pop", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("caller"));
    assertThat(Db.count(north, "contact")).isEqualTo(before);
  }

  @Test
  void anotherCitySeesAndChangesNothingOfACallersContacts() throws Exception {
    String id = request(north);
    log(north, Map.of("channel", "phone", "caller", "403-555-0177", "request_id", id))
        .statusCode(201);
    // the same number calling the other city: a stranger there
    as(south, "agent")
        .queryParam("caller", "403-555-0177")
        .get("api/v1/cities/{city}/contacts/screen-pop", south.slug())
        .then()
        .statusCode(200)
        .body("open_requests", empty())
        .body("recent_contacts", empty());
    // the other city's staff on this city's path, and a resident: refused
    as(south, "agent")
        .queryParam("caller", "403-555-0177")
        .get("api/v1/cities/{city}/contacts/screen-pop", north.slug())
        .then()
        .statusCode(403);
    long before = Db.count(north, "contact");
    as(south, "agent")
        .contentType(ContentType.JSON)
        .body(Map.of("channel", "phone", "caller", "403-555-0177", "topic", "Forged"))
        .post("api/v1/cities/{city}/contacts", north.slug())
        .then()
        .statusCode(403);
    as(north, "resident")
        .queryParam("caller", "403-555-0177")
        .get("api/v1/cities/{city}/contacts/screen-pop", north.slug())
        .then()
        .statusCode(403);
    assertThat(Db.count(north, "contact")).isEqualTo(before);
    assertThat(Db.count(south, "contact")).isZero();
  }
}
