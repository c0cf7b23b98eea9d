package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
 * The catalogue as CSV: exported whole, imported all or nothing, never deleting and never silently
 * overwriting what an administrator edited by hand since the last import.
 */
class CatalogueCsvIT extends PlatformIT {
  private static final String HEADER = "code,name,group,keywords,description,active,staff_only\n";
  private TestCity north;
  private TestCity south;

  @BeforeEach
  void twoCities() throws Exception {
    north = Db.createCity("north");
    south = Db.createCity("south");
    Db.addCategory(north, UUID.randomUUID(), "pothole", "Pothole");
    Db.addCategory(south, UUID.randomUUID(), "pothole", "South pothole");
  }

  private static io.restassured.response.ValidatableResponse importCsv(
      TestCity city, String csv, boolean overwrite) {
    return as(city, "city-admin")
        .contentType("text/csv; charset=utf-8")
        .body(csv)
        .post(
            "api/v1/cities/{city}/admin/catalogue/import?overwrite_local_edits=" + overwrite,
            city.slug())
        .then();
  }

  private static String export(TestCity city) {
    return as(city, "city-admin")
        .get("api/v1/cities/{city}/admin/catalogue/export", city.slug())
        .then()
        .statusCode(200)
        .contentType(containsString("text/csv"))
        .extract()
        .asString();
  }

  @Test
  void anImportCreatesAndUpdatesButNeverDeletes() {
    importCsv(
            north,
            HEADER
                + "graffiti,Graffiti,Bylaw,paint;tag,Graffiti on public property,true,false\n"
                + "dead-animal,Dead animal pickup,Animal Services,,,true,true\n",
            false)
        .statusCode(200)
        .body("created", equalTo(List.of("graffiti", "dead-animal")))
        .body("not_in_file", equalTo(1));
    String exported = export(north);
    assertThat(exported).startsWith(HEADER.strip()).contains("graffiti,Graffiti,Bylaw,paint;tag");
    // the exported file imports back unchanged
    importCsv(north, exported, false)
        .statusCode(200)
        .body("unchanged", containsInAnyOrder("graffiti", "dead-animal", "pothole"))
        .body("created", equalTo(List.of()));
    api()
        .get("api/v1/cities/{city}/service-categories", north.slug())
        .then()
        .body("code", hasItem("graffiti"))
        .body("code", hasItem("pothole"));
  }

  @Test
  void localEditsAreKeptUnlessTheAdministratorSaysOtherwise() {
    importCsv(north, HEADER + "graffiti,Graffiti,Bylaw,,,true,false\n", false).statusCode(200);
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Graffiti (edited)", "group", "Bylaw"))
        .put("api/v1/cities/{city}/admin/service-categories/graffiti", north.slug())
        .then()
        .statusCode(200);
    importCsv(north, HEADER + "graffiti,Graffiti removal,Bylaw,,,true,false\n", false)
        .statusCode(200)
        .body("kept_local_edits", equalTo(List.of("graffiti")));
    api()
        .get("api/v1/cities/{city}/service-categories/graffiti", north.slug())
        .then()
        .body("name", equalTo("Graffiti (edited)"));
    importCsv(north, HEADER + "graffiti,Graffiti removal,Bylaw,,,true,false\n", true)
        .statusCode(200)
        .body("updated", equalTo(List.of("graffiti")));
    api()
        .get("api/v1/cities/{city}/service-categories/graffiti", north.slug())
        .then()
        .body("name", equalTo("Graffiti removal"));
  }

  @Test
  void aFileWithBrokenRowsIsRefusedWholeNamingEachRow() throws Exception {
    long categories = Db.count(north, "service_category");
    long audited = Db.count(north, "audit_entry");
    importCsv(
            north,
            HEADER
                + "graffiti,Graffiti,Bylaw,,,true,false\n"
                + "Bad Code,Name,,,,true,false\n"
                + "litter,Litter,,,,maybe,false\n"
                + "graffiti,Again,,,,true,false\n"
                + "short,row\n",
            false)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("nothing was imported"))
        .body("errors.field", equalTo(List.of("line 3", "line 4", "line 5", "line 6")));
    importCsv(north, "code,title\nx,y\n", false)
        .statusCode(400)
        .body("errors[0].message", containsString("unknown column 'title'"));
    importCsv(north, "", false).statusCode(400);
    assertThat(Db.count(north, "service_category")).isEqualTo(categories);
    assertThat(Db.count(north, "audit_entry")).isEqualTo(audited);
  }

  @Test
  void spreadsheetFormulasAreNeutralisedOnExportAndRestoredOnImport() {
    importCsv(north, HEADER + "sum,\"=SUM(A1:A9)\",,,,true,false\n", false).statusCode(200);
    assertThat(export(north)).contains("'=SUM(A1:A9)");
    importCsv(north, export(north), false).statusCode(200).body("unchanged", hasItem("sum"));
  }

  @Test
  void eachCityImportsIntoItsOwnCatalogue() {
    importCsv(north, HEADER + "pothole,North pothole,,,,true,false\n", true).statusCode(200);
    api()
        .get("api/v1/cities/{city}/service-categories/pothole", south.slug())
        .then()
        .body("name", equalTo("South pothole"));
    as(south, "city-admin")
        .contentType("text/csv")
        .body(HEADER + "pothole,Taken over,,,,true,false\n")
        .post("api/v1/cities/{city}/admin/catalogue/import", north.slug())
        .then()
        .statusCode(403);
    assertThat(export(south)).doesNotContain("North pothole");
  }

  @Test
  void columnsTheFileDoesNotHaveKeepTheirValues() {
    importCsv(north, HEADER + "graffiti,Graffiti,Bylaw,paint,Paint on walls,true,true\n", false)
        .statusCode(200);
    importCsv(north, "code,name\ngraffiti,Graffiti removal\n", false)
        .statusCode(200)
        .body("updated", equalTo(List.of("graffiti")));
    as(north, "city-admin")
        .get("api/v1/cities/{city}/admin/service-categories", north.slug())
        .then()
        .body("find { it.code == 'graffiti' }.name", equalTo("Graffiti removal"))
        .body("find { it.code == 'graffiti' }.group", equalTo("Bylaw"))
        .body("find { it.code == 'graffiti' }.staff_only", equalTo(true));
    importCsv(north, "code,name,\nx,y\n", false)
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
