package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic311.it.support.Db;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.Test;

/**
 * Onboarding's starting catalogue from a CSV file and from a city's existing Open311 server (ADR
 * 0019), against the real WAR: the source server is a demo city of the same deployment (Calgary,
 * over GeoReport v2), or a real HTTP server on loopback that answers what no Open311 server does.
 * Every refusal leaves no row of the city, and the same request then succeeds.
 */
class OnboardingImportIT extends PlatformIT {
  private static final String CITIES = "api/v1/provider/cities";
  private static final String JOBS = "api/v1/provider/onboardings";

  private static final String GOOD_CSV =
      "code,name,group,keywords,description,active,staff_only,name_fr\r\n"
          + "pothole,Pothole,Roads,pothole;road,Holes in the road,true,false,Nid-de-poule\r\n"
          + "graffiti,Graffiti,Bylaw;Parks,,Paint on walls,,,Graffiti\r\n"
          + "hidden-one,Hidden,Roads,,,false,true,\r\n";

  @Test
  void importsTheCatalogueAndItsQuestionsFromAnotherCitysOpen311Server() throws Exception {
    // the source: a city of this deployment onboarded from the standard template, whose common
    // categories have questions (Open311 attributes), served over GeoReport v2 like any city
    Map<String, Object> sourceForm = newCity("source");
    sourceForm.put("catalogue", "template");
    as("operator")
        .contentType(ContentType.JSON)
        .body(sourceForm)
        .post(CITIES)
        .then()
        .statusCode(201);
    String sourceJurisdiction = (String) sourceForm.get("jurisdiction_id");
    Db.TestCity sourceCity = Db.city((String) sourceForm.get("slug"));
    long calgaryBefore = calgaryCategories();
    Map<String, Object> city = open311City("o311", sourceJurisdiction);

    Response made = as("operator").contentType(ContentType.JSON).body(city).post(CITIES);

    assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
    Db.TestCity created = Db.city((String) city.get("slug"));
    List<String> source = services(sourceJurisdiction);
    assertThat(source).hasSize(80);
    assertThat(services(created.jurisdictionId())).containsExactlyInAnyOrderElementsOf(source);
    assertThat(Db.count(created, "service_category")).isEqualTo(80);
    // every definition with questions arrived with the same questions, in the same order
    List<String> withQuestions = servicesWithMetadata(sourceJurisdiction);
    assertThat(withQuestions).as("the template has services with questions").isNotEmpty();
    assertThat(servicesWithMetadata(created.jurisdictionId()))
        .containsExactlyInAnyOrderElementsOf(withQuestions);
    for (String code : withQuestions) {
      assertThat(definition(created.jurisdictionId(), code).getList("attributes"))
          .as(code)
          .isNotEmpty()
          .isEqualTo(definition(sourceJurisdiction, code).getList("attributes"));
    }
    // names, descriptions, groups and keywords too
    assertThat(serviceList(created.jurisdictionId()))
        .containsExactlyInAnyOrderElementsOf(serviceList(sourceJurisdiction));
    // the copy is the new city's alone: the source and Calgary have what they had, and the new
    // city's staff cannot reach the source's catalogue
    assertThat(Db.count(sourceCity, "service_category")).isEqualTo(80);
    assertThat(calgaryCategories()).isEqualTo(calgaryBefore);
    as(created, "city-admin")
        .get("api/v1/cities/" + sourceCity.slug() + "/admin/service-categories")
        .then()
        .statusCode(403);
    assertThat(audit(created.slug()).get(0).get("detail").toString())
        .contains("\"catalogue\":\"open311\"")
        .contains("\"categories\":80");
  }

  @Test
  void importsADemoCitysCatalogueOverOpen311() throws Exception {
    Map<String, Object> city = open311City("calgary-copy", "calgary.ca");
    Response made = as("operator").contentType(ContentType.JSON).body(city).post(CITIES);
    assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
    String jurisdiction = (String) city.get("jurisdiction_id");
    assertThat(serviceList(jurisdiction))
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(serviceList("calgary.ca"));
  }

