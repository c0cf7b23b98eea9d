package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.civic311.it.support.Browser;
import org.civic311.it.support.Db;
import org.civic311.it.support.Identity;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The provider console, {@code /provider/}, in a real browser: the operator signs in through
 * Keycloak's own pages, onboards a city from the form (a taken slug refused next to its field
 * first), suspends it with a reason and resumes it, exports it with the progress shown and the
 * archive downloaded, and schedules its offboarding with the slug retyped; each step is checked
 * through the API. A city administrator signing in is refused and sees nothing.
 */
class ProviderConsoleBrowserIT extends PlatformIT {
  private static final String CITIES = "api/v1/provider/cities";

  @Test
  void theOperatorOnboardsSuspendsResumesExportsAndOffboardsACity() throws Exception {
    String slug = "browser-" + UUID.randomUUID().toString().substring(0, 8);
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, "operator", "onboard");

      // a slug another city has: refused next to the field, nothing made
      type(page, field("onboard-form", "slug"), "lethbridge");
      type(page, field("onboard-form", "display_name"), "City of " + slug);
      type(page, field("onboard-form", "jurisdiction_id"), slug + ".example.ca");
      type(page, field("onboard-form", "time_zone"), "America/Regina");
      type(page, field("onboard-form", "locales"), "en, fr");
      type(page, field("onboard-form", "population"), "12000");
      type(page, field("onboard-form", "contact_email"), "clerk@" + slug + ".example.ca");
      type(page, field("onboard-form", "admin_email"), "admin@" + slug + ".example.ca");
      type(page, field("onboard-form", "phone_entry_points[0].number"), "306-555-0162");
      submit(page, "onboard-form", "Onboard the city");
      browser
          .waiting()
          .until(
              ExpectedConditions.attributeToBe(
                  field("onboard-form", "slug"), "aria-invalid", "true"));
      assertThat(errorOf(page, field("onboard-form", "slug"))).contains("Slug").contains("taken");
      assertThat(
              Db.sql(
                  Db.city("lethbridge"),
                  "select count(*) from tenant where jurisdiction_id = ?",
                  slug + ".example.ca"))
          .isEqualTo("0");
      browser.screenshotWholePage("provider-onboard-refused-desktop", Browser.DESKTOP);
      browser.screenshotWholePage("provider-onboard-refused-phone", Browser.PHONE);
      page.manage().window().setSize(Browser.DESKTOP);

