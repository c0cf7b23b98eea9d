package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.civic311.integrations.connector.webhook.WebhookSignature;
import org.civic311.it.support.Db;
import org.civic311.it.support.DepartmentSystem;
import org.civic311.it.support.Identity;
import org.civic311.it.support.PlatformIT;
import org.civic311.it.support.Voice;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the deployed application × every kind of caller × their own city and another
 * city → the status the access rules promise. The endpoints come from the deployment's own OpenAPI
 * document, so a new endpoint fails {@link #everyDeployedEndpointHasARow()} until it is given a row
 * here (and so a decision about who may use it).
 */
class AccessMatrixIT extends PlatformIT {
  private static final String PUBLIC = "public";
  private static final String OPERATOR = "operator";
  private static final String CITY_ADMIN = "city-admin";
  private static final String AGENT = "agent";
  private static final String STAFF = "department-staff";
  private static final String RESIDENT = "resident";
  private static final Set<String> CITY_ROLES = Set.of(CITY_ADMIN, AGENT, STAFF);
  private static final Set<String> ANY_SIGNED_IN =
      Set.of(OPERATOR, CITY_ADMIN, AGENT, STAFF, RESIDENT);
  private static final Set<String> CITY_STAFF = Set.of(CITY_ADMIN, AGENT, STAFF);

  /** A kind of caller: how they get a token (null: anonymous), their roles and their cities. */
  private record Who(
      String name,
      java.util.function.Supplier<String> token,
      Set<String> roles,
      Set<String> cities) {
    static Who user(String username, String role, String... cities) {
      return new Who(username, () -> Identity.token(username), Set.of(role), Set.of(cities));
    }
  }

  private static final List<Who> CALLERS =
      List.of(
          new Who("anonymous", () -> null, Set.of(), Set.of()),
          Who.user("operator", OPERATOR),
          Who.user("lethbridge-admin", CITY_ADMIN, "lethbridge"),
          Who.user("lethbridge-agent", AGENT, "lethbridge"),
          Who.user("lethbridge-staff", STAFF, "lethbridge"),
          Who.user("lethbridge-resident", RESIDENT),
          Who.user("calgary-admin", CITY_ADMIN, "calgary"),
          Who.user("calgary-agent", AGENT, "calgary"),
          Who.user("calgary-staff", STAFF, "calgary"),
          Who.user("shared-agent", AGENT, "lethbridge", "calgary"),
          new Who(
              "lethbridge-integrations (service account)",
              () -> Identity.serviceToken("lethbridge"),
              Set.of(STAFF),
              Set.of("lethbridge")));

  /** The city whose path is used, with what its requests need. */
  private record City(
      String slug, String jurisdiction, String apiKey, String categoryCode, String phone) {}

  private static final List<City> CITIES =
      List.of(
          new City(
              "lethbridge",
              "lethbridge.ca",
              "demo-lethbridge-open311-key",
              "pothole",
              "+14033203001"),
          new City("calgary", "calgary.ca", "demo-calgary-open311-key", "pothole", "+14032682489"));

  /**
   * One endpoint: who may use it, and how to call it well (so a refusal is about access only).
   * {@code departmentWork}: department staff may use it only as members of the department of the
   * demo pothole (roads), which the demo's staff are and the integrations' service account is not
   * (ADR 0018).
   */
  private record Row(Set<String> roles, Call call, boolean departmentWork) {}

  /** The demo users who are members of their city's roads department. */
  private static final Set<String> ROADS_MEMBERS = Set.of("lethbridge-staff", "calgary-staff");

  @FunctionalInterface
  private interface Call {
    Response send(RequestSpecification request, City city);
  }

  private final Map<String, Row> rows = new LinkedHashMap<>();

  {
    row("GET /api/v1/cities", Set.of(PUBLIC), (r, c) -> r.get("api/v1/cities"));
    row("GET /api/v1/cities/{city}", Set.of(PUBLIC), (r, c) -> r.get("api/v1/cities/" + c.slug));
    row(
        "GET /api/v1/cities/{city}/service-categories",
        Set.of(PUBLIC),
        (r, c) -> r.get(city(c) + "/service-categories"));
    row(
        "GET /api/v1/cities/{city}/service-categories/{code}",
        Set.of(PUBLIC),
        (r, c) -> r.get(city(c) + "/service-categories/" + c.categoryCode));
    row(
        "POST /api/v1/cities/{city}/service-requests",
        Set.of(PUBLIC),
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(newRequest(c))
                .post(city(c) + "/service-requests"));
    row(
        "GET /api/v1/cities/{city}/service-requests",
        CITY_STAFF,
        (r, c) -> r.get(city(c) + "/service-requests"));
    row(
        "GET /api/v1/cities/{city}/service-requests/{id}",
        Set.of(PUBLIC),
        (r, c) -> r.get(city(c) + "/service-requests/" + fresh(c)));
    row(
        "GET /api/v1/cities/{city}/media/{id}",
        Set.of(PUBLIC),
        (r, c) -> r.get(city(c) + "/media/" + photo(c)));
    row(
        "GET /api/v1/cities/{city}/service-requests/{id}/history",
        CITY_STAFF,
        (r, c) -> r.get(city(c) + "/service-requests/" + fresh(c) + "/history"));
    row(
        "GET /api/v1/cities/{city}/service-requests/{id}/reporter",
        CITY_STAFF,
        (r, c) -> r.get(city(c) + "/service-requests/" + fresh(c) + "/reporter"));
    departmentRow(
        "POST /api/v1/cities/{city}/service-requests/{id}/status",
        CITY_STAFF,
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(Map.of("status", "in_progress", "public_note", "Crew assigned."))
                .post(city(c) + "/service-requests/" + fresh(c) + "/status"));
    row(
        "POST /api/v1/cities/{city}/service-requests/{id}/duplicate-of",
        Set.of(AGENT, CITY_ADMIN),
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(Map.of("parent_service_request_id", fresh(c)))
                .post(city(c) + "/service-requests/" + fresh(c) + "/duplicate-of"));
    row(
        "GET /api/v1/cities/{city}/service-requests/search",
        CITY_STAFF,
        (r, c) -> r.queryParam("number", fresh(c)).get(city(c) + "/service-requests/search"));
    departmentRow(
        "POST /api/v1/cities/{city}/service-requests/{id}/assignment",
        CITY_STAFF,
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(Map.of("assignee", c.slug + "-staff"))
                .post(city(c) + "/service-requests/" + fresh(c) + "/assignment"));
    row(
        "POST /api/v1/cities/{city}/service-requests/{id}/merge",
        Set.of(AGENT, CITY_ADMIN),
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(Map.of("parent_service_request_id", fresh(c)))
                .post(city(c) + "/service-requests/" + fresh(c) + "/merge"));
    departmentRow(
        "GET /api/v1/cities/{city}/department-queue",
        CITY_STAFF,
        (r, c) -> r.queryParam("department", "roads").get(city(c) + "/department-queue"));
    row(
        "GET /api/v1/cities/{city}/staff/service-categories",
        CITY_STAFF,
        (r, c) -> r.get(city(c) + "/staff/service-categories"));
    row(
        "GET /api/v1/cities/{city}/admin/departments/{code}/members",
        Set.of(CITY_ADMIN),
        (r, c) -> r.get(city(c) + "/admin/departments/roads/members"));
    row(
        "PUT /api/v1/cities/{city}/admin/departments/{code}/members",
        Set.of(CITY_ADMIN),
        // the demo's own members again
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(Map.of("usernames", List.of(c.slug + "-staff")))
                .put(city(c) + "/admin/departments/roads/members"));
    row(
        "GET /api/v1/cities/{city}/me/service-requests",
        Set.of(RESIDENT),
        (r, c) -> r.get(city(c) + "/me/service-requests"));
    row("GET /api/v1/me", ANY_SIGNED_IN, (r, c) -> r.get("api/v1/me"));
    row("GET /api/v1/cities/{city}/hours", Set.of(PUBLIC), (r, c) -> r.get(city(c) + "/hours"));
    row(
        "GET /api/v1/cities/{city}/hours/now",
        Set.of(PUBLIC),
        (r, c) -> r.get(city(c) + "/hours/now"));
    row(
        "GET /api/v1/cities/{city}/admin/hours",
        Set.of(CITY_ADMIN),
        (r, c) -> r.get(city(c) + "/admin/hours"));
    row(
        "PUT /api/v1/cities/{city}/admin/hours",
        Set.of(CITY_ADMIN),
        // the city's own hours again: an allowed call changes nothing that other tests rely on
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(api().get(city(c) + "/hours").then().extract().jsonPath().getMap("hours"))
                .put(city(c) + "/admin/hours"));
    row(
        "GET /api/v1/cities/{city}/admin/departments",
        Set.of(CITY_ADMIN),
        (r, c) -> r.get(city(c) + "/admin/departments"));
    row(
        "PUT /api/v1/cities/{city}/admin/departments/{code}",
        Set.of(CITY_ADMIN),
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(Map.of("name", "Access matrix", "categories", List.of()))
                .put(city(c) + "/admin/departments/access-matrix"));
    row(
        "GET /api/v1/cities/{city}/admin/service-categories",
        Set.of(CITY_ADMIN),
        (r, c) -> r.get(city(c) + "/admin/service-categories"));
    row(
        "PUT /api/v1/cities/{city}/admin/service-categories/{code}",
        Set.of(CITY_ADMIN),
        // the demo's own pothole category again
        (r, c) -> {
          Map<String, Object> current =
              as(c.slug + "-admin")
                  .get(city(c) + "/admin/service-categories")
                  .then()
                  .extract()
                  .jsonPath()
                  .getMap("find { it.code == '" + c.categoryCode + "' }");
          return r.contentType(ContentType.JSON)
              .body(current)
              .put(city(c) + "/admin/service-categories/" + c.categoryCode);
        });
    row(
        "PUT /api/v1/cities/{city}/admin/service-categories/{code}/service-level",
        Set.of(CITY_ADMIN),
        // the demo's own service level for potholes again
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(Map.of("sla_hours", 72, "basis", "business", "priority", "normal"))
                .put(city(c) + "/admin/service-categories/" + c.categoryCode + "/service-level"));
    row(
        "GET /api/v1/cities/{city}/admin/phone-routing",
        Set.of(CITY_ADMIN),
        (r, c) -> r.get(city(c) + "/admin/phone-routing"));
    row(
        "PUT /api/v1/cities/{city}/admin/phone-routing",
        Set.of(CITY_ADMIN),
        // the city's own routing again
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(
                    as(c.slug + "-admin")
                        .get(city(c) + "/admin/phone-routing")
                        .then()
                        .extract()
                        .jsonPath()
                        .getMap("$"))
                .put(city(c) + "/admin/phone-routing"));
    row(
        "GET /api/v1/cities/{city}/admin/phone-routing/decision",
        Set.of(CITY_ADMIN),
        (r, c) -> r.get(city(c) + "/admin/phone-routing/decision?number=" + c.phone));
    // the telephony provider's webhook: no person's token, but Twilio's signature (VoiceIT)
    for (String step : List.of("incoming", "language", "urgent")) {
      row(
          "POST /api/v1/voice/" + step,
          Set.of(PUBLIC),
          (r, c) -> {
            String b = base().toString();
            return Voice.post(
                r,
                b.substring(0, b.length() - 1),
                "/api/v1/voice/" + step,
                Map.of("To", c.phone, "Digits", "1"));
          });
    }
    row(
        "POST /api/v1/cities/{city}/contacts",
        Set.of(CITY_ADMIN, AGENT),
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(
                    Map.of(
                        "channel", "phone",
                        "caller", "403-555-0199",
                        "topic", "Garbage day",
                        "minutes", 2))
                .post(city(c) + "/contacts"));
    row(
        "GET /api/v1/cities/{city}/contacts/screen-pop",
        Set.of(CITY_ADMIN, AGENT),
        (r, c) -> r.get(city(c) + "/contacts/screen-pop?caller=4035550199"));
    row(
        "GET /api/v1/cities/{city}/knowledge",
        CITY_STAFF,
        (r, c) -> r.get(city(c) + "/knowledge?q=garbage"));
    row(
        "GET /api/v1/cities/{city}/knowledge/{slug}",
        CITY_STAFF,
        (r, c) -> r.get(city(c) + "/knowledge/property-tax-due-date"));
    row(
        "GET /api/v1/cities/{city}/admin/knowledge",
        Set.of(CITY_ADMIN),
        (r, c) -> r.get(city(c) + "/admin/knowledge"));
    row(
        "PUT /api/v1/cities/{city}/admin/knowledge/{slug}",
        Set.of(CITY_ADMIN),
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(
                    Map.of(
                        "topic", "Access matrix",
                        "title", "An article the access matrix writes",
                        "body", "Written by the access matrix test.",
                        "locale", "en"))
                .put(city(c) + "/admin/knowledge/access-matrix"));
    row(
        "GET /api/v1/cities/{city}/admin/catalogue/export",
        Set.of(CITY_ADMIN),
        (r, c) -> r.get(city(c) + "/admin/catalogue/export"));
    row(
        "POST /api/v1/cities/{city}/admin/catalogue/import",
        Set.of(CITY_ADMIN),
        // the city's own catalogue again: every row unchanged
        (r, c) ->
            r.contentType("text/csv")
                .body(as(c.slug + "-admin").get(city(c) + "/admin/catalogue/export").asString())
                .post(city(c) + "/admin/catalogue/import"));
    row(
        "GET /api/v1/cities/{city}/admin/audit",
        Set.of(CITY_ADMIN),
        (r, c) -> r.get(city(c) + "/admin/audit"));
    row("GET /api/v1/provider/cities", Set.of(OPERATOR), (r, c) -> r.get("api/v1/provider/cities"));
    row(
        "GET /api/v1/provider/cities/{slug}/phone-numbers",
        Set.of(OPERATOR),
        (r, c) -> r.get("api/v1/provider/cities/" + c.slug + "/phone-numbers"));
    row(
        "PUT /api/v1/provider/cities/{slug}/phone-numbers",
        Set.of(OPERATOR),
        // the city's own numbers again
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(
                    as("operator")
                        .get("api/v1/provider/cities/" + c.slug + "/phone-numbers")
                        .then()
                        .extract()
                        .jsonPath()
                        .getMap("$"))
                .put("api/v1/provider/cities/" + c.slug + "/phone-numbers"));
    row(
        "POST /api/v1/provider/cities",
        Set.of(OPERATOR),
        // a new city each time, unique in Keycloak too (no catalogue, to keep the matrix quick)
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(
                    Map.of(
                        "slug",
                        "matrix-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                        "display_name",
                        "Matrix city " + java.util.UUID.randomUUID().toString().substring(0, 8),
                        "jurisdiction_id",
                        "m"
                            + java.util.UUID.randomUUID().toString().substring(0, 8)
                            + ".example.org",
                        "time_zone",
                        "America/Edmonton",
                        "locales",
                        List.of("en"),
                        "catalogue",
                        "none"))
                .post("api/v1/provider/cities"));
    row(
        "POST /api/v1/provider/onboardings",
        Set.of(OPERATOR),
        // the same form in the background: a new city each time, no catalogue
        (r, c) ->
            r.contentType(ContentType.JSON).body(matrixCity()).post("api/v1/provider/onboardings"));
    row(
        "GET /api/v1/provider/onboardings/{id}",
        Set.of(OPERATOR),
        (r, c) -> r.get("api/v1/provider/onboardings/" + spareOnboarding()));
    // suspension acts on a city of the matrix's own, never on the demo cities the other rows use
    row(
        "POST /api/v1/provider/cities/{slug}/suspend",
        Set.of(OPERATOR),
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(Map.of("reason", "Checked by the access matrix"))
                .post("api/v1/provider/cities/" + spareCity() + "/suspend"));
    row(
        "POST /api/v1/provider/cities/{slug}/resume",
        Set.of(OPERATOR),
        (r, c) -> r.post("api/v1/provider/cities/" + spareCity() + "/resume"));
    row(
        "GET /api/v1/provider/usage",
        Set.of(OPERATOR),
        (r, c) -> r.queryParam("days", 30).get("api/v1/provider/usage"));
    // exports read the matrix's own city; offboarding acts on a fresh city each time
    row(
        "POST /api/v1/provider/cities/{slug}/exports",
        Set.of(OPERATOR),
        (r, c) -> r.post("api/v1/provider/cities/" + spareCity() + "/exports"));
    row(
        "GET /api/v1/provider/cities/{slug}/exports/{id}",
        Set.of(OPERATOR),
        (r, c) -> r.get("api/v1/provider/cities/" + spareCity() + "/exports/" + spareExport()));
    row(
        "GET /api/v1/provider/cities/{slug}/exports/{id}/archive",
        Set.of(OPERATOR),
        (r, c) ->
            r.get(
                "api/v1/provider/cities/"
                    + spareCity()
                    + "/exports/"
                    + spareExport()
                    + "/archive"));
    row(
        "POST /api/v1/provider/cities/{slug}/offboarding",
        Set.of(OPERATOR),
        (r, c) -> {
          String slug = leavingCity(null);
          return r.contentType(ContentType.JSON)
              .body(Map.of("confirm", slug, "reason", "Checked by the access matrix"))
              .post("api/v1/provider/cities/" + slug + "/offboarding");
        });
    row(
        "DELETE /api/v1/provider/cities/{slug}/offboarding",
        Set.of(OPERATOR),
        (r, c) ->
            r.delete(
                "api/v1/provider/cities/"
                    + leavingCity("now() + interval '30 days'")
                    + "/offboarding"));
    row(
        "POST /api/v1/provider/cities/{slug}/offboarding/complete",
        Set.of(OPERATOR),
        (r, c) ->
            r.post(
                "api/v1/provider/cities/"
                    + leavingCity("now() - interval '1 minute'")
                    + "/offboarding/complete"));
    row(
        "GET /api/v1/provider/audit",
        Set.of(OPERATOR),
        (r, c) -> r.queryParam("limit", 5).get("api/v1/provider/audit"));
    row("GET /assets/{file: .+}", Set.of(PUBLIC), (r, c) -> r.get("assets/agent/agent.js"));
    row("GET /c/{city}/agent", Set.of(PUBLIC), (r, c) -> r.get("c/" + c.slug + "/agent/"));
    // the provider console's shell: public, as it carries no data; the API it calls is not
    row("GET /provider", Set.of(PUBLIC), (r, c) -> r.get("provider/"));
    // the administration pages' shell: public, as it carries no city data; the API it calls is not
    row("GET /c/{city}/admin", Set.of(PUBLIC), (r, c) -> r.get("c/" + c.slug + "/admin/"));
    // the resident portal: public pages over the public API
    row("GET /c/{city}", Set.of(PUBLIC), (r, c) -> r.get("c/" + c.slug + "/"));
    row("GET /c/{city}/report", Set.of(PUBLIC), (r, c) -> r.get("c/" + c.slug + "/report"));
    row(
        "GET /c/{city}/my-requests",
        Set.of(PUBLIC),
        (r, c) -> r.get("c/" + c.slug + "/my-requests"));
    row(
        "GET /c/{city}/follow",
        Set.of(PUBLIC),
        (r, c) -> r.queryParam("number", fresh(c)).get("c/" + c.slug + "/follow"));
    row(
        "GET /webjars/{file: .+}",
        Set.of(PUBLIC),
        (r, c) -> r.get("webjars/leaflet/1.9.4/dist/leaflet.js"));
    row(
        "GET /api/v1/cities/{city}/phone-numbers",
        Set.of(PUBLIC),
        (r, c) -> r.get(city(c) + "/phone-numbers"));
    row(
        "GET /api/v1/cities/{city}/service-requests/nearby",
        Set.of(PUBLIC),
        (r, c) ->
            r.queryParam("service_code", c.categoryCode)
                .queryParam("lat", "49.7")
                .queryParam("long", "-112.8")
                .get(city(c) + "/service-requests/nearby"));
    row(
        "GET /c/{city}/requests/{id}",
        Set.of(PUBLIC),
        (r, c) -> r.get("c/" + c.slug + "/requests/" + fresh(c)));
    row(
        "POST /api/v1/cities/{city}/service-requests/{id}/supporters",
        Set.of(PUBLIC),
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(Map.of("email", "supporter@example.org"))
                .post(city(c) + "/service-requests/" + fresh(c) + "/supporters"));
    row(
        "POST /api/v1/cities/{city}/subscriptions",
        Set.of(PUBLIC),
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(
                    Map.of(
                        "service_request_id",
                        fresh(c),
                        "email",
                        "follower-" + java.util.UUID.randomUUID() + "@example.org"))
                .post(city(c) + "/subscriptions"));
    row(
        "POST /api/v1/cities/{city}/subscriptions/stop",
        Set.of(PUBLIC),
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(
                    Map.of(
                        "service_request_id",
                        fresh(c),
                        "email",
                        "follower-" + java.util.UUID.randomUUID() + "@example.org"))
                .post(city(c) + "/subscriptions/stop"));
    row(
        "POST /api/v1/cities/{city}/subscriptions/confirm",
        Set.of(PUBLIC),
        (r, c) -> r.queryParam("token", token(c, false)).post(city(c) + "/subscriptions/confirm"));
    row(
        "POST /api/v1/cities/{city}/subscriptions/unsubscribe",
        Set.of(PUBLIC),
        (r, c) ->
            r.queryParam("token", token(c, true))
                .contentType(ContentType.URLENC)
                .formParam("List-Unsubscribe", "One-Click")
                .post(city(c) + "/subscriptions/unsubscribe"));
    row(
        "GET /c/{city}/subscriptions/confirm",
        Set.of(PUBLIC),
        (r, c) -> r.queryParam("token", "any").get("c/" + c.slug + "/subscriptions/confirm"));
    row(
        "POST /c/{city}/subscriptions/confirm",
        Set.of(PUBLIC),
        (r, c) ->
            r.contentType(ContentType.URLENC)
                .formParam("token", token(c, false))
                .post("c/" + c.slug + "/subscriptions/confirm"));
    row(
        "GET /c/{city}/subscriptions/unsubscribe",
        Set.of(PUBLIC),
        (r, c) -> r.queryParam("token", "any").get("c/" + c.slug + "/subscriptions/unsubscribe"));
    row(
        "POST /c/{city}/subscriptions/unsubscribe",
        Set.of(PUBLIC),
        (r, c) ->
            r.contentType(ContentType.URLENC)
                .formParam("token", token(c, true))
                .post("c/" + c.slug + "/subscriptions/unsubscribe"));
    row(
        "GET /api/v1/cities/{city}/admin/duplicate-rule",
        Set.of(CITY_ADMIN),
        (r, c) -> r.get(city(c) + "/admin/duplicate-rule"));
    row(
        "PUT /api/v1/cities/{city}/admin/duplicate-rule",
        Set.of(CITY_ADMIN),
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(Map.of("duplicate_radius_metres", 50, "duplicate_max_age_days", 14))
                .put(city(c) + "/admin/duplicate-rule"));
    row(
        "GET /api/v1/cities/{city}/admin/notifications/settings",
        Set.of(CITY_ADMIN),
        (r, c) -> r.get(city(c) + "/admin/notifications/settings"));
    row(
        "PUT /api/v1/cities/{city}/admin/notifications/settings",
        Set.of(CITY_ADMIN),
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(
                    Map.of(
                        "sender_address",
                        "311@" + c.slug + ".example.org",
                        "sender_name",
                        "311 " + c.slug,
                        "locales",
                        List.of("en"),
                        "hourly_limit",
                        5000))
                .put(city(c) + "/admin/notifications/settings"));
    row(
        "GET /api/v1/cities/{city}/admin/notifications/staff",
        Set.of(CITY_ADMIN),
        (r, c) -> r.get(city(c) + "/admin/notifications/staff"));
    row(
        "POST /api/v1/cities/{city}/admin/notifications/staff",
        Set.of(CITY_ADMIN),
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(
                    Map.of(
                        "department", "roads",
                        "email", "staff-" + java.util.UUID.randomUUID() + "@example.org",
                        "mode", "digest"))
                .post(city(c) + "/admin/notifications/staff"));
    row(
        "DELETE /api/v1/cities/{city}/admin/notifications/staff/{id}",
        Set.of(CITY_ADMIN),
        (r, c) -> r.delete(city(c) + "/admin/notifications/staff/" + staffMail(c)));
    row(
        "GET /api/v1/cities/{city}/admin/notifications/suppressions",
        Set.of(CITY_ADMIN),
        (r, c) -> r.get(city(c) + "/admin/notifications/suppressions"));
    row(
        "DELETE /api/v1/cities/{city}/admin/notifications/suppressions/{email}",
        Set.of(CITY_ADMIN),
        (r, c) -> r.delete(city(c) + "/admin/notifications/suppressions/" + suppressed(c)));
    row(
        "GET /api/v1/cities/{city}/admin/departments/{code}/integration",
        Set.of(CITY_ADMIN),
        (r, c) -> r.get(city(c) + "/admin/departments/" + integrated(c) + "/integration"));
    row(
        "PUT /api/v1/cities/{city}/admin/departments/{code}/integration",
        Set.of(CITY_ADMIN),
        // the matrix's own integration of roads again (secrets kept)
        (r, c) ->
            r.contentType(ContentType.JSON)
                .body(Map.of("url", matrixDepartment().url("/matrix/" + c.slug), "auth", "none"))
                .put(city(c) + "/admin/departments/" + integrated(c) + "/integration"));
    row(
        "GET /api/v1/cities/{city}/admin/integrations/dead-letters",
        Set.of(CITY_ADMIN),
        (r, c) -> r.get(city(c) + "/admin/integrations/dead-letters"));
    row(
        "POST /api/v1/cities/{city}/admin/integrations/dead-letters/{id}/replay",
        Set.of(CITY_ADMIN),
        (r, c) ->
            r.post(city(c) + "/admin/integrations/dead-letters/" + deadLetter(c) + "/replay"));
    row(
        "POST /api/v1/cities/{city}/admin/integrations/dead-letters/{id}/discard",
        Set.of(CITY_ADMIN),
        (r, c) ->
            r.post(city(c) + "/admin/integrations/dead-letters/" + deadLetter(c) + "/discard"));
    row(
        "GET /api/v1/cities/{city}/admin/integrations/health",
        Set.of(CITY_ADMIN),
        (r, c) -> r.get(city(c) + "/admin/integrations/health"));
    row(
        "POST /api/v1/cities/{city}/admin/integrations/{department}/resume",
        Set.of(CITY_ADMIN),
        (r, c) -> r.post(city(c) + "/admin/integrations/" + integrated(c) + "/resume"));
    // a department system's status updates: no person's token, but the department's signature
    // (DepartmentIntegrationsIT checks the refusals)
    row(
        "POST /api/v1/cities/{city}/integrations/{department}/status-updates",
        Set.of(PUBLIC),
        (r, c) -> {
          String department = integrated(c);
          String body =
              jakarta.json.Json.createObjectBuilder()
                  .add("update_id", "matrix-" + java.util.UUID.randomUUID())
                  .add("service_request_id", fresh(c))
                  .add("status", "in_progress")
                  .build()
                  .toString();
          long now = java.time.Instant.now().getEpochSecond();
          return r.contentType(ContentType.JSON)
              .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(now))
              .header(
                  WebhookSignature.SIGNATURE_HEADER,
                  WebhookSignature.sign(MATRIX_SECRET, now, body))
              .body(body)
              .post(city(c) + "/integrations/" + department + "/status-updates");
        });
    row(
        "GET /open311/v2/discovery.{format:xml|json}",
        Set.of(PUBLIC),
        (r, c) -> r.get("open311/v2/discovery.json"));
    row("GET /open311/v2/openapi.yaml", Set.of(PUBLIC), (r, c) -> r.get("open311/v2/openapi.yaml"));
    row(
        "GET /open311/v2/services.{format:xml|json}",
        Set.of(PUBLIC),
        (r, c) -> open311(r, c).get("open311/v2/services.json"));
    row(
        "GET /open311/v2/services/{code}.{format:xml|json}",
        Set.of(PUBLIC),
        (r, c) -> open311(r, c).get("open311/v2/services/" + c.categoryCode + ".json"));
    row(
        "GET /open311/v2/requests.{format:xml|json}",
        Set.of(PUBLIC),
        (r, c) -> open311(r, c).get("open311/v2/requests.json"));
    row(
        "POST /open311/v2/requests.{format:xml|json}",
        Set.of(PUBLIC),
        (r, c) ->
            open311(r, c)
                .formParam("api_key", c.apiKey)
                .formParam("service_code", c.categoryCode)
                .formParam("description", "Reported through an Open311 app")
                .formParam("lat", "49.69")
                .formParam("long", "-112.84")
                .header("X-Acknowledge-Duplicate", "true")
                .post("open311/v2/requests.json"));
    row(
        "GET /open311/v2/servicerequestupdates.{format:xml|json}",
        Set.of(PUBLIC),
        (r, c) -> open311(r, c).get("open311/v2/servicerequestupdates.json"));
    row(
        "POST /open311/v2/servicerequestupdates.{format:xml|json}",
        Set.of(PUBLIC),
        (r, c) ->
            r.contentType("application/x-www-form-urlencoded; charset=utf-8")
                .formParam("jurisdiction_id", c.jurisdiction)
                .formParam("api_key", c.apiKey)
                .formParam("service_request_id", fresh(c))
                .formParam("description", "A resident's update")
                .post("open311/v2/servicerequestupdates.json"));
    row(
        "GET /open311/v2/requests/{id}.{format:xml|json}",
        Set.of(PUBLIC),
        (r, c) -> open311(r, c).get("open311/v2/requests/" + fresh(c) + ".json"));
    row(
        "GET /open311/v2/request/{id}.{format:xml|json}",
        Set.of(PUBLIC),
        (r, c) -> open311(r, c).get("open311/v2/request/" + fresh(c) + ".json"));
    row(
        "GET /open311/v2/tokens/{token}.{format:xml|json}",
        Set.of(PUBLIC),
        (r, c) -> open311(r, c).get("open311/v2/tokens/" + fresh(c) + ".json"));
  }

  private static volatile String spareCity;

  /** A city made for the suspension rows, so suspending it disturbs no other row. */
  private static String spareCity() {
    if (spareCity == null) {
      try {
        spareCity = Db.createCity("matrix").slug();
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return spareCity;
  }

  private static String spareExport;

  /** An export of the matrix's own city, made once by the operator. */
  private static String spareOnboarding;

  /** An onboarding of the matrix's own (a city without a catalogue), started once. */
  private static String spareOnboarding() {
    if (spareOnboarding == null) {
      spareOnboarding =
          as("operator")
              .contentType(ContentType.JSON)
              .body(matrixCity())
              .post("api/v1/provider/onboardings")
              .then()
              .statusCode(202)
              .extract()
              .path("id");
    }
    return spareOnboarding;
  }

  /** An onboarding form for a new city, unique in Keycloak too, without a catalogue. */
  private static Map<String, Object> matrixCity() {
    String id = java.util.UUID.randomUUID().toString().substring(0, 8);
    return Map.of(
        "slug",
        "matrix-" + id,
        "display_name",
        "Matrix city " + id,
        "jurisdiction_id",
        "m" + id + ".example.org",
        "time_zone",
        "America/Edmonton",
        "locales",
        List.of("en"),
        "catalogue",
        "none");
  }

  private static String spareExport() {
    if (spareExport == null) {
      spareExport =
          as("operator")
              .post("api/v1/provider/cities/" + spareCity() + "/exports")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
    }
    return spareExport;
  }

  /**
   * A new city of the matrix's own, active, or (when {@code offboardAt} is an SQL time) suspended
   * and scheduled for deletion then.
   */
  private static String leavingCity(String offboardAt) {
    try {
      Db.TestCity city = Db.createCity("leaving");
      if (offboardAt != null) {
        try (java.sql.Connection c = Db.asOwner();
            java.sql.PreparedStatement s =
                c.prepareStatement(
                    "update tenant set status = 'SUSPENDED', offboard_at = "
                        + offboardAt
                        + " where id = ?")) {
          s.setObject(1, city.id());
          s.executeUpdate();
        }
      }
      return city.slug();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void row(String endpoint, Set<String> roles, Call call) {
    rows.put(endpoint, new Row(roles, call, false));
  }

  /** A row whose department staff must be members of the request's department (roads). */
  private void departmentRow(String endpoint, Set<String> roles, Call call) {
    rows.put(endpoint, new Row(roles, call, true));
  }

  @Test
  void everyDeployedEndpointHasARow() {
    Map<String, Object> paths =
        api()
            .accept(ContentType.JSON)
            .get("openapi")
            .then()
            .statusCode(200)
            .extract()
            .path("paths");
    Set<String> deployed = new TreeSet<>();
    paths.forEach(
        (path, operations) ->
            ((Map<?, ?>) operations)
                .keySet()
                .forEach(
                    method -> {
                      String m = method.toString().toUpperCase(java.util.Locale.ROOT);
                      if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(m)) {
                        deployed.add(m + " " + path);
                      }
                    }));
    assertThat(deployed)
        .as("deployed endpoints (give each new one a row here)")
        .containsExactlyInAnyOrderElementsOf(rows.keySet());
  }

  @Test
  void everyEndpointAnswersEveryCallerAsTheRulesSay() {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, Row> entry : rows.entrySet()) {
      for (Who who : CALLERS) {
        String token = who.token.get();
        for (City city : CITIES) {
          RequestSpecification request = api();
          if (token != null) {
            request.header("Authorization", "Bearer " + token);
          }
          int status = entry.getValue().call.send(request, city).statusCode();
          int expected = expected(entry.getKey(), entry.getValue(), who, city.slug);
          boolean ok = expected == 200 ? status >= 200 && status < 300 : status == expected;
          if (!ok) {
            wrong.add(
                entry.getKey()
                    + " as "
                    + who.name
                    + " on "
                    + city.slug
                    + ": expected "
                    + (expected == 200 ? "2xx" : expected)
                    + ", got "
                    + status);
          }
          checked++;
        }
      }
    }
    assertThat(wrong).as("cases answered against the rules").isEmpty();
    assertThat(checked).isEqualTo(rows.size() * CALLERS.size() * CITIES.size());
  }

  /** The rule, written once: public; else sign in (401); else a role that counts here (403). */
  private static int expected(String endpoint, Row row, Who who, String city) {
    Set<String> allowed = row.roles;
    if (allowed.contains(PUBLIC)) {
      return 200;
    }
    if (who.roles.isEmpty()) {
      return 401;
    }
    boolean cityPath = endpoint.contains("{city}");
    for (String role : who.roles) {
      if (allowed.contains(role)
          && (!cityPath || !CITY_ROLES.contains(role) || who.cities.contains(city))
          && !(row.departmentWork && STAFF.equals(role) && !ROADS_MEMBERS.contains(who.name))) {
        return 200;
      }
    }
    return 403;
  }

  private static String city(City c) {
    return "api/v1/cities/" + c.slug;
  }

  private static RequestSpecification open311(RequestSpecification request, City c) {
    return request.queryParam("jurisdiction_id", c.jurisdiction);
  }

  private static Map<String, Object> newRequest(City c) {
    return Map.of(
        "service_code",
        c.categoryCode,
        "description",
        "Checked by the access matrix",
        "lat",
        49.69,
        "long",
        -112.84,
        "acknowledge_duplicate",
        true);
  }

  /** A new request of {@code c}, reported anonymously, so each change has its own to work on. */
  /** A fresh subscription's unsubscribe token, or confirmation token. */
  private static String token(City c, boolean unsubscribe) {
    try {
      return Db.subscribe(
          Db.city(c.slug),
          fresh(c),
          "matrix-" + java.util.UUID.randomUUID() + "@example.org",
          unsubscribe);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The id of a fresh staff mail subscription (made by the city's administrator). */
  private static String staffMail(City c) {
    return as(c.slug + "-admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "department",
                "roads",
                "email",
                "staff-" + java.util.UUID.randomUUID() + "@example.org"))
        .post(city(c) + "/admin/notifications/staff")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** An address just put on the city's suppression list. */
  private static String suppressed(City c) {
    String email = "gone-" + java.util.UUID.randomUUID() + "@example.org";
    try {
      Db.sql(
          Db.city(c.slug),
          "insert into notification_suppression (tenant_id, email, reason, created_at)"
              + " values (?::uuid, ?, 'bounced', now())",
          Db.city(c.slug).id().toString(),
          email);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return email;
  }

  /** The id of a photo of a fresh request (a 6-byte GIF header is enough to be served). */
  private static String photo(City c) {
    String id = java.util.UUID.randomUUID().toString();
    try {
      Db.sql(
          Db.city(c.slug),
          "insert into request_media (tenant_id, id, request_id, content_type, size_bytes,"
              + " content, created_at) values (?::uuid, ?::uuid, ?::uuid, 'image/gif', 6,"
              + " decode('474946383961', 'hex'), now())",
          Db.city(c.slug).id().toString(),
          id,
          fresh(c));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return id;
  }

  private static final String MATRIX_SECRET = "access-matrix-signing-secret";
  private static DepartmentSystem matrixDepartment;
  private static final Set<String> INTEGRATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** The stand-in department system the matrix's integrations deliver to (200 for everything). */
  private static synchronized DepartmentSystem matrixDepartment() {
    if (matrixDepartment == null) {
      try {
        matrixDepartment = DepartmentSystem.start();
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return matrixDepartment;
  }

  /**
   * The demo's roads department of {@code c}, given a webhook to the matrix's department system
   * (once per city) so that its endpoints have something to show; returns its code.
   */
  private static String integrated(City c) {
    if (INTEGRATED.add(c.slug)) {
      as(c.slug + "-admin")
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "url",
                  matrixDepartment().url("/matrix/" + c.slug),
                  "auth",
                  "none",
                  "signing_secret",
                  MATRIX_SECRET))
          .put(city(c) + "/admin/departments/roads/integration")
          .then()
          .statusCode(200);
    }
    return "roads";
  }

  /**
   * The id of a fresh dead letter of the integrations in {@code c}: the first event of a fresh
   * request, once the integration consumer is done with it, put back as refused.
   */
  private static String deadLetter(City c) {
    try {
      integrated(c);
      Db.TestCity city = Db.city(c.slug);
      String request = fresh(c);
      String event =
          Db.sql(
              city, "select id from outbox_event where request_id = ?::uuid and seq = 1", request);
      org.awaitility.Awaitility.await("the integration consumer is done with " + event)
          .atMost(java.time.Duration.ofSeconds(30))
          .until(
              () ->
                  Db.sql(
                          city,
                          "select count(*) from outbox_delivery where consumer = 'integration'"
                              + " and event_id = ?::uuid",
                          event)
                      .equals("0"));
      Db.sql(
          city,
          "insert into outbox_delivery (consumer, city_id, event_id, request_id, seq, attempts,"
              + " last_error, dead_at) values ('integration', ?::uuid, ?::uuid, ?::uuid, 1, 1,"
              + " 'HTTP 400 from the department''s system (access matrix)', now())",
          city.id().toString(),
          event,
          request);
      return event;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String fresh(City c) {
    return api()
        .contentType(ContentType.JSON)
        .body(newRequest(c))
        .post(city(c) + "/service-requests")
        .then()
        .statusCode(201)
        .extract()
        .path("service_request_id");
  }
}
