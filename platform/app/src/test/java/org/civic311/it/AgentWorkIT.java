package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.Identity;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staff's work on requests (ADR 0016): finding any request of the city, merging a duplicate
 * into its parent, department members, their queue and assignment, and the rule that department
 * staff change only their own departments' requests. Bad input is a 400 naming the field that
 * changes nothing; another city sees and changes nothing.
 */
class AgentWorkIT extends PlatformIT {
  private TestCity north;
  private TestCity south;

  @BeforeEach
  void twoCities() throws Exception {
    north = Db.createCity("north");
    south = Db.createCity("south");
    for (TestCity city : List.of(north, south)) {
      Db.addCategory(city, UUID.randomUUID(), "pothole", "Pothole");
      Db.addCategory(city, UUID.randomUUID(), "graffiti", "Graffiti");
      department(city, "roads", "Roads", List.of("pothole"));
      department(city, "parks", "Parks", List.of("graffiti"));
    }
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("usernames", List.of(staffName(north))))
        .put("api/v1/cities/{city}/admin/departments/roads/members", north.slug())
        .then()
        .statusCode(200);
  }

  private static void department(TestCity city, String code, String name, List<String> codes) {
    as(city, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("name", name, "categories", codes))
        .put("api/v1/cities/{city}/admin/departments/{code}", city.slug(), code)
        .then()
        .statusCode(200);
  }

  private static String staffName(TestCity city) {
    return city.slug() + "-department-staff";
  }

  private static String file(TestCity city, String code, String description, String address) {
    return file(city, code, description, address, Map.of());
  }

  private static String file(
      TestCity city, String code, String description, String address, Map<String, Object> more) {
    Map<String, Object> body = new HashMap<>(more);
    body.put("service_code", code);
    body.put("description", description);
    body.put("address_string", address);
    body.put("channel", "phone");
    body.put("acknowledge_duplicate", true);
    return as(city, "agent")
        .contentType(ContentType.JSON)
        .body(body)
        .post("api/v1/cities/{city}/service-requests", city.slug())
        .then()
        .statusCode(201)
        .extract()
        .path("service_request_id");
  }

  private static RequestSpecification search(TestCity city) {
    return as(city, "agent").basePath("api/v1/cities/" + city.slug() + "/service-requests/search");
  }

  @Test
  void staffFindAnyRequestByNumberWordsAndFiltersNewestFirstAPageAtATime() {
    String school = file(north, "pothole", "Deep pothole by the school", "410 Stafford Dr S");
    String wall = file(north, "graffiti", "Tags on the underpass wall", "3 Ave S and 13 St");
    String last = file(north, "pothole", "Cracked 100% of the lane", "910 4 Ave S");
    file(south, "pothole", "Deep pothole by the school", "410 Stafford Dr S");

    // the first 8 characters of the number, and the whole number with or without dashes
    search(north)
        .queryParam("number", school.substring(0, 8))
        .get()
        .then()
        .statusCode(200)
        .body("requests.service_request_id", hasItem(school));
    search(north)
        .queryParam("number", school.toUpperCase())
        .get()
        .then()
        .statusCode(200)
        .body("requests.service_request_id", equalTo(List.of(school)))
        .body("requests[0].department", equalTo("roads"))
        .body("requests[0].channel", equalTo("phone"));
    search(north)
        .queryParam("number", school.replace("-", ""))
        .get()
        .then()
        .body("requests.service_request_id", equalTo(List.of(school)));
    // words of the description or the address, in any case; % is a character, not a wildcard
    search(north)
        .queryParam("q", "SCHOOL")
        .get()
        .then()
        .body("requests.service_request_id", equalTo(List.of(school)));
    search(north)
        .queryParam("q", "stafford dr")
        .get()
        .then()
        .body("requests.service_request_id", equalTo(List.of(school)));
    search(north)
        .queryParam("q", "100%")
        .get()
        .then()
        .body("requests.service_request_id", equalTo(List.of(last)));
    search(north).queryParam("q", "%").get().then().body("requests", hasSize(1));
    // category, department, stage, status; newest first
    search(north)
        .queryParam("department", "roads")
        .get()
        .then()
        .body("requests.service_request_id", equalTo(List.of(last, school)));
    search(north)
        .queryParam("category", "graffiti")
        .get()
        .then()
        .body("requests.service_request_id", equalTo(List.of(wall)));
    search(north)
        .queryParam("stage", "received")
        .queryParam("status", "received")
        .get()
        .then()
        .body("requests", hasSize(3));
    search(north).queryParam("stage", "resolved").get().then().body("requests", empty());
    // days in the city's time zone
    LocalDate today = LocalDate.now(ZoneId.of("America/Edmonton"));
    search(north)
        .queryParam("from", today.toString())
        .queryParam("to", today.toString())
        .get()
        .then()
        .body("requests", hasSize(3));
    search(north)
        .queryParam("to", today.minusDays(1).toString())
        .get()
        .then()
        .body("requests", empty());
    // pages
    search(north)
        .queryParam("page_size", 2)
        .get()
        .then()
        .body("page", equalTo(1))
        .body("page_size", equalTo(2))
        .body("more", equalTo(true))
        .body("requests.service_request_id", equalTo(List.of(last, wall)));
    search(north)
        .queryParam("page_size", 2)
        .queryParam("page", 2)
        .get()
        .then()
        .body("more", equalTo(false))
        .body("requests.service_request_id", equalTo(List.of(school)));
    // department staff may search too
    as(north, "department-staff")
        .queryParam("q", "underpass")
        .get("api/v1/cities/{city}/service-requests/search", north.slug())
        .then()
        .statusCode(200)
        .body("requests", hasSize(1));
  }

  @Test
  void aWrongSearchIsA400NamingTheCriterion() {
    Map<String, String> wrong =
        Map.of(
            "number", "abc",
            "status", "sideways",
            "stage", "done",
            "category", "nope",
            "department", "nope",
            "from", "yesterday",
            "page_size", "500",
            "page", "zero",
            "assigned", "Not A Name!",
            "open", "maybe");
    wrong.forEach(
        (field, value) ->
            search(north)
                .queryParam(field, value)
                .get()
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)));
    search(north)
        .queryParam("from", "2026-11-25")
        .queryParam("to", "2026-11-24")
        .get()
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("to"));
    search(north)
        .queryParam("q", "x".repeat(201))
        .get()
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("q"));
  }

  @Test
  void anotherCityFindsNothingOfTheCitysRequests() {
    String id = file(north, "pothole", "Deep pothole by the school", "410 Stafford Dr S");
    search(south).queryParam("number", id).get().then().statusCode(200).body("requests", empty());
    search(south).queryParam("q", "school").get().then().body("requests", empty());
    as(south, "agent")
        .queryParam("number", id)
        .get("api/v1/cities/{city}/service-requests/search", north.slug())
        .then()
        .statusCode(403);
    as(north, "resident")
        .get("api/v1/cities/{city}/service-requests/search", north.slug())
        .then()
        .statusCode(403);
    api().get("api/v1/cities/{city}/service-requests/search", north.slug()).then().statusCode(401);
  }

  @Test
  void mergingMovesTheFollowersToTheParentAndNotesItInTheParentsHistoryOnce() throws Exception {
    // the city sends mail, so its followers are kept
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "sender_address",
                "311@" + north.slug() + ".example.org",
                "sender_name",
                "311 of " + north.slug(),
                "locales",
                List.of("en"),
                "hourly_limit",
                100))
        .put("api/v1/cities/{city}/admin/notifications/settings", north.slug())
        .then()
        .statusCode(200);
    String parent = file(north, "pothole", "Deep pothole by the school", "410 Stafford Dr S");
    String email = "neighbour-" + UUID.randomUUID() + "@example.org";
    String duplicate =
        file(
            north,
            "pothole",
            "Same hole, now wider",
            "412 Stafford Dr S",
            Map.of("email", email, "subscribe", true));
    // the caller of the duplicate called about it
    as(north, "agent")
        .contentType(ContentType.JSON)
        .body(Map.of("channel", "phone", "caller", "403-555-0199", "request_id", duplicate))
        .post("api/v1/cities/{city}/contacts", north.slug())
        .then()
        .statusCode(201);

    // the reporter follows the duplicate once its creation is handed over (mail is slow when the
    // whole suite runs, and a refused delivery is retried later)
    Awaitility.await("the duplicate's reporter follows it")
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                Db.sql(
                        north,
                        "select count(*) from notification_subscription where request_id ="
                            + " ?::uuid and email = ?",
                        duplicate,
                        email)
                    .equals("1"));
    as(north, "agent")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "parent_service_request_id", parent,
                "public_note", "Already reported; follow the earlier request.",
                "internal_note", "Caller says it doubled in size"))
        .post("api/v1/cities/{city}/service-requests/{id}/merge", north.slug(), duplicate)
        .then()
        .statusCode(200)
        .body("status", equalTo("duplicate"))
        .body("parent_service_request_id", equalTo(parent))
        .body("merged_datetime", notNullValue());

    as(north, "agent")
        .get("api/v1/cities/{city}/service-requests/{id}/history", north.slug(), parent)
        .then()
        .statusCode(200)
        .body("[-1].status", equalTo("received"))
        .body("[-1].actor", equalTo(north.slug() + "-agent"))
        .body("[-1].internal_note", containsString(duplicate))
        .body("[-1].internal_note", containsString("Same hole, now wider"))
        .body("[-1].internal_note", containsString("Caller says it doubled in size"));
    as(north, "agent")
        .get("api/v1/cities/{city}/service-requests/{id}/history", north.slug(), duplicate)
        .then()
        .body("[-1].status", equalTo("duplicate"))
        .body("[-1].public_note", equalTo("Already reported; follow the earlier request."));
    assertThat(
            Db.sql(
                north,
                "select count(*) from outbox_event where request_id = ?::uuid and type = 'merged'",
                parent))
        .isEqualTo("1");
    // the duplicate's follower follows the parent
    Awaitility.await("the follower of the duplicate follows the parent")
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                Db.sql(
                        north,
                        "select count(*) from notification_subscription where request_id ="
                            + " ?::uuid and email = ?",
                        parent,
                        email)
                    .equals("1"));
    // the caller's screen pop shows the parent, where the work goes on
    as(north, "agent")
        .queryParam("caller", "403-555-0199")
        .get("api/v1/cities/{city}/contacts/screen-pop", north.slug())
        .then()
        .body("open_requests.id", equalTo(List.of(parent)));

    // once only
    long events = Db.count(north, "outbox_event");
    as(north, "agent")
        .contentType(ContentType.JSON)
        .body(Map.of("parent_service_request_id", parent))
        .post("api/v1/cities/{city}/service-requests/{id}/merge", north.slug(), duplicate)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    assertThat(Db.count(north, "outbox_event")).isEqualTo(events);
  }

  @Test
  void aRequestMarkedDuplicateEarlierMergesOnlyIntoItsOwnParent() throws Exception {
    String parent = file(north, "pothole", "First report", "1 Main St");
    String other = file(north, "pothole", "Another hole", "2 Main St");
    String duplicate = file(north, "pothole", "Second report", "1 Main St");
    as(north, "agent")
        .contentType(ContentType.JSON)
        .body(Map.of("parent_service_request_id", parent))
        .post("api/v1/cities/{city}/service-requests/{id}/duplicate-of", north.slug(), duplicate)
        .then()
        .statusCode(200);
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("parent_service_request_id", other))
        .post("api/v1/cities/{city}/service-requests/{id}/merge", north.slug(), duplicate)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("parent_service_request_id"));
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("parent_service_request_id", parent))
        .post("api/v1/cities/{city}/service-requests/{id}/merge", north.slug(), duplicate)
        .then()
        .statusCode(200)
        .body("merged_datetime", notNullValue());
    // one duplicate entry only (from duplicate-of), not a second one from the merge
    assertThat(
            Db.sql(
                north,
                "select count(*) from outbox_event where request_id = ?::uuid and type ="
                    + " 'duplicate'",
                duplicate))
        .isEqualTo("1");
  }

  @Test
  void aWrongMergeIsRefusedAndChangesNothing() throws Exception {
    String request = file(north, "pothole", "Deep pothole", "1 Main St");
    String southRequest = file(south, "pothole", "Deep pothole", "1 Main St");
    long events = Db.count(north, "outbox_event");
    for (Object parent : List.of(request, southRequest, "not-an-id")) {
      as(north, "agent")
          .contentType(ContentType.JSON)
          .body(Map.of("parent_service_request_id", parent))
          .post("api/v1/cities/{city}/service-requests/{id}/merge", north.slug(), request)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("parent_service_request_id"));
    }
    as(north, "agent")
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post("api/v1/cities/{city}/service-requests/{id}/merge", north.slug(), request)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("parent_service_request_id"));
    // another city's staff on this city's path, a request of another city, department staff
    as(south, "agent")
        .contentType(ContentType.JSON)
        .body(Map.of("parent_service_request_id", southRequest))
        .post("api/v1/cities/{city}/service-requests/{id}/merge", north.slug(), request)
        .then()
        .statusCode(403);
    as(south, "agent")
        .contentType(ContentType.JSON)
        .body(Map.of("parent_service_request_id", southRequest))
        .post("api/v1/cities/{city}/service-requests/{id}/merge", south.slug(), request)
        .then()
        .statusCode(404);
    as(north, "department-staff")
        .contentType(ContentType.JSON)
        .body(Map.of("parent_service_request_id", southRequest))
        .post("api/v1/cities/{city}/service-requests/{id}/merge", north.slug(), request)
        .then()
        .statusCode(403);
    assertThat(Db.count(north, "outbox_event")).isEqualTo(events);
    assertThat(
            Db.sql(
                north, "select merged_at is null from service_request where id = ?::uuid", request))
        .isEqualTo("t");
  }

  @Test
  void aDepartmentOfAnotherCityIsUnknownHereAndItsRoutingStaysThere() throws Exception {
    Db.addCategory(south, UUID.randomUUID(), "streetlight", "Streetlight out");
    department(south, "lights", "Street Lights", List.of("streetlight"));
    String southLight = file(south, "streetlight", "Dark corner", "3 Main St");

    // north has no department "lights": its queue, staff mail and integrations say so
    as(north, "agent")
        .queryParam("department", "lights")
        .get("api/v1/cities/{city}/department-queue", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("department"));
    // south's department lists its own categories, and its queue its own request
    as(south, "agent")
        .queryParam("department", "lights")
        .get("api/v1/cities/{city}/department-queue", south.slug())
        .then()
        .statusCode(200)
        .body("requests.service_request_id", equalTo(List.of(southLight)));
    as(north, "agent")
        .queryParam("department", "roads")
        .get("api/v1/cities/{city}/department-queue", north.slug())
        .then()
        .statusCode(200)
        .body("requests.service_request_id", not(hasItem(southLight)));
  }

  @Test
  void departmentStaffWorkTheirDepartmentsQueueAndChangeNothingElse() throws Exception {
    String pothole = file(north, "pothole", "Deep pothole", "1 Main St");
    String graffiti = file(north, "graffiti", "Tags on the wall", "2 Main St");
    String staff = staffName(north);

    as(north, "department-staff")
        .get("api/v1/cities/{city}/department-queue", north.slug())
        .then()
        .statusCode(200)
        .body("departments.code", equalTo(List.of("roads")))
        .body("departments[0].members", equalTo(List.of(staff)))
        .body("requests.service_request_id", hasItem(pothole))
        .body("requests.service_request_id", not(hasItem(graffiti)))
        .body("requests.department", everyItem(equalTo("roads")));

    // assign to me, start, resolve with a note
    post(north, "department-staff", pothole, "assignment", Map.of("assignee", "me"))
        .statusCode(200)
        .body("assigned_to", equalTo(staff));
    as(north, "department-staff")
        .queryParam("assigned", "me")
        .get("api/v1/cities/{city}/department-queue", north.slug())
        .then()
        .body("requests.service_request_id", equalTo(List.of(pothole)));
    as(north, "department-staff")
        .queryParam("assigned", "none")
        .get("api/v1/cities/{city}/department-queue", north.slug())
        .then()
        .body("requests.service_request_id", not(hasItem(pothole)));
    post(north, "department-staff", pothole, "status", Map.of("status", "in_progress"))
        .statusCode(200);
    post(
            north,
            "department-staff",
            pothole,
            "status",
            Map.of(
                "status",
                "resolved",
                "public_note",
                "Filled this morning.",
                "internal_note",
                "2 bags"))
        .statusCode(200)
        .body("status", equalTo("resolved"));
    as(north, "agent")
        .get("api/v1/cities/{city}/service-requests/{id}/history", north.slug(), pothole)
        .then()
        .body("status", equalTo(List.of("received", "received", "in_progress", "resolved")))
        .body("[1].internal_note", equalTo("Assigned to " + staff + "."))
        .body("[1].actor", equalTo(staff))
        .body("[3].public_note", equalTo("Filled this morning."))
        .body("[3].actor", equalTo(staff));
    as(north, "department-staff")
        .get("api/v1/cities/{city}/department-queue", north.slug())
        .then()
        .body("requests.service_request_id", not(hasItem(pothole)));

    // another department's request, and its queue: refused, nothing changes
    long events = Db.count(north, "outbox_event");
    post(north, "department-staff", graffiti, "status", Map.of("status", "in_progress"))
        .statusCode(403)
        .body("detail", containsString("parks"));
    post(north, "department-staff", graffiti, "assignment", Map.of("assignee", "me"))
        .statusCode(403);
    as(north, "department-staff")
        .queryParam("department", "parks")
        .get("api/v1/cities/{city}/department-queue", north.slug())
        .then()
        .statusCode(403);
    // department staff of no department change nothing either
    String stranger =
        Identity.sign(
            Identity.claimsOf(
                    north.slug() + "-newcomer", List.of("department-staff"), List.of(north.slug()))
                .build());
    withToken(stranger)
        .contentType(ContentType.JSON)
        .body(Map.of("status", "in_progress"))
        .post("api/v1/cities/{city}/service-requests/{id}/status", north.slug(), graffiti)
        .then()
        .statusCode(403);
    withToken(stranger)
        .get("api/v1/cities/{city}/department-queue", north.slug())
        .then()
        .statusCode(200)
        .body("departments", empty())
        .body("requests", empty());
    assertThat(Db.count(north, "outbox_event")).isEqualTo(events);
  }

  @Test
  void agentsAssignToMembersOfTheRequestsDepartmentOnly() throws Exception {
    String pothole = file(north, "pothole", "Deep pothole", "1 Main St");
    String graffiti = file(north, "graffiti", "Tags", "2 Main St");
    String staff = staffName(north);
    post(north, "agent", pothole, "assignment", Map.of("assignee", staff))
        .statusCode(200)
        .body("assigned_to", equalTo(staff));
    // again: no change, no second entry
    long events = Db.count(north, "outbox_event");
    post(north, "agent", pothole, "assignment", Map.of("assignee", staff)).statusCode(200);
    assertThat(Db.count(north, "outbox_event")).isEqualTo(events);
    // not a member of parks, not a member at all, not a user name: 400 naming assignee
    for (String who : List.of(staff, north.slug() + "-agent", "me", "Not A Name!")) {
      post(north, "agent", graffiti, "assignment", Map.of("assignee", who))
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("assignee"));
    }
    assertThat(Db.count(north, "outbox_event")).isEqualTo(events);
    Map<String, Object> nobody = new HashMap<>();
    nobody.put("assignee", null);
    post(north, "agent", pothole, "assignment", nobody)
        .statusCode(200)
        .body("assigned_to", nullValue());
    as(north, "agent")
        .get("api/v1/cities/{city}/service-requests/{id}/history", north.slug(), pothole)
        .then()
        .body("[-1].internal_note", equalTo("Unassigned (was " + staff + ")."));
    // agents name the department of the queue they want
    as(north, "agent")
        .get("api/v1/cities/{city}/department-queue", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("department"));
    as(north, "agent")
        .queryParam("department", "parks")
        .get("api/v1/cities/{city}/department-queue", north.slug())
        .then()
        .statusCode(200)
        .body("requests.service_request_id", equalTo(List.of(graffiti)));
    as(north, "agent")
        .queryParam("department", "roads")
        .queryParam("assigned", "sometimes")
        .get("api/v1/cities/{city}/department-queue", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("assigned"));
    // a closed request is not assigned
    post(north, "agent", pothole, "status", Map.of("status", "closed")).statusCode(200);
    post(north, "agent", pothole, "assignment", Map.of("assignee", staff))
        .statusCode(400)
        .body("errors[0].field", equalTo("assignee"));
  }

  @Test
  void anotherCitySeesAndChangesNothingOfTheQueueOrTheAssignments() throws Exception {
    String pothole = file(north, "pothole", "Deep pothole", "1 Main St");
    as(south, "department-staff")
        .get("api/v1/cities/{city}/department-queue", north.slug())
        .then()
        .statusCode(403);
    as(south, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("usernames", List.of(staffName(south))))
        .put("api/v1/cities/{city}/admin/departments/roads/members", south.slug())
        .then()
        .statusCode(200);
    as(south, "department-staff")
        .get("api/v1/cities/{city}/department-queue", south.slug())
        .then()
        .statusCode(200)
        .body("requests.service_request_id", not(hasItem(pothole)));
    long events = Db.count(north, "outbox_event");
    as(south, "agent")
        .contentType(ContentType.JSON)
        .body(Map.of("assignee", staffName(north)))
        .post("api/v1/cities/{city}/service-requests/{id}/assignment", north.slug(), pothole)
        .then()
        .statusCode(403);
    as(south, "department-staff")
        .contentType(ContentType.JSON)
        .body(Map.of("assignee", "me"))
        .post("api/v1/cities/{city}/service-requests/{id}/assignment", south.slug(), pothole)
        .then()
        .statusCode(404);
    assertThat(Db.count(north, "outbox_event")).isEqualTo(events);
    assertThat(Db.sql(north, "select assigned_to from service_request where id = ?::uuid", pothole))
        .isNull();
    // the other city's members are its own
    as(north, "city-admin")
        .get("api/v1/cities/{city}/admin/departments/roads/members", north.slug())
        .then()
        .body("usernames", equalTo(List.of(staffName(north))));
  }

  @Test
  void administratorsKeepEachDepartmentsMembersAudited() throws Exception {
    String path = "api/v1/cities/{city}/admin/departments/{code}/members";
    as(north, "city-admin")
        .get(path, north.slug(), "parks")
        .then()
        .statusCode(200)
        .body("department", equalTo("parks"))
        .body("usernames", empty());
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("usernames", List.of(" Zoe.Parks@north ", "adam-parks", "adam-parks")))
        .put(path, north.slug(), "parks")
        .then()
        .statusCode(200)
        .body("usernames", equalTo(List.of("adam-parks", "zoe.parks@north")));
    assertThat(
            Db.sql(
                north,
                "select count(*) from audit_entry where subject = 'department-members:parks'"))
        .isEqualTo("1");
    long members = Db.count(north, "department_member");
    long audit = Db.count(north, "audit_entry");
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("usernames", List.of("adam-parks", "not a name!")))
        .put(path, north.slug(), "parks")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("usernames"));
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of())
        .put(path, north.slug(), "parks")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("usernames"));
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("usernames", List.of()))
        .put(path, north.slug(), "nowhere")
        .then()
        .statusCode(404);
    as(north, "agent").get(path, north.slug(), "parks").then().statusCode(403);
    as(south, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("usernames", List.of()))
        .put(path, north.slug(), "parks")
        .then()
        .statusCode(403);
    assertThat(Db.count(north, "department_member")).isEqualTo(members);
    assertThat(Db.count(north, "audit_entry")).isEqualTo(audit);
    assertThat(Db.count(south, "department_member")).isZero();
  }

  @Test
  void staffSeeTheWholeCatalogueWithQuestionsAndDepartments() throws Exception {
    Db.sql(north, "update service_category set staff_only = true where code = 'graffiti'");
    as(north, "agent")
        .get("api/v1/cities/{city}/staff/service-categories", north.slug())
        .then()
        .statusCode(200)
        .body("categories.code", equalTo(List.of("graffiti", "pothole")))
        .body("categories[0].staff_only", equalTo(true))
        .body("categories[1].department", equalTo("roads"))
        .body("departments.code", equalTo(List.of("parks", "roads")));
    as(south, "agent")
        .get("api/v1/cities/{city}/staff/service-categories", north.slug())
        .then()
        .statusCode(403);
    api().get("api/v1/cities/{city}/staff/service-categories", north.slug()).then().statusCode(401);
  }

  private static io.restassured.response.ValidatableResponse post(
      TestCity city, String role, String id, String what, Map<String, Object> body) {
    return as(city, role)
        .contentType(ContentType.JSON)
        .body(body)
        .post("api/v1/cities/{city}/service-requests/{id}/" + what, city.slug(), id)
        .then();
  }
}