      type(page, field("onboard-form", "slug"), slug);
      submit(page, "onboard-form", "Onboard the city");
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("onboard-done")));
      assertThat(page.findElement(By.id("onboard-done")).getText())
          .contains("City of " + slug)
          .contains("admin@" + slug + ".example.ca");
      assertThat(status(slug)).isEqualTo("active");
      assertThat(Db.count(Db.city(slug), "service_category")).isEqualTo(80);
      // its main number is the city's, routed: 311 with the 911 prompt, the city's queue in hours
      Db.TestCity made = Db.city(slug);
      assertThat(
              Db.sql(
                  made,
                  "select string_agg(number, ',') from phone_number where city_id = ?::uuid",
                  made.id().toString()))
          .isEqualTo("+13065550162");
      assertThat(Db.sql(made, "select document from phone_routing"))
          .contains("\"short_code\":\"311\"")
          .contains(slug + "-311");

      // suspend with a reason, then resume
      go(browser, "cities");
      rowButton(browser, slug, "Suspend").click();
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("suspend-form")));
      submit(page, "suspend-form", "Suspend the city");
      browser
          .waiting()
          .until(
              ExpectedConditions.attributeToBe(
                  field("suspend-form", "reason"), "aria-invalid", "true"));
      assertThat(status(slug)).isEqualTo("active");
      type(page, field("suspend-form", "reason"), "Invoice unpaid");
      submit(page, "suspend-form", "Suspend the city");
      awaitRow(browser, slug, "suspended");
      assertThat(status(slug)).isEqualTo("suspended");
      rowButton(browser, slug, "Resume").click();
      awaitRow(browser, slug, "active");
      assertThat(status(slug)).isEqualTo("active");

      // export: the progress ends done, and the archive is a ZIP the page offers to save
      rowButton(browser, slug, "Export").click();
      browser
          .waiting()
          .until(
              ExpectedConditions.textMatches(
                  By.id("export-status"), java.util.regex.Pattern.compile("^Done.*")));
      assertThat(page.findElement(By.id("export-status")).getText()).contains("rows");
      WebElement download = page.findElement(By.id("export-download"));
      assertThat(download.getAttribute("download")).startsWith(slug).endsWith(".zip");
      // the page checked it is a ZIP (else it says so); it holds the city's 80 categories at least
      assertThat(Long.parseLong(download.getAttribute("data-bytes"))).isGreaterThan(1000);
      browser.screenshot("provider-export-desktop", Browser.DESKTOP);
      browser.screenshotWholePage("provider-export-phone", Browser.PHONE);
      page.manage().window().setSize(Browser.DESKTOP);

      // offboard: a slug not retyped is refused in the page; then scheduled, with the date shown
      rowButton(browser, slug, "Offboard").click();
      browser
          .waiting()
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("offboard-form")));
      type(page, field("offboard-form", "confirm"), "lethbridge");
      type(page, field("offboard-form", "reason"), "Contract ended");
      submit(page, "offboard-form", "Offboard the city");
      browser
          .waiting()
          .until(
              ExpectedConditions.attributeToBe(
                  field("offboard-form", "confirm"), "aria-invalid", "true"));
      assertThat(status(slug)).isEqualTo("active");
      type(page, field("offboard-form", "confirm"), slug);
      submit(page, "offboard-form", "Offboard the city");
      awaitRow(browser, slug, "leaving");
      assertThat(row(browser, slug).getText()).contains("Deleted from");
      Map<String, Object> city = city(slug);
      assertThat(city.get("status")).isEqualTo("suspended");
      assertThat(city.get("offboard_at")).isNotNull();
      assertThat(page.findElement(By.id("cities-said")).getText()).contains("will be deleted");
      browser.screenshotWholePage("provider-cities-desktop", Browser.DESKTOP);
      browser.screenshotWholePage("provider-cities-phone", Browser.PHONE);
      page.manage().window().setSize(Browser.DESKTOP);

      // the audit log has it all
      go(browser, "audit");
      type(page, By.cssSelector("#audit-filter [data-field='city']"), slug);
      page.findElement(By.xpath("//form[@id='audit-filter']//button")).click();
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("audit-list"), "city.offboard"));
      String log = page.findElement(By.id("audit-list")).getText();
      assertThat(log)
          .contains("city.onboard", "city.suspend", "city.resume", "city.export", "city.offboard");
      browser.screenshotWholePage("provider-audit-desktop", Browser.DESKTOP);
    }
  }

  @Test
  void theOperatorOnboardsFromACsvFileAndFromAnOpen311ServerWatchingTheProgress() throws Exception {
    String slug = "csvpage-" + UUID.randomUUID().toString().substring(0, 8);
    java.nio.file.Path broken = java.nio.file.Files.createTempFile("broken-catalogue", ".csv");
    java.nio.file.Files.writeString(
        broken,
        "code,name,group,keywords,description,active,staff_only\n"
            + "Bad Code,Bad,Roads,,,true,false\n"
            + "fine,Fine,Roads,,,maybe,false\n"
            + "short,row\n");
    java.nio.file.Path good = java.nio.file.Files.createTempFile("catalogue", ".csv");
    java.nio.file.Files.writeString(
        good,
        "code,name,group,keywords,description,active,staff_only\n"
            + "pothole,Pothole,Roads,pothole,Holes in the road,true,false\n"
            + "graffiti,Graffiti,Bylaw,,Paint on walls,true,false\n"
            + "streetlight,Streetlight out,Roads,light,,true,false\n");
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, "operator", "onboard");
      fillCity(page, slug);
      new org.openqa.selenium.support.ui.Select(
              page.findElement(field("onboard-form", "catalogue")))
          .selectByValue("csv");
      page.findElement(field("onboard-form", "catalogue_csv"))
          .sendKeys(broken.toAbsolutePath().toString());
      submit(page, "onboard-form", "Onboard the city");
      browser
          .waiting()
          .until(
              ExpectedConditions.attributeToBe(
                  field("onboard-form", "catalogue_csv"), "aria-invalid", "true"));
      String rows = errorOf(page, field("onboard-form", "catalogue_csv"));
      assertThat(rows).contains("3 rows are wrong").contains("line 2", "line 3", "line 4");
      assertThat(rows).contains("active 'maybe' is not true or false");
      assertThat(Db.sql(Db.city("lethbridge"), "select count(*) from tenant where slug = ?", slug))
          .isEqualTo("0");
      browser.screenshotWholePage("provider-onboard-csv-refused-desktop", Browser.DESKTOP);
      browser.screenshotWholePage("provider-onboard-csv-refused-phone", Browser.PHONE);
      page.manage().window().setSize(Browser.DESKTOP);

      // the corrected file: the city is made with its three categories
      page.findElement(field("onboard-form", "catalogue_csv"))
          .sendKeys(good.toAbsolutePath().toString());
      submit(page, "onboard-form", "Onboard the city");
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("onboard-done")));
      assertThat(page.findElement(By.id("onboard-done")).getText())
          .contains("City of " + slug)
          .contains("Imported 3 of 3 categories from the CSV file");
      assertThat(Db.count(Db.city(slug), "service_category")).isEqualTo(3);

      // a city whose catalogue comes from its Open311 server (Calgary's, on this deployment)
      String copy = "o311page-" + UUID.randomUUID().toString().substring(0, 8);
      fillCity(page, copy);
      new org.openqa.selenium.support.ui.Select(
              page.findElement(field("onboard-form", "catalogue")))
          .selectByValue("open311");
      type(page, field("onboard-form", "catalogue_url"), base() + "open311/v2/");
      type(page, field("onboard-form", "catalogue_jurisdiction_id"), "calgary.ca");
      browser.screenshotWholePage("provider-onboard-open311-form-phone", Browser.PHONE);
      page.manage().window().setSize(Browser.DESKTOP);
      submit(page, "onboard-form", "Onboard the city");
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("onboard-done")));
      int calgary =
          api()
              .queryParam("jurisdiction_id", "calgary.ca")
              .get("open311/v2/services.json")
              .jsonPath()
              .getList("service_code")
              .size();
      assertThat(page.findElement(By.id("onboard-progress-line")).getText())
          .isEqualTo("Imported " + calgary + " of " + calgary + " categories");
      assertThat(page.findElement(By.id("onboard-done")).getText())
          .contains("City of " + copy)
          .contains("from the Open311 server");
      assertThat(Db.count(Db.city(copy), "service_category")).isEqualTo(calgary);
      browser.screenshotWholePage("provider-onboard-open311-desktop", Browser.DESKTOP);
      browser.screenshotWholePage("provider-onboard-open311-phone", Browser.PHONE);
    }
  }

  private static void fillCity(WebDriver page, String slug) {
    type(page, field("onboard-form", "slug"), slug);
    type(page, field("onboard-form", "display_name"), "City of " + slug);
    type(page, field("onboard-form", "jurisdiction_id"), slug + ".example.ca");
    type(page, field("onboard-form", "time_zone"), "America/Regina");
    type(page, field("onboard-form", "locales"), "en, fr");
    type(page, field("onboard-form", "admin_email"), "admin@" + slug + ".example.ca");
  }

  @Test
  void aCityAdministratorIsRefusedAndSeesNothing() throws Exception {
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, "lethbridge-admin", "cities");
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal")));
      assertThat(page.findElement(By.id("refusal")).getText())
          .contains("not the operator")
          .contains("City of Lethbridge");
      assertThat(page.findElement(By.id("admin")).isDisplayed()).isFalse();
      assertThat(page.findElements(By.cssSelector("#city-list tbody tr"))).isEmpty();
      browser.screenshot("provider-refused-phone", Browser.PHONE);
    }
  }

  private static void signIn(Browser browser, String username, String section) {
    WebDriver page = browser.driver();
    page.get(base().resolve("provider/#" + section).toString());
    throughRedirects(browser)
        .until(ExpectedConditions.elementToBeClickable(By.id("sign-in")))
        .click();
    throughRedirects(browser)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    assertThat(page.getCurrentUrl()).startsWith(Identity.issuer());
    page.findElement(By.id("username")).sendKeys(username);
    page.findElement(By.id("kc-login")).click();
    throughRedirects(browser)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
    page.findElement(By.id("password")).sendKeys(Identity.DEMO_PASSWORD);
    page.findElement(By.id("kc-login")).click();
    throughRedirects(browser)
        .until(ExpectedConditions.textToBe(By.id("who"), "Signed in as " + username));
    if (username.equals("operator")) {
      ready(browser, section);
    }
  }

  private static WebDriverWait throughRedirects(Browser browser) {
    WebDriverWait wait = browser.waiting();
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    return wait;
  }

  private static void ready(Browser browser, String section) {
    throughRedirects(browser)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#" + section + "[data-ready='true']")));
  }

  private static void go(Browser browser, String section) {
    browser.driver().findElement(By.cssSelector(".sections a[href='#" + section + "']")).click();
    ready(browser, section);
  }

  private static By field(String form, String name) {
    return By.cssSelector("#" + form + " [data-field='" + name + "']");
  }

  private static void type(WebDriver page, By where, String text) {
    WebElement el = page.findElement(where);
    el.clear();
    el.sendKeys(text);
  }

  private static void submit(WebDriver page, String form, String text) {
    page.findElement(
            By.xpath("//form[@id='" + form + "']//button[normalize-space()='" + text + "']"))
        .click();
  }

  /** The text of the error line tied to a control. */
  private static String errorOf(WebDriver page, By control) {
    String id = page.findElement(control).getAttribute("aria-describedby");
    String[] ids = id.split(" ");
    return page.findElement(By.id(ids[ids.length - 1])).getText();
  }

  private static WebElement row(Browser browser, String slug) {
    return browser.driver().findElement(By.cssSelector("#city-list tr[data-city='" + slug + "']"));
  }

  private static WebElement rowButton(Browser browser, String slug, String text) {
    return browser
        .waiting()
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//table[@id='city-list']//tr[@data-city='"
                        + slug
                        + "']//button[normalize-space()='"
                        + text
                        + "']")));
  }

  /** Waits until the city's row shows {@code badge} as its status. */
  private static void awaitRow(Browser browser, String slug, String badge) {
    throughRedirects(browser)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath(
                    "//table[@id='city-list']//tr[@data-city='"
                        + slug
                        + "']//span[contains(@class,'badge') and normalize-space()='"
                        + badge
                        + "']")));
  }

  private static Map<String, Object> city(String slug) {
    return as("operator")
        .get(CITIES)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .<Map<String, Object>>getList("$")
        .stream()
        .filter(c -> slug.equals(c.get("slug")))
        .findFirst()
        .orElseThrow();
  }

  private static String status(String slug) {
    return (String) city(slug).get("status");
  }
}
