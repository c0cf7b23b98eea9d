package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.civic311.it.support.Db;
import org.junit.jupiter.api.Test;

/**
 * A city's export (ADR 0018) against the real WAR and PostgreSQL: the archive holds exactly the
 * city's rows of every table that holds city data (counted in the database, table by table, the
 * tables read from the schema), its photos, and nothing of another city; its progress ends with
 * every row written; another city's path and other callers get nothing.
 */
class CityExportIT extends CityDataITSupport {

  @Test
  @SuppressWarnings("unchecked")
  void theArchiveHoldsExactlyTheCitysRowsAndNoneOfAnother() throws Exception {
    Db.TestCity city = onboard("export", null);
    addActivity(city, "+1 306 555 0191");
    Db.TestCity other = Db.city("lethbridge");
    // secrets the city holds: a department system's token and signing secret, an Open311 key
    String token = "export-token-" + UUID.randomUUID();
    String signingSecret = "export-signing-" + UUID.randomUUID();
    Db.addApiKey(city, "export-key-" + city.slug());
    as(city, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Roads", "categories", List.of()))
        .put("api/v1/cities/{city}/admin/departments/roads", city.slug())
        .then()
        .statusCode(200);
    as(city, "city-admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "kind", "webhook",
                "url", "http://localhost:9/roads",
                "auth", "bearer",
                "token", token,
                "signing_secret", signingSecret))
        .put("api/v1/cities/{city}/admin/departments/roads/integration", city.slug())
        .then()
        .statusCode(200);
    String sealed = Db.sql(city, "select credentials from department_integration");
    String sealedSigning = Db.sql(city, "select signing_secret from department_integration");
    String keyHash = Db.sql(city, "select key_hash from open311_api_key");

    Response made = as("operator").post(CITIES + "/" + city.slug() + "/exports");
    assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
    String id = made.jsonPath().getString("id");
    assertThat(made.jsonPath().getString("status")).isEqualTo("ready");
    Map<String, Long> expected = new LinkedHashMap<>();
    for (String table : tenantTables()) {
      expected.put(table, Db.count(city, table));
    }
    assertThat(expected.get("service_category")).isEqualTo(80);
    assertThat(expected.get("service_request")).isEqualTo(2);
    assertThat(expected.get("request_media")).isEqualTo(1);
    assertThat(made.jsonPath().getLong("rows_total"))
        .isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());

    Response download =
        as("operator").get(made.jsonPath().getString("archive").replaceFirst("^/", ""));
    assertThat(download.statusCode()).as(download.asString()).isEqualTo(200);
    assertThat(download.contentType()).startsWith("application/zip");
    assertThat(download.header("Content-Disposition")).contains(city.slug()).contains(".zip");
    Map<String, byte[]> entries = unzip(download.asByteArray());

