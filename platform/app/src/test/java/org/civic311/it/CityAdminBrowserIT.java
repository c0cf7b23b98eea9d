package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.civic311.it.support.Browser;
import org.civic311.it.support.Db;
import org.civic311.it.support.Identity;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The city administrator's pages, {@code /c/{city}/admin/}, in a real browser: the Lethbridge
 * administrator signs in through Keycloak's own pages, edits each kind of thing, and every edit is
 * checked through the API or the database and again in the page after a reload. Each test uses
 * fresh codes and slugs; what it changes of the demo city that other tests rely on (hours, phone
 * routing, the duplicate rule, the public catalogue) is put back in a finally block.
 */
class CityAdminBrowserIT extends PlatformIT {
  private static final String ADMIN = "lethbridge-admin";
  private static final String API = "api/v1/cities/lethbridge";

  @Test
  void theAdministratorSignsInAndFindsEverySection() throws Exception {
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, ADMIN, "catalogue");
      assertThat(page.findElement(By.id("city-name")).getText()).contains("City of Lethbridge");
      assertThat(page.findElements(By.cssSelector("#category-list tbody tr")).size())
          .isGreaterThanOrEqualTo(30);
      browser.screenshot("admin-catalogue-desktop", Browser.DESKTOP);
      browser.screenshot("admin-catalogue-phone", Browser.PHONE);
      page.manage().window().setSize(Browser.DESKTOP);

      for (String section :
          List.of(
              "departments",
              "integrations",
              "knowledge",
              "hours",
              "phone",
              "duplicates",
              "audit")) {
        // by keyboard: the sections' links are plain links
        page.findElement(By.cssSelector(".sections a[href='#" + section + "']"))
            .sendKeys(Keys.ENTER);
        ready(browser, section);
        assertThat(
                page.findElement(By.cssSelector(".sections a[aria-current]")).getAttribute("href"))
            .endsWith("#" + section);
        // the section's heading has focus, so a screen reader says where the user is
        assertThat(page.switchTo().activeElement().getAttribute("id"))
            .isEqualTo(section + "-title");
        browser.screenshotWholePage("admin-" + section + "-desktop", Browser.DESKTOP);
        browser.screenshotWholePage("admin-" + section + "-phone", Browser.PHONE);
        page.manage().window().setSize(Browser.DESKTOP);
      }