  @Test
  void refusesAnUnreachableOrNonOpen311ServerLeavingNothingAndARetrySucceeds() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (StandIn standIn = StandIn.start()) {
      Map<String, String> cases = new java.util.LinkedHashMap<>();
      cases.put("http://127.0.0.1:" + closedPort + "/open311/v2/", "cannot be reached");
      cases.put(standIn.url("/html/"), "not JSON");
      cases.put(standIn.url("/object/"), "not the list of services");
      cases.put(standIn.url("/entries/"), "no service_code");
      cases.put(standIn.url("/missing/"), "HTTP 404");
      cases.put(standIn.url("/slow/"), "did not answer within");
      // the deployment's own Open311 without the jurisdiction it needs: Open311's error
      cases.put(base() + "open311/v2/", "Open311's error");
      Map<String, Object> city = open311City("o311bad", null);
      for (Map.Entry<String, String> c : cases.entrySet()) {
        city.put("catalogue_url", c.getKey());
        Response refused = as("operator").contentType(ContentType.JSON).body(city).post(CITIES);
        assertThat(refused.statusCode()).as(c.getKey() + ": " + refused.asString()).isEqualTo(502);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("errors[0].field")).isEqualTo("catalogue");
        assertThat(refused.jsonPath().getString("errors[0].message"))
            .as(refused.asString())
            .contains(c.getValue())
            .contains(c.getKey().replaceAll("/$", ""));
        assertNoRowOf(city);
      }
      // addresses refused before any call: 400 naming catalogue_url
      for (String bad :
          List.of("ftp://127.0.0.1/open311/", "not a url at all", "http://user:pw@127.0.0.1/")) {
        city.put("catalogue_url", bad);
        Response refused = as("operator").contentType(ContentType.JSON).body(city).post(CITIES);
        assertThat(refused.statusCode()).as(bad + ": " + refused.asString()).isEqualTo(400);
        assertThat(refused.jsonPath().getString("errors[0].field")).isEqualTo("catalogue_url");
        assertNoRowOf(city);
      }
      // the same city, now with a server that is Open311: made as if nothing had happened
      city.put("catalogue_url", base() + "open311/v2/services.json");
      city.put("catalogue_jurisdiction_id", "lethbridge.ca");
      Response made = as("operator").contentType(ContentType.JSON).body(city).post(CITIES);
      assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
      assertThat(services((String) city.get("jurisdiction_id")))
          .containsExactlyInAnyOrderElementsOf(services("lethbridge.ca"));
      assertThat(organizationCount((String) city.get("slug"))).isEqualTo(1);
    }
  }

  @Test
  void onboardsFromACsvFileAndRefusesOneWithBrokenRowsNamingEach() throws Exception {
    Map<String, Object> city = newCity("csv");
    city.put("catalogue", "csv");
    city.put(
        "catalogue_csv",
        "code,name,group,keywords,description,active,staff_only\n"
            + "Bad Code,Bad,Roads,,,true,false\n"
            + "fine-one,Fine,Roads,,,maybe,false\n"
            + "twice,Twice,Roads,,,true,false\n"
            + "twice,Again,Roads,,,true,false\n"
            + "short,row\n"
            + "good,Good,Roads,,,true,false\n");
    Response refused = as("operator").contentType(ContentType.JSON).body(city).post(CITIES);
    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
    assertThat(refused.jsonPath().getList("errors.field", String.class))
        .containsOnly("catalogue_csv");
    assertThat(refused.jsonPath().getList("errors.message", String.class))
        .hasSize(4)
        .satisfiesExactly(
            m -> assertThat(m).startsWith("line 2: code"),
            m -> assertThat(m).startsWith("line 3: active 'maybe'"),
            m -> assertThat(m).startsWith("line 5: code 'twice' appears twice"),
            m -> assertThat(m).startsWith("line 6: expected 7 columns, found 2"));
    assertNoRowOf(city);

    city.put("catalogue_csv", "code,name,colour\npothole,Pothole,red\n");
    Response unknown = as("operator").contentType(ContentType.JSON).body(city).post(CITIES);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.jsonPath().getString("errors[0].message"))
        .startsWith("line 1: unknown column 'colour'");
    city.put("catalogue_csv", "");
    Response empty = as("operator").contentType(ContentType.JSON).body(city).post(CITIES);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.jsonPath().getString("errors[0].field")).isEqualTo("catalogue_csv");
    assertNoRowOf(city);

    city.put("catalogue_csv", GOOD_CSV);
    Response made = as("operator").contentType(ContentType.JSON).body(city).post(CITIES);
    assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
    Db.TestCity created = Db.city((String) city.get("slug"));
    assertThat(Db.count(created, "service_category")).isEqualTo(3);
    assertThat(
            Db.sql(
                created,
                "select string_agg(code || ':' || name || ':' || active || ':' || staff_only, ' '"
                    + " order by code) from service_category"))
        .isEqualTo(
            "graffiti:Graffiti:true:false hidden-one:Hidden:false:true pothole:Pothole:true:false");
    assertThat(services(created.jurisdictionId())).containsExactlyInAnyOrder("pothole", "graffiti");
    // the file's French names arrived, and the rows are the new city's alone
    assertThat(
            api()
                .queryParam("jurisdiction_id", created.jurisdictionId())
                .queryParam("locale", "fr")
                .get("open311/v2/services.json")
                .jsonPath()
                .getList("service_name"))
        .contains("Nid-de-poule");
    try (Connection c = Db.asOwner();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from service_category where code = 'hidden-one' and tenant_id <> ?")) {
      s.setObject(1, created.id());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  @Test
  void aBackgroundOnboardingShowsItsProgressThenItsCityOrItsProblem() throws Exception {
    Map<String, Object> city = open311City("job", "calgary.ca");
    Response started = as("operator").contentType(ContentType.JSON).body(city).post(JOBS);
    assertThat(started.statusCode()).as(started.asString()).isEqualTo(202);
    assertThat(started.header("Location")).endsWith(JOBS + "/" + started.path("id"));
    assertThat(started.jsonPath().getString("status")).isEqualTo("running");
    JsonPath done = awaitJob(started.path("id"));
    assertThat(done.getString("status")).as(done.prettify()).isEqualTo("done");
    assertThat(done.getString("phase")).isEqualTo("done");
    assertThat(done.getInt("total")).isEqualTo(services("calgary.ca").size());
    assertThat(done.getInt("done")).isEqualTo(done.getInt("total"));
    assertThat(done.getString("city.slug")).isEqualTo(city.get("slug"));
    assertThat(done.getString("finished_at")).isNotNull();
    assertThat(services((String) city.get("jurisdiction_id")))
        .containsExactlyInAnyOrderElementsOf(services("calgary.ca"));

    // refusals that need no network come at once; a server that is not Open311 fails the job
    Map<String, Object> other = open311City("jobbad", null);
    other.put("catalogue_url", "gopher://example.org/");
    Response refused = as("operator").contentType(ContentType.JSON).body(other).post(JOBS);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.jsonPath().getString("errors[0].field")).isEqualTo("catalogue_url");
    Map<String, Object> taken = open311City("jobtaken", "calgary.ca");
    taken.put("slug", "calgary");
    assertThat(as("operator").contentType(ContentType.JSON).body(taken).post(JOBS).statusCode())
        .isEqualTo(409);
    try (StandIn standIn = StandIn.start()) {
      other.put("catalogue_url", standIn.url("/html/"));
      Response failing = as("operator").contentType(ContentType.JSON).body(other).post(JOBS);
      assertThat(failing.statusCode()).as(failing.asString()).isEqualTo(202);
      JsonPath failed = awaitJob(failing.path("id"));
      assertThat(failed.getString("status")).isEqualTo("failed");
      assertThat(failed.getInt("problem.status")).isEqualTo(502);
      assertThat(failed.getString("problem.errors[0].field")).isEqualTo("catalogue");
      assertThat(failed.getString("city")).isNull();
      assertNoRowOf(other);
    }
    as("operator").get(JOBS + "/" + UUID.randomUUID()).then().statusCode(404);
    as("operator").get(JOBS + "/not-an-id").then().statusCode(404);
  }

  private static JsonPath awaitJob(String id) {
    JsonPath[] last = new JsonPath[1];
    await("onboarding " + id + " is over")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              last[0] =
                  as("operator").get(JOBS + "/" + id).then().statusCode(200).extract().jsonPath();
              return !"running".equals(last[0].getString("status"));
            });
    return last[0];
  }

  /** A form importing from this deployment's Open311 as {@code jurisdiction}. */
  private static Map<String, Object> open311City(String prefix, String jurisdiction) {
    Map<String, Object> city = newCity(prefix);
    city.put("catalogue", "open311");
    city.put("catalogue_url", base() + "open311/v2/");
    if (jurisdiction != null) {
      city.put("catalogue_jurisdiction_id", jurisdiction);
    }
    return city;
  }

  private static Map<String, Object> newCity(String prefix) {
    String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> city = new HashMap<>();
    city.put("slug", slug);
    city.put("display_name", "City of " + slug);
    city.put("jurisdiction_id", slug + ".example.ca");
    city.put("time_zone", "America/Regina");
    city.put("locales", List.of("en", "fr"));
    city.put("admin_email", "admin@" + slug + ".example.ca");
    return city;
  }

  private static List<Map<String, Object>> serviceList(String jurisdiction) {
    return api()
        .queryParam("jurisdiction_id", jurisdiction)
        .get("open311/v2/services.json")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  private static List<String> services(String jurisdiction) {
    return serviceList(jurisdiction).stream().map(s -> (String) s.get("service_code")).toList();
  }

  private static List<String> servicesWithMetadata(String jurisdiction) {
    return serviceList(jurisdiction).stream()
        .filter(s -> Boolean.TRUE.equals(s.get("metadata")))
        .map(s -> (String) s.get("service_code"))
        .toList();
  }

  private static JsonPath definition(String jurisdiction, String code) {
    return api()
        .queryParam("jurisdiction_id", jurisdiction)
        .get("open311/v2/services/" + code + ".json")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static long calgaryCategories() throws Exception {
    return Db.count(Db.city("calgary"), "service_category");
  }

  private static List<Map<String, Object>> audit(String slug) {
    return as("operator")
        .queryParam("city", slug)
        .get("api/v1/provider/audit")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  private static long organizationCount(String alias) {
    return io.restassured.RestAssured.given()
        .header("Authorization", "Bearer " + org.civic311.it.support.Identity.otherRealmToken())
        .get(
            org.civic311.it.support.Identity.server().url()
                + "/admin/realms/civic311/organizations?first=0&max=1000")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("alias")
        .stream()
        .filter(alias::equals)
        .count();
  }

  /**
   * No row of the city anywhere: no tenant row with its slug or jurisdiction (every tenant-owned
   * table's tenant_id is a foreign key to it), no operator entry naming it, no Keycloak
   * organization (the invitation's user is a member of it, made after it).
   */
  private static void assertNoRowOf(Map<String, Object> city) throws Exception {
    String slug = (String) city.get("slug");
    try (Connection c = Db.asOwner();
        PreparedStatement tenants =
            c.prepareStatement(
                "select count(*) from tenant where slug = ? or jurisdiction_id = ?");
        PreparedStatement audit =
            c.prepareStatement("select count(*) from operator_audit where detail like ?")) {
      tenants.setString(1, slug);
      tenants.setString(2, (String) city.get("jurisdiction_id"));
      audit.setString(1, "%\"" + slug + "\"%");
      try (ResultSet rs = tenants.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).as("tenant rows of " + slug).isZero();
      }
      try (ResultSet rs = audit.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).as("operator entries of " + slug).isZero();
      }
    }
    assertThat(organizationCount(slug)).as("Keycloak organization " + slug).isZero();
    assertThat(
            io.restassured.RestAssured.given()
                .header(
                    "Authorization", "Bearer " + org.civic311.it.support.Identity.otherRealmToken())
                .queryParam("email", city.get("admin_email"))
                .queryParam("exact", true)
                .get(
                    org.civic311.it.support.Identity.server().url()
                        + "/admin/realms/civic311/users")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$"))
        .as("the invited administrator of " + slug)
        .isEmpty();
  }

  /**
   * A web server on loopback that is not Open311: an HTML page, a JSON object, a list without
   * service codes, a 404, and one that answers after the import's timeout (3 s in the tests).
   */
  private static final class StandIn implements AutoCloseable {
    private final HttpServer server;
    private final java.util.concurrent.CountDownLatch closed;

    private StandIn(HttpServer server, java.util.concurrent.CountDownLatch closed) {
      this.server = server;
      this.closed = closed;
    }

    static StandIn start() throws Exception {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
      server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
      answer(server, "/html/", "text/html", "<!DOCTYPE html><html><body>Welcome</body></html>");
      answer(server, "/object/", "application/json", "{\"services\": []}");
      answer(server, "/entries/", "application/json", "[{\"name\": \"Pothole\"}]");
      server.createContext(
          "/missing/",
          exchange -> {
            try (exchange) {
              exchange.sendResponseHeaders(404, -1);
            }
          });
      server.createContext(
          "/slow/",
          exchange -> {
            try (exchange) {
              // no answer until the platform has given up (its timeout is 3 s in the tests)
              closed.await(20, java.util.concurrent.TimeUnit.SECONDS);
              exchange.sendResponseHeaders(200, 2);
              exchange.getResponseBody().write("[]".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } catch (java.io.IOException e) {
              // the platform gave up first, as it should
            }
          });
      server.start();
      return new StandIn(server, closed);
    }

    private static void answer(HttpServer server, String path, String type, String body) {
      server.createContext(
          path,
          exchange -> {
            try (exchange) {
              byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().add("Content-Type", type);
              exchange.sendResponseHeaders(200, bytes.length);
              exchange.getResponseBody().write(bytes);
            }
          });
    }

    String url(String path) {
      return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
      closed.countDown();
      server.stop(0);
    }
  }
}