    // every city table, with exactly the city's rows, each of them the city's
    for (Map.Entry<String, Long> table : expected.entrySet()) {
      byte[] csv = entries.get("tables/" + table.getKey() + ".csv");
      assertThat(csv).as(table.getKey() + ".csv").isNotNull();
      List<List<String>> records = csv(new String(csv, StandardCharsets.UTF_8));
      List<String> header = records.get(0);
      assertThat((long) records.size() - 1)
          .as(table.getKey() + " rows")
          .isEqualTo(table.getValue());
      int tenant = header.indexOf("tenant_id");
      assertThat(tenant).as(table.getKey() + " has tenant_id").isNotNegative();
      for (List<String> record : records.subList(1, records.size())) {
        assertThat(record).hasSameSizeAs(header);
        assertThat(record.get(tenant)).isEqualTo(city.id().toString());
      }
    }
    // nothing of another city anywhere in the archive
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      assertThat(new String(entry.getValue(), StandardCharsets.ISO_8859_1))
          .as(entry.getKey())
          .doesNotContain(other.id().toString())
          .doesNotContain(other.slug());
    }
    // no secret leaves: not sealed, not hashed, not plain; the manifest names what was withheld
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      assertThat(new String(entry.getValue(), StandardCharsets.ISO_8859_1))
          .as(entry.getKey())
          .doesNotContain(sealed)
          .doesNotContain(sealedSigning)
          .doesNotContain(keyHash)
          .doesNotContain(token)
          .doesNotContain(signingSecret);
    }
    assertThat(
            csv(new String(
                    entries.get("tables/department_integration.csv"), StandardCharsets.UTF_8))
                .get(0))
        .contains("department", "url")
        .doesNotContain("credentials", "signing_secret");
    // the request text came through its quotes, comma and new line
    assertThat(new String(entries.get("tables/service_request.csv"), StandardCharsets.UTF_8))
        .contains("Report 0, with \"\"quotes\"\", a comma\nand a new line");
    // the photo, as its own file, named in its row
    List<List<String>> media =
        csv(new String(entries.get("tables/request_media.csv"), StandardCharsets.UTF_8));
    String path = media.get(1).get(media.get(0).indexOf("content"));
    assertThat(path).startsWith("files/request_media/").endsWith(".gif");
    assertThat(entries.get(path)).isEqualTo(PHOTO);
    // the city itself and its number; the manifest's counts are the database's
    JsonPath cityJson = new JsonPath(new String(entries.get("city.json"), StandardCharsets.UTF_8));
    assertThat(cityJson.getString("slug")).isEqualTo(city.slug());
    assertThat(cityJson.getList("phone_numbers")).containsExactly("+13065550191");
    JsonPath manifest =
        new JsonPath(new String(entries.get("manifest.json"), StandardCharsets.UTF_8));
    Map<String, Long> manifestRows = new LinkedHashMap<>();
    for (Map<String, Object> t : manifest.<Map<String, Object>>getList("tables")) {
      manifestRows.put((String) t.get("name"), ((Number) t.get("rows")).longValue());
    }
    assertThat(manifestRows).isEqualTo(expected);
    Map<String, Object> integrations =
        manifest.<Map<String, Object>>getList("tables").stream()
            .filter(t -> t.get("name").equals("department_integration"))
            .findFirst()
            .orElseThrow();
    assertThat((List<Object>) integrations.get("withheld_columns"))
        .containsExactly("credentials", "signing_secret");
    assertThat(manifest.getInt("files")).isEqualTo(1);
    // parents before children: a reader can load the tables in the manifest's order
    List<String> order = new ArrayList<>(manifestRows.keySet());
    assertThat(order.indexOf("service_category")).isLessThan(order.indexOf("service_request"));
    assertThat(order.indexOf("service_request")).isLessThan(order.indexOf("request_media"));

    // the progress: every row of every table written
    JsonPath done =
        as("operator")
            .get(CITIES + "/" + city.slug() + "/exports/" + id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(done.getString("status")).isEqualTo("done");
    assertThat(done.getLong("rows_done")).isEqualTo(done.getLong("rows_total"));
    assertThat(done.getLong("rows_total"))
        .isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
    for (Map<String, Object> t : done.<Map<String, Object>>getList("tables")) {
      assertThat(t.get("done")).as((String) t.get("name")).isEqualTo(t.get("total"));
    }
    // and the operator's audit log says who exported it
    as("operator")
        .queryParam("city", city.slug())
        .get("api/v1/provider/audit")
        .then()
        .body("[0].action", equalTo("city.export"))
        .body("[0].operator", equalTo("operator"));
  }

  @Test
  void anExportIsReachedOnlyThroughItsOwnCityAndOnlyByTheOperator() throws Exception {
    Db.TestCity city = Db.createCity("exportwall");
    Db.addCategory(city, UUID.randomUUID(), "pothole", "Pothole");
    String id =
        as("operator")
            .post(CITIES + "/" + city.slug() + "/exports")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // another city's path does not reach it
    as("operator").get(CITIES + "/lethbridge/exports/" + id).then().statusCode(404);
    as("operator").get(CITIES + "/lethbridge/exports/" + id + "/archive").then().statusCode(404);
    // unknown ids and cities
    for (String bad : List.of(UUID.randomUUID().toString(), "not-an-id")) {
      Response r = as("operator").get(CITIES + "/" + city.slug() + "/exports/" + bad);
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.contentType()).startsWith("application/problem+json");
    }
    as("operator").post(CITIES + "/no-such-city/exports").then().statusCode(404);
    // no city role, not even the city's own administrator
    for (String role : List.of("city-admin", "agent", "department-staff", "resident")) {
      for (Response r :
          List.of(
              as(city, role).post(CITIES + "/" + city.slug() + "/exports"),
              as(city, role).get(CITIES + "/" + city.slug() + "/exports/" + id),
              as(city, role).get(CITIES + "/" + city.slug() + "/exports/" + id + "/archive"))) {
        assertThat(r.statusCode()).as(role).isEqualTo(403);
      }
    }
    api()
        .contentType(ContentType.JSON)
        .post(CITIES + "/" + city.slug() + "/exports")
        .then()
        .statusCode(401);
    // a suspended city is exported all the same (the step before offboarding)
    as("operator")
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Leaving"))
        .post(CITIES + "/" + city.slug() + "/suspend")
        .then()
        .statusCode(200);
    String suspended =
        as("operator")
            .post(CITIES + "/" + city.slug() + "/exports")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Map<String, byte[]> entries =
        unzip(
            as("operator")
                .get(CITIES + "/" + city.slug() + "/exports/" + suspended + "/archive")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
    assertThat(csv(new String(entries.get("tables/service_category.csv"), StandardCharsets.UTF_8)))
        .hasSize(2);
  }

  static Map<String, byte[]> unzip(byte[] archive) throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        assertThat(entries).as("one entry per name").doesNotContainKey(e.getName());
        entries.put(e.getName(), zip.readAllBytes());
      }
    }
    assertThat(entries).containsKeys("manifest.json", "city.json");
    return entries;
  }

  /** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
  static List<List<String>> csv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
        wasQuoted = true;
      } else if (ch == ',') {
        record.add(wasQuoted || field.length() > 0 ? field.toString() : null);
        field.setLength(0);
        wasQuoted = false;
      } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        record.add(wasQuoted || field.length() > 0 ? field.toString() : null);
        records.add(record);
        record = new ArrayList<>();
        field.setLength(0);
        wasQuoted = false;
        i++;
      } else {
        field.append(ch);
      }
    }
    assertThat(quoted).as("the CSV ends outside quotes").isFalse();
    assertThat(field.length() == 0 && record.isEmpty())
        .as("the CSV ends with a line break")
        .isTrue();
    return records;
  }
}