      // signing out signs out
      page.findElement(By.id("sign-out")).click();
      throughRedirects(browser).until(ExpectedConditions.elementToBeClickable(By.id("sign-in")));
      assertThat(page.findElement(By.id("status")).getText()).contains("signed out");
      assertThat(page.findElement(By.id("admin")).isDisplayed()).isFalse();
    }
  }

  @Test
  void aNewCategoryWithTwoQuestionsAndAServiceLevelIsPublishedOnOpen311() throws Exception {
    String code = "admin-ui-" + fresh();
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, ADMIN, "catalogue");
      button(page, "catalogue", "New category").click();
      browser
          .waiting()
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("category-form")));
      type(page, field("category-form", "code"), code);
      type(page, field("category-form", "name"), "Broken bench " + code);
      type(page, field("category-form", "groups"), "Parks");
      type(page, field("category-form", "more_groups"), "Street furniture, Parks");
      type(page, field("category-form", "keywords"), "bench, seat, park furniture");
      type(page, field("category-form", "description"), "A bench in a park or on a street.");
      type(page, field("category-form", "names.fr"), "Banc brisé");
      type(page, field("category-form", "descriptions.es"), "Un banco roto.");
      // first not JSON: refused in the page, next to the field, nothing sent
      type(page, field("category-form", "area"), "the river valley");
      page.findElement(
              By.xpath("//form[@id='category-form']//button[normalize-space()='Save category']"))
          .click();
      browser
          .waiting()
          .until(
              ExpectedConditions.attributeToBe(
                  field("category-form", "area"), "aria-invalid", "true"));
      assertThat(
              Db.sql(
                  Db.city("lethbridge"),
                  "select count(*) from service_category where code = ?",
                  code))
          .isEqualTo("0");
      type(
          page,
          field("category-form", "area"),
          "{\"type\":\"Polygon\",\"coordinates\":[[[-112.95,49.60],[-112.70,49.60],"
              + "[-112.70,49.78],[-112.95,49.78],[-112.95,49.60]]]}");

      button(page, "catalogue", "Add a question").click();
      type(page, field("category-form", "attributes[0].code"), "size_m2");
      new Select(page.findElement(field("category-form", "attributes[0].datatype")))
          .selectByValue("number");
      type(page, field("category-form", "attributes[0].description"), "How long is it?");
      type(page, field("category-form", "attributes[0].datatype_description"), "In metres");

      button(page, "catalogue", "Add a question").click();
      type(page, field("category-form", "attributes[1].code"), "damage");
      new Select(page.findElement(field("category-form", "attributes[1].datatype")))
          .selectByValue("singlevaluelist");
      type(page, field("category-form", "attributes[1].description"), "What is broken?");
      page.findElement(field("category-form", "attributes[1].required")).click();
      WebElement second = page.findElement(field("category-form", "attributes[1]"));
      type(second.findElements(By.className("value-key")).get(0), "slats");
      type(second.findElements(By.className("value-name")).get(0), "Slats or seat");
      second.findElement(By.xpath(".//button[normalize-space()='Add a choice']")).click();
      type(second.findElements(By.className("value-key")).get(1), "legs");
      type(second.findElements(By.className("value-name")).get(1), "Legs or frame");
      // the list question first: reordering renames the fields as the server will name them
      second.findElement(By.xpath(".//button[normalize-space()='Move up']")).click();
      assertThat(
              page.findElement(field("category-form", "attributes[0].code")).getAttribute("value"))
          .isEqualTo("damage");

      type(page, field("category-form", "sla_hours"), "48");
      new Select(page.findElement(field("category-form", "basis"))).selectByValue("calendar");
      new Select(page.findElement(field("category-form", "priority"))).selectByValue("high");
      browser.screenshotWholePage("admin-category-editor-desktop", Browser.DESKTOP);
      browser.screenshotWholePage("admin-category-editor-phone", Browser.PHONE);
      page.manage().window().setSize(Browser.DESKTOP);
      submit(browser, "category-form", "Save category");

      // Open311 publishes it with its questions, in the page's order
      api()
          .queryParam("jurisdiction_id", "lethbridge.ca")
          .get("open311/v2/services/" + code + ".json")
          .then()
          .statusCode(200)
          .body("attributes.code", equalTo(List.of("damage", "size_m2")))
          .body("attributes[0].datatype", equalTo("singlevaluelist"))
          .body("attributes[0].required", equalTo(true))
          .body("attributes[0].values.key", equalTo(List.of("slats", "legs")))
          .body("attributes[1].datatype", equalTo("number"))
          .body("attributes[1].datatype_description", equalTo("In metres"));
      // and the service level went through its own endpoint
      assertThat(
              Db.sql(
                  Db.city("lethbridge"),
                  "select sla_minutes || ' ' || sla_business_hours || ' ' || priority"
                      + " from service_category where code = ?",
                  code))
          .isEqualTo("2880 false high");
      // its groups, other languages and area too
      as(ADMIN)
          .get("api/v1/cities/lethbridge/admin/service-categories")
          .then()
          .statusCode(200)
          .body(
              "find { it.code == '" + code + "' }.groups",
              equalTo(List.of("Parks", "Street furniture")))
          .body("find { it.code == '" + code + "' }.names.fr", equalTo("Banc brisé"))
          .body("find { it.code == '" + code + "' }.descriptions.es", equalTo("Un banco roto."))
          .body("find { it.code == '" + code + "' }.area.type", equalTo("Polygon"));

      // after a reload, the page shows what was saved
      reload(browser, "catalogue");
      type(page, By.cssSelector("#catalogue input[type=search]"), code);
      browser
          .waiting()
          .until(
              ExpectedConditions.numberOfElementsToBe(
                  By.cssSelector("#category-list tbody tr"), 1));
      WebElement row = page.findElement(By.cssSelector("#category-list tbody tr"));
      assertThat(row.getText()).contains(code, "Broken bench", "Parks", "Active");
      row.findElement(By.tagName("button")).click();
      browser
          .waiting()
          .until(
              ExpectedConditions.attributeToBe(field("category-form", "sla_hours"), "value", "48"));
      assertThat(page.findElement(field("category-form", "code")).getAttribute("readonly"))
          .isNotNull();
      assertThat(page.findElement(field("category-form", "name")).getAttribute("value"))
          .isEqualTo("Broken bench " + code);
      assertThat(page.findElement(field("category-form", "basis")).getAttribute("value"))
          .isEqualTo("calendar");
      assertThat(page.findElement(field("category-form", "more_groups")).getAttribute("value"))
          .isEqualTo("Street furniture");
      assertThat(page.findElement(field("category-form", "names.fr")).getAttribute("value"))
          .isEqualTo("Banc brisé");
      assertThat(page.findElement(field("category-form", "area")).getAttribute("value"))
          .contains("Polygon");
      assertThat(page.findElement(field("category-form", "priority")).getAttribute("value"))
          .isEqualTo("high");
      assertThat(
              page.findElement(field("category-form", "attributes[1].code")).getAttribute("value"))
          .isEqualTo("size_m2");
      assertThat(
              page
                  .findElement(field("category-form", "attributes[0]"))
                  .findElements(By.className("value-key"))
                  .stream()
                  .map(e -> e.getAttribute("value")))
          .containsExactly("slats", "legs");

      // a new category under a code the city already has is refused, not merged into it
      button(page, "catalogue", "New category").click();
      type(page, field("category-form", "code"), code);
      type(page, field("category-form", "name"), "Not the bench");
      page.findElement(
              By.xpath("//form[@id='category-form']//button[normalize-space()='Save category']"))
          .click();
      WebElement taken = page.findElement(field("category-form", "code"));
      browser.waiting().until(ExpectedConditions.attributeToBe(taken, "aria-invalid", "true"));
      assertThat(page.findElement(By.id(taken.getAttribute("data-error"))).getText())
          .contains("is already in this city's catalogue");
      assertThat(
              Db.sql(
                  Db.city("lethbridge"), "select name from service_category where code = ?", code))
          .isEqualTo("Broken bench " + code);
    } finally {
      withdraw(code);
    }
  }

  @Test
  void aRefusedCategoryShowsTheServersReasonNextToTheFieldAndKeepsWhatWasTyped() throws Exception {
    String code = "admin-ui-" + fresh();
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, ADMIN, "catalogue");
      button(page, "catalogue", "New category").click();
      type(page, field("category-form", "code"), code);
      type(page, field("category-form", "name"), "Graffiti " + code);
      page.findElement(field("category-form", "staff_only")).click();
      button(page, "catalogue", "Add a question").click();
      type(page, field("category-form", "attributes[0].code"), "colour");
      new Select(page.findElement(field("category-form", "attributes[0].datatype")))
          .selectByValue("singlevaluelist");
      type(page, field("category-form", "attributes[0].description"), "What colour is it?");
      WebElement question = page.findElement(field("category-form", "attributes[0]"));
      type(question.findElements(By.className("value-key")).get(0), "red");
      type(question.findElements(By.className("value-name")).get(0), "Red");
      question.findElement(By.xpath(".//button[normalize-space()='Add a choice']")).click();
      // the same key twice: the page leaves that rule to the server
      type(question.findElements(By.className("value-key")).get(1), "red");
      type(question.findElements(By.className("value-name")).get(1), "Rouge");
      long auditBefore = Db.count(Db.city("lethbridge"), "audit_entry");
      button(page, "catalogue", "Save category").click();

      By valuesError =
          By.cssSelector("#category-form [data-field='attributes[0].values'] > .error");
      browser
          .waiting()
          .until(ExpectedConditions.textToBePresentInElementLocated(valuesError, "listed twice"));
      assertThat(page.findElement(valuesError).getText())
          .isEqualTo("Choices: the key 'red' is listed twice");
      assertThat(
              page.findElement(field("category-form", "attributes[0].values"))
                  .getAttribute("class"))
          .contains("invalid");
      assertThat(page.findElement(By.cssSelector("#category-form .form-status")).getText())
          .startsWith("Not saved");
      // focus is on the first field of the group the server named
      assertThat(page.switchTo().activeElement())
          .isEqualTo(question.findElements(By.className("value-key")).get(0));
      // what was typed stays
      assertThat(page.findElement(field("category-form", "name")).getAttribute("value"))
          .isEqualTo("Graffiti " + code);
      assertThat(question.findElements(By.className("value-name")).get(1).getAttribute("value"))
          .isEqualTo("Rouge");
      assertThat(page.findElement(field("category-form", "code")).getAttribute("readonly"))
          .isNull();
      browser.screenshotWholePage("admin-category-refused-phone", Browser.PHONE);
      browser.screenshotWholePage("admin-category-refused-desktop", Browser.DESKTOP);
      // nothing was stored, nothing recorded
      assertThat(Db.count(Db.city("lethbridge"), "audit_entry")).isEqualTo(auditBefore);
      assertThat(categoryCodes()).doesNotContain(code);

      // a required field left empty is caught in the page, next to it
      type(page, field("category-form", "name"), "");
      button(page, "catalogue", "Save category").click();
      By nameError =
          By.cssSelector(
              "#" + page.findElement(field("category-form", "name")).getAttribute("data-error"));
      browser.waiting().until(ExpectedConditions.textToBe(nameError, "Name: is required"));
      assertThat(page.switchTo().activeElement())
          .isEqualTo(page.findElement(field("category-form", "name")));

      // put right, it saves
      type(page, field("category-form", "name"), "Graffiti " + code);
      type(question.findElements(By.className("value-key")).get(1), "rouge");
      submit(browser, "category-form", "Save category");
      assertThat(page.findElement(valuesError).getText()).isEmpty();
      as(ADMIN)
          .get(API + "/admin/service-categories")
          .then()
          .body("find { it.code == '" + code + "' }.staff_only", equalTo(true))
          .body(
              "find { it.code == '" + code + "' }.attributes[0].values.key",
              equalTo(List.of("red", "rouge")));
    }
  }

  @Test
  void aDepartmentIsCreatedAndItsRoutedCategoriesChanged() throws Exception {
    String suffix = fresh();
    String department = "admin-ui-" + suffix;
    String first = "admin-ui-a-" + suffix;
    String second = "admin-ui-b-" + suffix;
    createStaffOnlyCategory(first, "Bridge railing " + suffix);
    createStaffOnlyCategory(second, "Bridge lighting " + suffix);
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, ADMIN, "departments");
      button(page, "departments", "New department").click();
      type(page, field("department-form", "code"), department);
      type(page, field("department-form", "name"), "Bridges " + suffix);
      type(page, field("department-form", "email"), "bridges@lethbridge.example.org");
      type(page, By.cssSelector("#department-form input[type=search]"), suffix);
      category(page, first).click();
      submit(browser, "department-form", "Save department");
      assertThat(routedTo(first)).isEqualTo(department);

      // edited after a reload: the first moves out, the second in
      reload(browser, "departments");
      WebElement row =
          page.findElement(By.cssSelector("#department-list tr[data-code='" + department + "']"));
      assertThat(row.getText()).contains("Bridges " + suffix, "bridges@lethbridge.example.org");
      row.findElement(By.tagName("button")).click();
      browser
          .waiting()
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("department-form")));
      assertThat(category(page, first).isSelected()).isTrue();
      category(page, first).click();
      category(page, second).click();
      browser.screenshotWholePage("admin-department-editor-desktop", Browser.DESKTOP);
      browser.screenshotWholePage("admin-department-editor-phone", Browser.PHONE);
      page.manage().window().setSize(Browser.DESKTOP);
      submit(browser, "department-form", "Save department");

      as(ADMIN)
          .get(API + "/admin/departments")
          .then()
          .body("find { it.code == '" + department + "' }.categories", equalTo(List.of(second)));
      assertThat(routedTo(first)).isNull();
      assertThat(routedTo(second)).isEqualTo(department);
      reload(browser, "departments");
      page.findElement(By.cssSelector("#department-list tr[data-code='" + department + "'] button"))
          .click();
      browser
          .waiting()
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("department-form")));
      assertThat(category(page, first).isSelected()).isFalse();
      assertThat(category(page, second).isSelected()).isTrue();
    }
  }

  @Test
  void aDepartmentIsConnectedToItsSystemAndARefusedChangeIsReplayedFromThePage() throws Exception {
    String suffix = fresh();
    String department = "admin-ui-" + suffix;
    String code = "admin-ui-c-" + suffix;
    createStaffOnlyCategory(code, "Sign knocked down " + suffix);
    as(ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Signs " + suffix, "categories", List.of(code)))
        .put(API + "/admin/departments/" + department)
        .then()
        .statusCode(200);
    java.util.concurrent.atomic.AtomicInteger answer =
        new java.util.concurrent.atomic.AtomicInteger(422);
    try (org.civic311.it.support.DepartmentSystem system =
            org.civic311.it.support.DepartmentSystem.start();
        Browser browser = Browser.start()) {
      system.answer("/signs", answer::get);
      WebDriver page = browser.driver();
      signIn(browser, ADMIN, "integrations");
      new Select(page.findElement(By.id("integration-department"))).selectByValue(department);
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("integration-editing"), "no integration yet"));
      // refused by the server, next to its fields: not http(s); then no signing secret
      type(page, field("integration-form", "url"), "ftp://signs.example.org/in");
      page.findElement(
              By.xpath(
                  "//form[@id='integration-form']//button[normalize-space()='Save integration']"))
          .click();
      browser
          .waiting()
          .until(
              ExpectedConditions.attributeToBe(
                  field("integration-form", "url"), "aria-invalid", "true"));
      type(page, field("integration-form", "url"), system.url("/signs"));
      page.findElement(
              By.xpath(
                  "//form[@id='integration-form']//button[normalize-space()='Save integration']"))
          .click();
      browser
          .waiting()
          .until(
              ExpectedConditions.attributeToBe(
                  field("integration-form", "signing_secret"), "aria-invalid", "true"));
      assertThat(page.findElement(field("integration-form", "url")).getAttribute("value"))
          .as("what was typed stays")
          .isEqualTo(system.url("/signs"));
      page.findElement(By.id("integration-generate")).click();
      String secret =
          page.findElement(field("integration-form", "signing_secret")).getAttribute("value");
      assertThat(secret).matches("[0-9a-f]{64}");
      submit(browser, "integration-form", "Save integration");
      as(ADMIN)
          .get(API + "/admin/departments/" + department + "/integration")
          .then()
          .statusCode(200)
          .body("url", equalTo(system.url("/signs")))
          .body("signing_secret_set", equalTo(true));

      // a request of its category: the department refuses it, and it waits as a dead letter
      String id =
          as("lethbridge-agent")
              .contentType(ContentType.JSON)
              .body(
                  Map.of(
                      "service_code", code,
                      "description", "Stop sign down at the corner",
                      "address_string", "3 Ave S and 13 St S",
                      "channel", "phone"))
              .post(API + "/service-requests")
              .then()
              .statusCode(201)
              .extract()
              .path("service_request_id");
      org.civic311.it.support.Mail.await(
          () ->
              !as(ADMIN)
                  .get(API + "/admin/integrations/dead-letters")
                  .jsonPath()
                  .getList("findAll { it.service_request_id == '" + id + "' }")
                  .isEmpty(),
          "the refusal to become a dead letter");
      reload(browser, "integrations");
      By deadRow = By.cssSelector("#integrations-dead tbody tr");
      WebElement row = page.findElement(deadRow);
      assertThat(row.getText()).contains(id.substring(0, 8), "HTTP 422");
      assertThat(
              page.findElement(
                      By.cssSelector(
                          "#integrations-health tr[data-department='" + department + "']"))
                  .getText())
          .contains("Failing");
      browser.screenshotWholePage("admin-integrations-desktop", Browser.DESKTOP);
      browser.screenshotWholePage("admin-integrations-phone", Browser.PHONE);
      page.manage().window().setSize(Browser.DESKTOP);

      // fixed on the department's side: replayed from the page, it arrives once, signed
      answer.set(200);
      row.findElement(By.xpath(".//button[normalize-space()='Replay']")).click();
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("integrations-status"), "Sent again"));
      org.civic311.it.support.Mail.await(
          () -> system.applied("/signs").contains(id + ":1"), "the replayed change to arrive");
      assertThat(system.deliveriesOf("/signs", id)).allMatch(d -> d.signedWith(secret));
      browser.waiting().until(ExpectedConditions.numberOfElementsToBe(deadRow, 0));
    } finally {
      as(ADMIN)
          .contentType(ContentType.JSON)
          .body(Map.of("url", "http://localhost:9/in", "enabled", false))
          .put(API + "/admin/departments/" + department + "/integration");
    }
  }

  @Test
  void aNewArticleIsFoundByAgentsAtOnce() throws Exception {
    String suffix = fresh();
    String slug = "admin-ui-" + suffix;
    String word = "zq" + suffix.replaceAll("[^a-z]", "q");
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, ADMIN, "knowledge");
      button(page, "knowledge", "New article").click();
      type(page, field("article-form", "slug"), slug);
      type(page, field("article-form", "topic"), "Waste & Recycling");
      type(page, field("article-form", "title"), "Where do I take old paint?");
      type(
          page,
          field("article-form", "body"),
          "Take old paint, in its can, to the household hazardous waste drop-off. " + word);
      type(page, field("article-form", "keywords"), "paint, hazardous, " + word);
      new Select(page.findElement(field("article-form", "locale"))).selectByValue("en");
      browser.screenshotWholePage("admin-article-editor-phone", Browser.PHONE);
      page.manage().window().setSize(Browser.DESKTOP);
      submit(browser, "article-form", "Save article");

      as("lethbridge-agent")
          .queryParam("q", word)
          .get(API + "/knowledge")
          .then()
          .statusCode(200)
          .body("[0].slug", equalTo(slug))
          .body("[0].title", equalTo("Where do I take old paint?"));

      reload(browser, "knowledge");
      type(page, By.cssSelector("#knowledge input[type=search]"), slug);
      browser
          .waiting()
          .until(
              ExpectedConditions.numberOfElementsToBe(By.cssSelector("#article-list tbody tr"), 1));
      page.findElement(By.cssSelector("#article-list tbody tr button")).click();
      assertThat(page.findElement(field("article-form", "body")).getAttribute("value"))
          .endsWith(word);
      assertThat(page.findElement(field("article-form", "slug")).getAttribute("readonly"))
          .isNotNull();
    }
  }

  @Test
  void anAddedWeeklyRangeIsSavedAndAnInvertedOneChangesNothing() throws Exception {
    Map<String, Object> original = adminDocument("/admin/hours");
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, ADMIN, "hours");
      assertThat(page.findElement(By.id("hours-now")).getText()).matches("(Open|Closed) now.*");
      int n = page.findElements(By.cssSelector("#hours-form [data-list='weekly']")).size();
      button(page, "hours", "Add a range").click();
      new Select(page.findElement(field("hours-form", "weekly[" + n + "].day")))
          .selectByValue("SATURDAY");
      type(page, field("hours-form", "weekly[" + n + "].opens"), "10:00");
      type(page, field("hours-form", "weekly[" + n + "].closes"), "12:00");
      submit(browser, "hours-form", "Save hours");
      api()
          .get(API + "/hours")
          .then()
          .body("hours.weekly.find { it.day == 'SATURDAY' }.opens", equalTo("10:00"))
          .body("hours.weekly.find { it.day == 'SATURDAY' }.closes", equalTo("12:00"))
          .body("hours.weekly.size()", equalTo(n + 1));

      // after a reload the range is there; an inverted one is refused next to its field
      reload(browser, "hours");
      assertThat(
              page.findElement(field("hours-form", "weekly[" + n + "].opens"))
                  .getAttribute("value"))
          .isEqualTo("10:00");
      String saved = api().get(API + "/hours").asString();
      long audited =
          Long.parseLong(
              Db.sql(
                  Db.city("lethbridge"),
                  "select count(*) from audit_entry where subject = 'hours'"));
      button(page, "hours", "Add a range").click();
      new Select(page.findElement(field("hours-form", "weekly[" + (n + 1) + "].day")))
          .selectByValue("SUNDAY");
      type(page, field("hours-form", "weekly[" + (n + 1) + "].opens"), "14:00");
      type(page, field("hours-form", "weekly[" + (n + 1) + "].closes"), "09:00");
      button(page, "hours", "Save hours").click();
      WebElement closes = page.findElement(field("hours-form", "weekly[" + (n + 1) + "].closes"));
      By error = By.id(closes.getAttribute("data-error"));
      browser
          .waiting()
          .until(ExpectedConditions.textToBePresentInElementLocated(error, "is not after"));
      assertThat(page.findElement(error).getText())
          .isEqualTo("Closes: 09:00 is not after 14:00 (a range must end after it starts)");
      assertThat(closes.getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(page.switchTo().activeElement()).isEqualTo(closes);
      assertThat(closes.getAttribute("value")).isEqualTo("09:00");
      browser.screenshotWholePage("admin-hours-refused-phone", Browser.PHONE);
      assertThat(api().get(API + "/hours").asString()).isEqualTo(saved);
      assertThat(
              Db.sql(
                  Db.city("lethbridge"),
                  "select count(*) from audit_entry where subject = 'hours'"))
          .isEqualTo(String.valueOf(audited));

      // a time zone that does not exist is refused by the server, next to its field
      type(page, field("hours-form", "weekly[" + (n + 1) + "].closes"), "18:00");
      type(page, field("hours-form", "time_zone"), "Mars/Olympus_Mons");
      button(page, "hours", "Save hours").click();
      WebElement zone = page.findElement(field("hours-form", "time_zone"));
      browser.waiting().until(ExpectedConditions.attributeToBe(zone, "aria-invalid", "true"));
      assertThat(page.findElement(By.id(zone.getAttribute("data-error"))).getText())
          .contains("is not an IANA time zone");
      assertThat(api().get(API + "/hours").asString()).isEqualTo(saved);
    } finally {
      putAdminDocument("/admin/hours", original);
    }
  }

  @Test
  void aGreetingIsEditedAndACallIsTested() throws Exception {
    Map<String, Object> original = adminDocument("/admin/phone-routing");
    String greeting = "Welcome to the City of Lethbridge 311, test " + fresh() + ".";
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, ADMIN, "phone");
      WebElement text =
          page.findElement(
              By.cssSelector("#phone-form [data-field='entry_points[0]'] .greeting-text"));
      type(text, greeting);
      // the main line keeps shorter hours of its own (a lowercase day is fine)
      type(page, field("phone-form", "entry_points[0].hours"), "monday 9:00-12:00");
      browser.screenshotWholePage("admin-phone-editor-phone", Browser.PHONE);
      page.manage().window().setSize(Browser.DESKTOP);
      submit(browser, "phone-form", "Save phone routing");
      as(ADMIN)
          .get(API + "/admin/phone-routing")
          .then()
          .body("entry_points[0].greetings.en", equalTo(greeting))
          .body("entry_points[0].hours[0].day", equalTo("MONDAY"))
          .body("entry_points[0].hours[0].opens", equalTo("09:00"))
          .body("entry_points[0].hours[0].closes", equalTo("12:00"));

      // a Saturday evening: closed, so the trouble line answers after the new greeting
      reload(browser, "phone");
      assertThat(
              page.findElement(
                      By.cssSelector("#phone-form [data-field='entry_points[0]'] .greeting-text"))
                  .getAttribute("value"))
          .isEqualTo(greeting);
      new Select(page.findElement(field("decision-form", "number"))).selectByValue("+14033203001");
      setValue(page, page.findElement(field("decision-form", "at")), "2026-11-28T20:00");
      button(page, "phone", "Test the call").click();
      browser
          .waiting()
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("decision-steps")));
      assertThat(page.findElement(By.cssSelector("#decision-result h4")).getText())
          .endsWith("the city is closed");
      assertThat(page.findElement(By.id("decision-steps")).getText())
          .contains(
              "The 911 prompt (en)",
              greeting,
              "The trouble line's menu: press 1 for water-main-break");
      browser.screenshotWholePage("admin-phone-decision-desktop", Browser.DESKTOP);
    } finally {
      putAdminDocument("/admin/phone-routing", original);
    }
  }

  @Test
  void theCatalogueGoesOutAsCsvAndComesInAndAWrongFileIsRefusedRowByRow() throws Exception {
    String code = "admin-ui-" + fresh();
    Path wrong = Files.createTempFile("catalogue-wrong", ".csv");
    Path right = Files.createTempFile("catalogue-right", ".csv");
    Files.writeString(
        wrong, "code,name,active\nBad Code,A bench,true\n" + code + ",A bench,maybe\n");
    // withdrawn, so the demo's public catalogue stays the demo's
    Files.writeString(right, "code,name,group,active\n" + code + ",Imported bench,Parks,false\n");
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, ADMIN, "catalogue");
      button(page, "catalogue", "Export CSV").click();
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBe(
                  By.id("csv-status"),
                  "The catalogue was downloaded as lethbridge-catalogue.csv."));

      WebElement file = page.findElement(By.cssSelector("#import-form input[type=file]"));
      file.sendKeys(wrong.toAbsolutePath().toString());
      button(page, "catalogue", "Import").click();
      browser
          .waiting()
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("import-report")));
      assertThat(page.findElement(By.id("import-report")).getText())
          .contains("2 rows of the file are wrong; nothing was imported.")
          .contains("line 2: code: 'Bad Code' must be lowercase letters")
          .contains("line 3: active 'maybe' is not true or false");
      assertThat(page.findElement(By.cssSelector("#import-form > .form-status")).getText())
          .isEqualTo("Not imported: 2 rows of the file are wrong; nothing was imported.");
      assertThat(page.switchTo().activeElement())
          .isEqualTo(page.findElement(By.id("import-report")));
      browser.screenshotWholePage("admin-import-refused-phone", Browser.PHONE);
      page.manage().window().setSize(Browser.DESKTOP);
      assertThat(routedTo(code)).isNull();
      assertThat(categoryCodes()).doesNotContain(code);

      file.sendKeys(right.toAbsolutePath().toString());
      button(page, "catalogue", "Import").click();
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBe(
                  By.cssSelector("#import-form > .form-status"), "Imported"));
      assertThat(page.findElement(By.id("import-report")).getText())
          .contains("Created (1): " + code)
          .doesNotContain("wrong");
      as(ADMIN)
          .get(API + "/admin/service-categories")
          .then()
          .body("find { it.code == '" + code + "' }.name", equalTo("Imported bench"))
          .body("find { it.code == '" + code + "' }.group", equalTo("Parks"))
          .body("find { it.code == '" + code + "' }.active", equalTo(false));
      // the list shows it at once, withdrawn
      type(page, By.cssSelector("#catalogue input[type=search]"), code);
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.cssSelector("#category-list tbody"), "Withdrawn"));
    } finally {
      Files.deleteIfExists(wrong);
      Files.deleteIfExists(right);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void anEmergencyClosureTypedInCityTimeClosesTheCityNow() throws Exception {
    Map<String, Object> original = adminDocument("/admin/hours");
    ZonedDateTime now =
        ZonedDateTime.now(ZoneId.of("America/Edmonton")).truncatedTo(ChronoUnit.MINUTES);
    String message = "Closed: water main break, test " + fresh() + ".";
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, ADMIN, "hours");
      button(page, "hours", "Add an override").click();
      setValue(
          page,
          page.findElement(field("hours-form", "overrides[0].from")),
          now.minusHours(1).toLocalDateTime().toString());
      setValue(
          page,
          page.findElement(field("hours-form", "overrides[0].until")),
          now.plusHours(2).toLocalDateTime().toString());
      new Select(page.findElement(field("hours-form", "overrides[0].open"))).selectByValue("false");
      type(page, field("hours-form", "overrides[0].message"), message);
      submit(browser, "hours-form", "Save hours");

      // the page wrote the city's local times with the offset then: the same instants
      Map<String, Object> stored = adminDocument("/admin/hours");
      List<Map<String, Object>> overrides = (List<Map<String, Object>>) stored.get("overrides");
      assertThat(OffsetDateTime.parse((String) overrides.get(0).get("from")).toInstant())
          .isEqualTo(now.minusHours(1).toInstant());
      assertThat(OffsetDateTime.parse((String) overrides.get(0).get("until")).toInstant())
          .isEqualTo(now.plusHours(2).toInstant());
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(By.id("hours-now"), "Closed now"));
      assertThat(page.findElement(By.id("hours-now-more")).getText()).contains(message);
      api()
          .get(API + "/hours/now")
          .then()
          .body("open", equalTo(false))
          .body("message", equalTo(message));

      // shown again in city time after a reload
      reload(browser, "hours");
      assertThat(page.findElement(field("hours-form", "overrides[0].from")).getAttribute("value"))
          .isEqualTo(now.minusHours(1).toLocalDateTime().toString());
      browser.screenshotWholePage("admin-hours-closure-desktop", Browser.DESKTOP);
    } finally {
      putAdminDocument("/admin/hours", original);
    }
  }

  @Test
  void theDuplicateRuleChangesAndTheAuditListShowsIt() throws Exception {
    Map<String, Object> original = adminDocument("/admin/duplicate-rule");
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, ADMIN, "duplicates");
      type(page, field("duplicates-form", "duplicate_radius_metres"), "120");
      type(page, field("duplicates-form", "duplicate_max_age_days"), "21");
      submit(browser, "duplicates-form", "Save rule");
      as(ADMIN)
          .get(API + "/admin/duplicate-rule")
          .then()
          .body("duplicate_radius_metres", equalTo(120))
          .body("duplicate_max_age_days", equalTo(21))
          .body("city_own", equalTo(true));
      assertThat(page.findElement(By.id("duplicates-whose")).getText()).contains("its own rule");

      // out of range: the page says so and sends nothing
      type(page, field("duplicates-form", "duplicate_radius_metres"), "5000");
      button(page, "duplicates", "Save rule").click();
      WebElement radius = page.findElement(field("duplicates-form", "duplicate_radius_metres"));
      browser.waiting().until(ExpectedConditions.attributeToBe(radius, "aria-invalid", "true"));
      assertThat(page.findElement(By.id(radius.getAttribute("data-error"))).getText())
          .isEqualTo("Radius in metres: must be at most 2000");

      reload(browser, "duplicates");
      assertThat(
              page.findElement(field("duplicates-form", "duplicate_radius_metres"))
                  .getAttribute("value"))
          .isEqualTo("120");
      assertThat(
              page.findElement(field("duplicates-form", "duplicate_max_age_days"))
                  .getAttribute("value"))
          .isEqualTo("21");

      go(browser, "audit");
      WebElement newest = page.findElement(By.cssSelector("#audit-list tbody tr"));
      assertThat(newest.getText()).contains(ADMIN, "duplicate-rule");
      newest.findElement(By.tagName("summary")).click();
      assertThat(newest.findElement(By.tagName("pre")).getText()).isNotEmpty();
      assertThat(newest.getText()).contains("120", "21");
      browser.screenshotWholePage("admin-audit-open-desktop", Browser.DESKTOP);
      browser.screenshotWholePage("admin-audit-open-phone", Browser.PHONE);
      page.manage().window().setSize(Browser.DESKTOP);

      type(page, By.cssSelector("#audit-filter input"), "duplicate-rule");
      page.findElement(By.cssSelector("#audit-filter button")).click();
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.cssSelector("#audit .count"), "of “duplicate-rule”"));
      assertThat(page.findElements(By.cssSelector("#audit-list tbody td[data-label=Subject]")))
          .isNotEmpty()
          .allSatisfy(td -> assertThat(td.getText()).isEqualTo("duplicate-rule"));
    } finally {
      as(ADMIN)
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "duplicate_radius_metres", original.get("duplicate_radius_metres"),
                  "duplicate_max_age_days", original.get("duplicate_max_age_days")))
          .put(API + "/admin/duplicate-rule")
          .then()
          .statusCode(200);
    }
  }

  @Test
  void anotherCitysAdministratorIsToldClearlyAndChangesNothing() throws Exception {
    Db.TestCity lethbridge = Db.city("lethbridge");
    long audited = Db.count(lethbridge, "audit_entry");
    String hours = api().get(API + "/hours").asString();
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, "calgary-admin", "hours");
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal")));
      assertThat(page.findElement(By.id("refusal")).getText())
          .contains("You are signed in as calgary-admin, who is not an administrator of this city")
          .contains("City of Lethbridge");
      assertThat(page.findElement(By.id("admin")).isDisplayed()).isFalse();
      assertThat(page.findElements(By.cssSelector("form")))
          .allSatisfy(f -> assertThat(f.isDisplayed()).isFalse());
      assertThat(page.findElement(By.cssSelector("#refusal a")).getAttribute("href"))
          .endsWith("/c/calgary/admin/");
      browser.screenshot("admin-refused-desktop", Browser.DESKTOP);
      browser.screenshot("admin-refused-phone", Browser.PHONE);
    }
    // the city's own agent is no administrator either
    try (Browser browser = Browser.start()) {
      signIn(browser, "lethbridge-agent", "catalogue");
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal")));
      assertThat(browser.driver().findElement(By.id("refusal")).getText())
          .contains(
              "You are signed in as lethbridge-agent, who is not an administrator of this city");
      assertThat(browser.driver().findElements(By.cssSelector("#refusal a"))).isEmpty();
    }
    // and the API, which the page only speaks for, refuses the same account
    as("calgary-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("duplicate_radius_metres", 1, "duplicate_max_age_days", 1))
        .put(API + "/admin/duplicate-rule")
        .then()
        .statusCode(403);
    assertThat(Db.count(lethbridge, "audit_entry")).isEqualTo(audited);
    assertThat(api().get(API + "/hours").asString()).isEqualTo(hours);
  }

  // --- the page ---

  /**
   * Opens Lethbridge's administration at {@code section} and signs in as {@code username} through
   * Keycloak's own pages, which are identity-first: the username, then the password.
   */
  private static void signIn(Browser browser, String username, String section) {
    WebDriver page = browser.driver();
    page.get(base().resolve("c/lethbridge/admin/#" + section).toString());
    throughRedirects(browser)
        .until(ExpectedConditions.elementToBeClickable(By.id("sign-in")))
        .click();
    throughRedirects(browser)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    assertThat(page.getCurrentUrl())
        .startsWith(Identity.issuer())
        .contains("code_challenge_method=S256");
    page.findElement(By.id("username")).sendKeys(username);
    page.findElement(By.id("kc-login")).click();
    throughRedirects(browser)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
    page.findElement(By.id("password")).sendKeys(Identity.DEMO_PASSWORD);
    page.findElement(By.id("kc-login")).click();
    throughRedirects(browser)
        .until(ExpectedConditions.textToBe(By.id("who"), "Signed in as " + username));
    if (username.equals(ADMIN)) {
      ready(browser, section);
    }
  }

  /** Loads the page anew (the sign-in is checked again with Keycloak) at {@code section}. */
  private static void reload(Browser browser, String section) {
    browser.driver().get("about:blank");
    browser.driver().get(base().resolve("c/lethbridge/admin/#" + section).toString());
    ready(browser, section);
  }

  private static void go(Browser browser, String section) {
    browser.driver().findElement(By.cssSelector(".sections a[href='#" + section + "']")).click();
    ready(browser, section);
  }

  /**
   * A wait that outlasts the page's own redirects: every load checks the sign-in with Keycloak (a
   * round trip through its address), and an element found just before the page navigates away makes
   * Chromium answer with an error rather than a stale element.
   */
  private static org.openqa.selenium.support.ui.WebDriverWait throughRedirects(Browser browser) {
    org.openqa.selenium.support.ui.WebDriverWait wait = browser.waiting();
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    return wait;
  }

  private static void ready(Browser browser, String section) {
    throughRedirects(browser)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#" + section + "[data-ready='true']")));
  }

  /** A field of a form, by the name the server gives it ({@code attributes[0].code}). */
  /** Every code of Lethbridge's catalogue, as its administrator reads it. */
  private static List<String> categoryCodes() {
    return as(ADMIN)
        .get(API + "/admin/service-categories")
        .then()
        .extract()
        .jsonPath()
        .getList("code", String.class);
  }

  private static By field(String form, String name) {
    return By.cssSelector("#" + form + " [data-field='" + name + "']");
  }

  private static WebElement button(WebDriver page, String section, String text) {
    return page.findElement(
        By.xpath("//section[@id='" + section + "']//button[normalize-space()='" + text + "']"));
  }

  private static WebElement category(WebDriver page, String code) {
    return page.findElement(
        By.cssSelector("#department-form input[name='categories'][value='" + code + "']"));
  }

  /** Presses the form's submit button and waits for "Saved" in its status line. */
  private static void submit(Browser browser, String form, String text) {
    WebDriver page = browser.driver();
    page.findElement(
            By.xpath("//form[@id='" + form + "']//button[normalize-space()='" + text + "']"))
        .click();
    By status = By.cssSelector("#" + form + " > .form-status");
    try {
      browser.waiting().until(ExpectedConditions.textToBe(status, "Saved"));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "Not saved: " + page.findElement(status).getText() + " / " + errors(page, form), e);
    }
  }

  private static String errors(WebDriver page, String form) {
    return String.join(
        " | ",
        page.findElements(By.cssSelector("#" + form + " .error")).stream()
            .map(WebElement::getText)
            .filter(t -> !t.isBlank())
            .toList());
  }

  private static void type(WebDriver page, By by, String text) {
    type(page.findElement(by), text);
  }

  private static void type(WebElement input, String text) {
    input.clear();
    if (!text.isEmpty()) {
      input.sendKeys(text);
    }
  }

  /** A date-time field's value, as a date picker would set it (typing into one is locale-bound). */
  private static void setValue(WebDriver page, WebElement input, String value) {
    ((org.openqa.selenium.JavascriptExecutor) page)
        .executeScript(
            "arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            input,
            value);
  }

  // --- the API, to check and to put back ---

  private static String fresh() {
    return UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> adminDocument(String path) {
    return as(ADMIN).get(API + path).then().statusCode(200).extract().jsonPath().getMap("$");
  }

  private static void putAdminDocument(String path, Map<String, Object> document) {
    as(ADMIN).contentType(ContentType.JSON).body(document).put(API + path).then().statusCode(200);
  }

  private static void createStaffOnlyCategory(String code, String name) {
    as(ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("name", name, "staff_only", true))
        .put(API + "/admin/service-categories/" + code)
        .then()
        .statusCode(200);
  }

  private static String routedTo(String code) {
    return as(ADMIN)
        .get(API + "/admin/service-categories")
        .then()
        .extract()
        .path("find { it.code == '" + code + "' }.department");
  }

  /**
   * Withdraws a category the test made public, so the demo city's public catalogue is again the
   * demo's own (DemoCitiesIT compares it with the seed).
   */
  private static void withdraw(String code) {
    Map<String, Object> category =
        as(ADMIN)
            .get(API + "/admin/service-categories")
            .then()
            .extract()
            .jsonPath()
            .getMap("find { it.code == '" + code + "' }");
    if (category == null) {
      return;
    }
    Map<String, Object> withdrawn = new java.util.HashMap<>(category);
    withdrawn.put("active", false);
    withdrawn.remove("department");
    withdrawn.remove("updated_at");
    withdrawn.remove("code");
    as(ADMIN)
        .contentType(ContentType.JSON)
        .body(withdrawn)
        .put(API + "/admin/service-categories/" + code)
        .then()
        .statusCode(200);
  }
}
