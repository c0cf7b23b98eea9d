package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civic311.it.support.Browser;
import org.civic311.it.support.Db;
import org.civic311.it.support.Identity;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The resident portal, {@code /c/{city}/}, in a real browser (headless Chromium, offline: the map's
 * tiles never load, and the page works without them). Residents report with the map and without it,
 * say "me too", follow a request, sign in to see their own; every page passes axe-core's WCAG 2.2
 * AA rules in every language its city offers; and the first load stays within its budget.
 * Screenshots of each journey go to {@code target/screenshots/portal-*.png}.
 */
class PortalBrowserIT extends PlatformIT {
  private static final List<String> WCAG =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  /** HTML, CSS and JavaScript of a page's first load, before compression: at most this. */
  private static final long BUDGET_BYTES = 300 * 1024;

  @Test
  void aResidentReportsWithTheMapAndAPhotoThenFollowsTheRequest() throws Exception {
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      page.manage().window().setSize(Browser.PHONE);
      page.get(base().resolve("c/calgary/").toString());
      assertThat(page.findElement(By.tagName("h1")).getText()).contains("311");
      assertThat(page.findElement(By.cssSelector(".numbers")).getText())
          .contains("311", "(403) 268-2489");
      assertThat(page.findElement(By.cssSelector(".emergency")).getText()).contains("911");
      browser.screenshotWholePage("portal-home-phone", Browser.PHONE);
      browser.screenshot("portal-home-desktop", Browser.DESKTOP);
      page.manage().window().setSize(Browser.PHONE);

      page.findElement(By.id("report-link")).click();
      choose(browser, "pothole", "pothole");
      page.findElement(By.id("description")).sendKeys("Deep pothole in the right lane");
      page.findElement(By.id("show-map")).click();
      WebElement map =
          browser
              .waiting()
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("#map.leaflet-container")));
      new Actions(page).moveToElement(map).click().perform();
      browser
          .waiting()
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("pin"), "51.04"));
      browser
          .waiting()
          .until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("#map .leaflet-marker-icon")));
      Path photo = Files.createTempFile("pothole", ".png");
      Files.write(photo, png());
      page.findElement(By.id("photo")).sendKeys(photo.toString());
      browser
          .waiting()
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("photo-preview")));
      page.findElement(By.id("email")).sendKeys("map-reporter@example.org");
      page.findElement(By.id("subscribe")).click();
      axe(browser, "report form with the map, calgary en");
      browser.screenshotWholePage("portal-report-map-phone", Browser.PHONE);
      browser.screenshotWholePage("portal-report-map-desktop", Browser.DESKTOP);
      page.manage().window().setSize(Browser.PHONE);

      page.findElement(By.id("send")).click();
      String id = sent(browser);
      browser.screenshot("portal-report-done-phone", Browser.PHONE);
      api()
          .get("api/v1/cities/calgary/service-requests/" + id)
          .then()
          .statusCode(200)
          .body("service_code", equalTo("pothole"))
          .body("description", equalTo("Deep pothole in the right lane"));
      String lat = api().get("api/v1/cities/calgary/service-requests/" + id).path("lat").toString();
      assertThat(lat).startsWith("51.04");
      assertThat(Db.countFor(Db.city("calgary"), "request_media", id)).isEqualTo(1);

      // the status page, and the city's news on it
      page.findElement(By.id("done-link")).click();
      browser
          .waiting()
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Received"));
      as("calgary-staff")
          .contentType(ContentType.JSON)
          .body(Map.of("status", "in_progress", "public_note", "A crew is on its way."))
          .post("api/v1/cities/calgary/service-requests/" + id + "/status")
          .then()
          .statusCode(200);
      page.navigate().refresh();
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "In progress"));
      assertThat(page.findElement(By.cssSelector("#stages li[aria-current]")).getText())
          .isEqualTo("In progress");
      assertThat(page.findElement(By.id("timeline")).getText()).contains("A crew is on its way.");

      // someone else follows it from the page: a wrong address first, kept and marked
      WebElement email = page.findElement(By.id("email"));
      email.sendKeys("neighbour-at-example.org");
      page.findElement(By.cssSelector("#follow button[type=submit]")).click();
      browser
          .waiting()
          .until(ExpectedConditions.attributeToBe(By.id("email"), "aria-invalid", "true"));
      assertThat(email.getAttribute("value")).isEqualTo("neighbour-at-example.org");
      email.clear();
      email.sendKeys("neighbour-map@example.org");
      page.findElement(By.cssSelector("#follow button[type=submit]")).click();
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("follow-result"), "Check your e-mail"));
      axe(browser, "status page, calgary en");
      browser.screenshotWholePage("portal-status-phone", Browser.PHONE);
      browser.screenshot("portal-status-desktop", Browser.DESKTOP);
    }
  }

  @Test
  void aResidentReportsWithoutTheMapUsingOnlyTheKeyboard() throws Exception {
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      page.manage().window().setSize(Browser.PHONE);
      page.get(base().resolve("c/lethbridge/report").toString());
      WebElement search =
          browser
              .waiting()
              .until(ExpectedConditions.elementToBeClickable(By.id("category-search")));
      search.sendKeys("cart");
      browser
          .waiting()
          .until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("#category-results button.choice")));
      // the groups by keyboard too: a group opens with Enter
      search.clear();
      search.sendKeys("garbage");
      WebElement choice =
          browser
              .waiting()
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("#category-results button.choice")));
      String code = choice.getAttribute("data-code");
      choice.sendKeys(Keys.ENTER);
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("report-form")));
      assertThat(page.switchTo().activeElement().getAttribute("id")).isEqualTo("details-title");

      // nothing typed yet: the page says what is missing next to each field, and sends nothing
      long before = Db.count(Db.city("lethbridge"), "service_request");
      page.findElement(By.id("send")).sendKeys(Keys.ENTER);
      browser
          .waiting()
          .until(ExpectedConditions.attributeToBe(By.id("description"), "aria-invalid", "true"));
      assertThat(page.findElement(By.id("description-error")).getText()).isNotBlank();
      assertThat(page.findElement(By.id("location-error")).getText()).contains("address");
      assertThat(page.switchTo().activeElement().getAttribute("id")).isEqualTo("description");
      axe(browser, "report form with errors, lethbridge en");
      browser.screenshotWholePage("portal-report-errors-phone", Browser.PHONE);
      page.manage().window().setSize(Browser.PHONE);

      page.findElement(By.id("description")).sendKeys("Cart not emptied this morning");
      page.findElement(By.id("address")).sendKeys("910 4 Ave S, by the back lane");
      answerRequiredQuestions(page);
      page.findElement(By.id("send")).sendKeys(Keys.ENTER);
      String id = sent(browser);
      assertThat(Db.count(Db.city("lethbridge"), "service_request")).isEqualTo(before + 1);
      api()
          .get("api/v1/cities/lethbridge/service-requests/" + id)
          .then()
          .statusCode(200)
          .body("service_code", equalTo(code))
          .body("address", equalTo("910 4 Ave S, by the back lane"))
          .body("channel", equalTo("web"));
      assertThat((Object) api().get("api/v1/cities/lethbridge/service-requests/" + id).path("lat"))
          .isNull();
      axe(browser, "confirmation, lethbridge en");
    }
  }

  @Test
  void theServersRefusalIsShownNextToItsFieldAndWhatWasTypedStays() throws Exception {
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      page.manage().window().setSize(Browser.PHONE);
      page.get(base().resolve("c/lethbridge/report").toString());
      // offered only in the river valley; the map opens downtown, outside it
      choose(browser, "pathway", "river-valley-pathway");
      page.findElement(By.id("description")).sendKeys("Fallen branch across the path");
      page.findElement(By.id("show-map")).click();
      browser
          .waiting()
          .until(ExpectedConditions.elementToBeClickable(By.id("pin-centre")))
          .sendKeys(Keys.ENTER);
      browser
          .waiting()
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("pin"), "49.69"));
      answerRequiredQuestions(page);
      long before = Db.count(Db.city("lethbridge"), "service_request");
      page.findElement(By.id("send")).click();
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("location-error"), "not offered at this place"));
      assertThat(page.findElement(By.id("address")).getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(page.findElement(By.id("description")).getAttribute("value"))
          .isEqualTo("Fallen branch across the path");
      assertThat(page.findElement(By.id("report-form")).isDisplayed()).isTrue();
      assertThat(Db.count(Db.city("lethbridge"), "service_request")).isEqualTo(before);
      axe(browser, "server refusal, lethbridge en");
      browser.screenshotWholePage("portal-report-refused-phone", Browser.PHONE);
    }
  }

  @Test
  void aResidentSaysMeTooInsteadOfReportingAgain() throws Exception {
    // an open pothole exactly where the map opens
    Map<String, Object> existing = new HashMap<>();
    existing.put("service_code", "pothole");
    existing.put("description", "Pothole by the library");
    existing.put("lat", 49.6935);
    existing.put("long", -112.8418);
    existing.put("acknowledge_duplicate", true);
    String open =
        api()
            .contentType(ContentType.JSON)
            .body(existing)
            .post("api/v1/cities/lethbridge/service-requests")
            .then()
            .statusCode(201)
            .extract()
            .path("service_request_id");
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      page.manage().window().setSize(Browser.PHONE);
      page.get(base().resolve("c/lethbridge/report").toString());
      choose(browser, "pothole", "pothole");
      page.findElement(By.id("description")).sendKeys("Pothole near the library");
      page.findElement(By.id("show-map")).click();
      browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("pin-centre"))).click();
      long before = Db.count(Db.city("lethbridge"), "service_request");
      page.findElement(By.id("send")).click();
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("step-nearby")));
      By mine = By.cssSelector("button.metoo[data-id='" + open + "']");
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(mine));
      assertThat(page.findElement(By.id("nearby-list")).getText())
          .contains("Pothole by the library");
      axe(browser, "nearby requests, lethbridge en");
      browser.screenshotWholePage("portal-nearby-phone", Browser.PHONE);
      page.manage().window().setSize(Browser.PHONE);

      // "me too" needs an address to confirm
      page.findElement(By.id("metoo-email")).clear();
      page.findElement(mine).click();
      browser
          .waiting()
          .until(ExpectedConditions.attributeToBe(By.id("metoo-email"), "aria-invalid", "true"));
      page.findElement(By.id("metoo-email")).sendKeys("metoo-neighbour@example.org");
      page.findElement(mine).click();
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("step-done")));
      assertThat(page.findElement(By.id("done-number")).getText()).isEqualTo(open);
      assertThat(page.findElement(By.id("done-text")).getText())
          .contains("metoo-neighbour@example.org");
      assertThat(Db.count(Db.city("lethbridge"), "service_request")).isEqualTo(before);
      as("lethbridge-agent")
          .get("api/v1/cities/lethbridge/service-requests/" + open + "/history")
          .then()
          .statusCode(200)
          .body("size()", equalTo(2))
          .body("[1].actor", equalTo("resident"));
      axe(browser, "me too done, lethbridge en");
    }
  }

  @Test
  void aSignedInResidentSeesTheirRequests() throws Exception {
    Map<String, Object> theirs = new HashMap<>();
    theirs.put("service_code", "unsightly-property");
    theirs.put("description", "Old cars and junk in the yard");
    theirs.put("address_string", "Galt Gardens");
    theirs.put("email", "lethbridge-resident@example.org");
    String id =
        api()
            .contentType(ContentType.JSON)
            .body(theirs)
            .post("api/v1/cities/lethbridge/service-requests")
            .then()
            .log()
            .ifValidationFails()
            .statusCode(201)
            .extract()
            .path("service_request_id");
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      page.manage().window().setSize(Browser.PHONE);
      page.get(base().resolve("c/lethbridge/").toString());
      page.findElement(By.id("mine-link")).click();
      throughRedirects(browser).until(ExpectedConditions.elementToBeClickable(By.id("sign-in")));
      axe(browser, "my requests signed out, lethbridge en");
      page.findElement(By.id("sign-in")).click();
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
      assertThat(page.getCurrentUrl()).startsWith(Identity.issuer());
      page.findElement(By.id("username")).sendKeys("lethbridge-resident");
      page.findElement(By.id("kc-login")).click();
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
      page.findElement(By.id("password")).sendKeys(Identity.DEMO_PASSWORD);
      page.findElement(By.id("kc-login")).click();
      By link = By.cssSelector("#mine a[href*='" + id + "']");
      throughRedirects(browser).until(ExpectedConditions.visibilityOfElementLocated(link));
      assertThat(page.findElement(By.id("status")).getText()).contains("lethbridge-resident");
      assertThat(page.findElement(link).getText()).isEqualTo("Unsightly Property");
      axe(browser, "my requests signed in, lethbridge en");
      browser.screenshotWholePage("portal-my-requests-phone", Browser.PHONE);
      page.manage().window().setSize(Browser.PHONE);
      page.findElement(link).click();
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("category"), "Unsightly Property"));
    }
  }

  @Test
  void theLanguageSwitchOffersTheCitysLanguagesAndKeepsThePage() throws Exception {
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      page.get(base().resolve("c/calgary/report?lang=en").toString());
      page.findElement(By.cssSelector(".languages a[hreflang=fr]")).click();
      browser.waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "fr"));
      assertThat(page.getCurrentUrl()).contains("/c/calgary/report?lang=fr");
      assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Signaler un problème");
      // the categories come in French where the city translated them
      WebElement search =
          browser
              .waiting()
              .until(ExpectedConditions.elementToBeClickable(By.id("category-search")));
      search.sendKeys("nid");
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("category-results"), "Nid-de-poule"));
      page.findElement(By.cssSelector(".languages a[hreflang=es]")).click();
      browser.waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "es"));
      assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Reportar un problema");
      assertThat(page.findElement(By.cssSelector(".languages [aria-current]")).getText())
          .isEqualTo("Español");
      // Lethbridge offers English only: no switch
      page.get(base().resolve("c/lethbridge/?lang=es").toString());
      assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
      assertThat(page.findElements(By.cssSelector(".languages"))).isEmpty();
    }
  }

  @Test
  void everyPortalPagePassesAxeInEveryLanguageItsCityOffers() throws Exception {
    List<String> checked = new ArrayList<>();
    for (String[] cityAndLanguages :
        List.of(new String[] {"lethbridge", "en"}, new String[] {"calgary", "en", "fr", "es"})) {
      String city = cityAndLanguages[0];
      String request = reportOne(city);
      try (Browser browser = Browser.start()) {
        WebDriver page = browser.driver();
        for (int i = 1; i < cityAndLanguages.length; i++) {
          String lang = cityAndLanguages[i];
          String where = city + " " + lang;

          page.get(base().resolve("c/" + city + "/?lang=" + lang).toString());
          assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
          axe(browser, "home, " + where);

          page.get(base().resolve("c/" + city + "/follow?number=nope&lang=" + lang).toString());
          axe(browser, "follow refused, " + where);

          page.get(base().resolve("c/" + city + "/report?lang=" + lang).toString());
          browser
              .waiting()
              .until(
                  ExpectedConditions.numberOfElementsToBeMoreThan(
                      By.cssSelector("#category-groups details"), 0));
          page.findElement(By.cssSelector("#category-groups summary")).click();
          axe(browser, "report categories, " + where);
          page.findElement(By.cssSelector("#category-groups details[open] button.choice")).click();
          browser
              .waiting()
              .until(ExpectedConditions.visibilityOfElementLocated(By.id("report-form")));
          page.findElement(By.id("show-map")).click();
          browser
              .waiting()
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("#map.leaflet-container")));
          axe(browser, "report form and map, " + where);

          page.get(
              base().resolve("c/" + city + "/requests/" + request + "?lang=" + lang).toString());
          browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("request")));
          axe(browser, "status, " + where);

          page.get(base().resolve("c/" + city + "/my-requests?lang=" + lang).toString());
          throughRedirects(browser)
              .until(ExpectedConditions.elementToBeClickable(By.id("sign-in")));
          axe(browser, "my requests, " + where);
          if (lang.equals("es")) {
            browser.screenshot("portal-my-requests-es-phone", Browser.PHONE);
            page.manage().window().setSize(Browser.DESKTOP);
          }
          checked.add(where);
        }
      }
    }
    assertThat(checked).containsExactly("lethbridge en", "calgary en", "calgary fr", "calgary es");
  }

  @Test
  void theFirstLoadStaysWithinItsBudget() throws Exception {
    for (String path : List.of("c/calgary/", "c/calgary/report")) {
      try (Browser browser = Browser.start()) {
        WebDriver page = browser.driver();
        page.get(base().resolve(path).toString());
        if (path.endsWith("report")) {
          browser
              .waiting()
              .until(
                  ExpectedConditions.numberOfElementsToBeMoreThan(
                      By.cssSelector("#category-groups details"), 0));
        }
        long first = weightAbove(browser, 0);
        System.out.printf(
            "Page weight, first load of /%s: %,d bytes of HTML, CSS and JavaScript (budget %,d)%n",
            path, first, BUDGET_BYTES);
        assertThat(first).as("first load of /" + path).isPositive().isLessThan(BUDGET_BYTES);
        if (path.endsWith("report")) {
          // with the map too: Leaflet is loaded only when the map is shown
          page.findElement(By.cssSelector("#category-groups summary")).click();
          page.findElement(By.cssSelector("#category-groups details[open] button.choice")).click();
          browser
              .waiting()
              .until(ExpectedConditions.elementToBeClickable(By.id("show-map")))
              .click();
          browser
              .waiting()
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("#map.leaflet-container")));
          long withMap = weightAbove(browser, first + 100_000);
          System.out.printf(
              "Page weight, /%s with the map shown: %,d bytes (budget %,d)%n",
              path, withMap, BUDGET_BYTES);
          assertThat(withMap).isGreaterThan(first + 100_000).isLessThan(BUDGET_BYTES);
        }
      }
    }
  }

  // ---- helpers
  // ------------------------------------------------------------------------------------

  /**
   * Runs axe-core (npm's, as Deque packages it for Selenium) on the page as it is now, with the
   * WCAG 2.2 AA rules; fails listing each violation readably.
   */
  private static void axe(Browser browser, String what) {
    Results results = new AxeBuilder().withTags(WCAG).analyze(browser.driver());
    assertThat(results.isErrored())
        .as("axe ran on " + what + ": " + results.getErrorMessage())
        .isFalse();
    StringBuilder report = new StringBuilder();
    for (Rule rule : results.getViolations()) {
      report
          .append("\n- ")
          .append(rule.getId())
          .append(" (")
          .append(rule.getImpact())
          .append("): ")
          .append(rule.getHelp())
          .append(" ")
          .append(rule.getHelpUrl());
      for (CheckedNode node : rule.getNodes()) {
        report
            .append("\n    at ")
            .append(node.getTarget())
            .append(": ")
            .append(node.getHtml())
            .append("\n    ")
            .append(String.valueOf(node.getFailureSummary()).replace("\n", "\n    "));
      }
    }
    if (report.length() > 0) {
      System.out.println("axe-core violations on " + what + ":" + report);
    }
    assertThat(results.getViolations())
        .as("axe-core WCAG 2.2 AA violations on " + what + ":" + report)
        .isEmpty();
  }

  /** HTML, CSS and JavaScript the page has loaded, decoded, by the Performance API. */
  /**
   * The page's weight once the browser has recorded it. Chromium files the navigation's and the
   * resources' timing entries a moment after the load, on a busy machine sometimes after {@code
   * page.get} returns, so this reads until the load has ended and the weight is above {@code
   * floor}, for the usual 30 seconds at most; the caller asserts on what was last read.
   */
  private static long weightAbove(Browser browser, long floor) {
    long[] seen = {0};
    try {
      browser
          .waiting()
          .until(
              driver -> {
                Object loaded =
                    ((org.openqa.selenium.JavascriptExecutor) driver)
                        .executeScript(
                            "const n = performance.getEntriesByType('navigation')[0];"
                                + " return !!n && n.loadEventEnd > 0;");
                seen[0] = weight(driver);
                return Boolean.TRUE.equals(loaded) && seen[0] > floor;
              });
    } catch (org.openqa.selenium.TimeoutException e) {
      // the assertion that follows says what was seen
    }
    return seen[0];
  }

  private static long weight(WebDriver page) {
    Object bytes =
        ((org.openqa.selenium.JavascriptExecutor) page)
            .executeScript(
                "const entries = [...performance.getEntriesByType('navigation'),"
                    + " ...performance.getEntriesByType('resource')];"
                    + "return entries.filter(e => e.entryType === 'navigation'"
                    + " || /\\.(js|css)(\\?|$)/.test(new URL(e.name).pathname + new URL(e.name).search))"
                    + ".reduce((sum, e) => sum + (e.decodedBodySize || 0), 0);");
    return ((Number) bytes).longValue();
  }

  /** Chooses a category on the report page by searching {@code words} and pressing it. */
  private static void choose(Browser browser, String words, String code) {
    browser
        .waiting()
        .until(
            ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("#category-groups details"), 0));
    WebElement search =
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("category-search")));
    search.sendKeys(words);
    browser
        .waiting()
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#category-results button[data-code='" + code + "']")))
        .click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("report-form")));
  }

  /** Answers every required question of the chosen category with its first choice or a word. */
  private static void answerRequiredQuestions(WebDriver page) {
    for (WebElement q : page.findElements(By.cssSelector(".question[data-required=true]"))) {
      List<WebElement> options =
          q.findElements(By.cssSelector("input[type=radio], input[type=checkbox]"));
      if (!options.isEmpty()) {
        options.get(0).click();
      } else {
        q.findElement(By.cssSelector("input, textarea"))
            .sendKeys("number".equals(q.getAttribute("data-datatype")) ? "2" : "Yes");
      }
    }
  }

  /**
   * Waits for the confirmation (sending anyway when the page first offers requests nearby, which
   * the demo's random samples may put near the pin) and returns the request's number.
   */
  private static String sent(Browser browser) {
    WebDriver page = browser.driver();
    browser
        .waiting()
        .until(
            ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(By.id("step-done")),
                ExpectedConditions.visibilityOfElementLocated(By.id("step-nearby"))));
    if (page.findElement(By.id("step-nearby")).isDisplayed()) {
      page.findElement(By.id("send-anyway")).click();
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("step-done")));
    }
    String id = page.findElement(By.id("done-number")).getText();
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(page.switchTo().activeElement().getAttribute("id")).isEqualTo("done-title");
    return id;
  }

  /** A request of the city, reported through the API, for its status page. */
  private static String reportOne(String city) {
    return api()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "service_code",
                "pothole",
                "description",
                "For the status page",
                "address_string",
                "Centre St"))
        .post("api/v1/cities/" + city + "/service-requests")
        .then()
        .statusCode(201)
        .extract()
        .path("service_request_id");
  }

  /** A wait that outlasts the page's sign-in redirects (to Keycloak and back). */
  private static org.openqa.selenium.support.ui.WebDriverWait throughRedirects(Browser browser) {
    org.openqa.selenium.support.ui.WebDriverWait wait = browser.waiting();
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    return wait;
  }

  private static byte[] png() throws Exception {
    var image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 64; x++) {
      for (int y = 0; y < 48; y++) {
        image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x40);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
