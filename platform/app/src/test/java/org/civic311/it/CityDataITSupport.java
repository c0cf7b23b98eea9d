package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.civic311.it.support.Db;
import org.civic311.it.support.Identity;
import org.civic311.it.support.PlatformIT;

/**
 * What the export and offboarding tests share: a city with some of everything (catalogue, hours,
 * requests with history, a contact, a photo, a phone number, audit), and the tables that hold city
 * data, read from the schema as the application reads them, so a new table is covered here too.
 */
abstract class CityDataITSupport extends PlatformIT {
  static final String CITIES = "api/v1/provider/cities";

  /** A photo's bytes (a GIF header), as stored with a request. */
  static final byte[] PHOTO = {0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 2, 3};

  /** Onboards a city from the standard template through the operator's API. */
  static Db.TestCity onboard(String prefix, String adminEmail) throws Exception {
    String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> city = new HashMap<>();
    city.put("slug", slug);
    city.put("display_name", "City of " + slug);
    city.put("jurisdiction_id", slug + ".example.ca");
    city.put("time_zone", "America/Regina");
    city.put("locales", List.of("en", "fr"));
    city.put("contact_email", "clerk@" + slug + ".example.ca");
    if (adminEmail != null) {
      city.put("admin_email", adminEmail);
    }
    city.put("catalogue", "template");
    city.put("hours", List.of(Map.of("day", "MONDAY", "opens", "08:30", "closes", "16:30")));
    as("operator").contentType(ContentType.JSON).body(city).post(CITIES).then().statusCode(201);
    return Db.city(slug);
  }

  /**
   * Gives {@code city} requests (one moved on, so with history), a contact, a photo and a phone
   * number, and waits until its outbox is drained, so its rows stay put.
   */
  static void addActivity(Db.TestCity city, String phone) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ids.add(
          api()
              .contentType(ContentType.JSON)
              .body(
                  Map.of(
                      "service_code",
                      "road-surface-damage",
                      "description",
                      "Report " + i + ", with \"quotes\", a comma\nand a new line",
                      "lat",
                      50.45 + i / 100.0,
                      "long",
                      -104.6,
                      "acknowledge_duplicate",
                      true))
              .post("api/v1/cities/" + city.slug() + "/service-requests")
              .then()
              .statusCode(201)
              .extract()
              .path("service_request_id"));
    }
    as(city, "agent")
        .contentType(ContentType.JSON)
        .body(Map.of("status", "in_progress", "public_note", "Crew assigned."))
        .post("api/v1/cities/" + city.slug() + "/service-requests/" + ids.get(0) + "/status")
        .then()
        .statusCode(200);
    as(city, "agent")
        .contentType(ContentType.JSON)
        .body(Map.of("channel", "phone", "topic", "Pothole", "minutes", 2))
        .post("api/v1/cities/" + city.slug() + "/contacts")
        .then()
        .statusCode(201);
    Db.sql(
        city,
        "insert into request_media (tenant_id, id, request_id, content_type, size_bytes, content,"
            + " created_at) values (?::uuid, ?::uuid, ?::uuid, 'image/gif', ?, ?, now())",
        city.id().toString(),
        UUID.randomUUID().toString(),
        ids.get(1),
        PHOTO.length,
        PHOTO);
    Db.addApiKey(city, "key-" + UUID.randomUUID());
    as("operator")
        .contentType(ContentType.JSON)
        .body(Map.of("numbers", List.of(phone)))
        .put(CITIES + "/" + city.slug() + "/phone-numbers")
        .then()
        .statusCode(200);
    org.awaitility.Awaitility.await("the outbox of " + city.slug() + " is drained")
        .atMost(java.time.Duration.ofSeconds(60))
        .until(() -> Db.pendingDeliveries(city) == 0);
  }

  /** Every table with a tenant_id column, from PostgreSQL's catalogue. */
  static List<String> tenantTables() throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection c = Db.asOwner();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select c.relname from pg_class c join pg_attribute a on a.attrelid = c.oid"
                        + " where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace"
                        + " and a.attname = 'tenant_id' order by 1")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    assertThat(tables).contains("service_request", "service_category", "contact");
    return tables;
  }

  /** Tables without tenant_id whose city_id points at tenant (global tables about a city). */
  static List<String> cityIdTables() throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection c = Db.asOwner();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select distinct t.relname from pg_constraint k join pg_class t on t.oid = k.conrelid"
                        + " join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]"
                        + " where k.contype = 'f' and k.confrelid = 'tenant'::regclass"
                        + " and a.attname = 'city_id' order by 1")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    assertThat(tables).contains("phone_number", "outbox_delivery");
    return tables;
  }

  /** Rows of {@code city} in every table that holds city data (and its tenant and audit rows). */
  static Map<String, Long> everyCount(Db.TestCity city) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    for (String table : tenantTables()) {
      counts.put(table, Db.count(city, table));
    }
    try (Connection c = Db.asOwner()) {
      for (String table : cityIdTables()) {
        counts.put(table, count(c, "select count(*) from " + table + " where city_id = ?", city));
      }
      counts.put("tenant", count(c, "select count(*) from tenant where id = ?", city));
      counts.put(
          "operator_audit",
          count(c, "select count(*) from operator_audit where city_id = ?", city));
    }
    return counts;
  }

  private static long count(Connection c, String sql, Db.TestCity city) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, city.id());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** A list from Keycloak's admin API of the realm, as its administrator. */
  static List<Map<String, Object>> keycloak(String path) {
    return io.restassured.RestAssured.given()
        .header("Authorization", "Bearer " + Identity.otherRealmToken())
        .get(Identity.server().url() + "/admin/realms/civic311/" + path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  static java.util.Optional<Map<String, Object>> organization(String alias) {
    return keycloak("organizations?first=0&max=1000").stream()
        .filter(o -> alias.equals(o.get("alias")))
        .findFirst();
  }
}
