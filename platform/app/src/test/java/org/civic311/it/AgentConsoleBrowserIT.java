package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic311.it.support.Browser;
import org.civic311.it.support.Db;
import org.civic311.it.support.Identity;
import org.civic311.it.support.Mail;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agent console's journeys in a real Chromium, signed in through Keycloak's own pages: an agent
 * answers a caller's question and logs the contact, then files a request for the caller with e-mail
 * updates; finds a request, changes its status with notes, and merges a duplicate into it;
 * department staff assign a request of their queue to themselves, start it and resolve it with a
 * note (on a phone-sized window); an agent of a shared centre switches city and sees only that
 * city's requests; an agent of another city is refused. Each journey is checked through the API,
 * the database or the mail, and leaves screenshots in {@code target/screenshots/agent-*.png}.
 */
class AgentConsoleBrowserIT extends PlatformIT {
  private static final String API = "api/v1/cities/lethbridge";

  @Test
  void anAgentAnswersACallerAndFilesARequestForThem() throws Exception {
    String number = String.format("403-555-01%02d", (int) (Math.random() * 100));
    String email = "caller-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, "lethbridge", "lethbridge-agent", "call");

      // the caller: a number never heard from
      type(page, "caller", number);
      type(page, "caller-name", "Dana Whitford");
      type(page, "caller-email", email);
      page.findElement(By.id("screen-pop-button")).click();
      waitText(browser, "caller-form-status", "0 open requests");

      // a question, answered from the knowledge base
      type(page, "kb-q", "garbage collection day");
      submit(page, "kb-form");
      browser
          .waiting()
          .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#kb-hits button")))
          .click();
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("kb-answer")));
      assertThat(page.findElement(By.id("kb-answer-title")).getText())
          .isEqualTo("When is my garbage collection day?");
      assertThat(page.findElement(By.id("log-topic")).getAttribute("value"))
          .isEqualTo("Waste & Recycling");
      type(page, "log-minutes", "4");

      // the server refuses a number that is no phone number: shown by the caller's number, kept
      type(page, "caller", "+1 000 000 0000");
      page.findElement(By.id("kb-log")).click();
      waitText(browser, "caller-error", "");
      assertThat(page.findElement(By.id("caller-error")).getText()).isNotBlank();
      assertThat(page.findElement(By.id("caller")).getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(page.findElement(By.id("caller")).getAttribute("value"))
          .isEqualTo("+1 000 000 0000");
      assertThat(page.findElement(By.id("log-minutes")).getAttribute("value")).isEqualTo("4");

      type(page, "caller", number);
      page.findElement(By.id("kb-log")).click();
      waitText(browser, "log-form-status", "Contact logged");
      browser.screenshot("agent-call-answer-desktop", Browser.DESKTOP);
      JsonPath pop = screenPop(number);
      assertThat(pop.getString("recent_contacts[0].topic")).isEqualTo("Waste & Recycling");
      assertThat(pop.getInt("recent_contacts[0].minutes")).isEqualTo(4);
      assertThat(pop.getString("recent_contacts[0].channel")).isEqualTo("phone");
      assertThat(pop.getString("recent_contacts[0].caller_name")).isEqualTo("Dana Whitford");
      assertThat(pop.getString("recent_contacts[0].agent")).isEqualTo("lethbridge-agent");

      // a request for the caller: the page checks first, and keeps what was typed
      new Select(page.findElement(By.id("nr-category"))).selectByValue("pothole");
      new Select(page.findElement(By.id("nr-channel"))).selectByValue("phone");
      page.findElement(By.id("nr-submit")).click();
      assertThat(page.findElement(By.id("nr-description-error")).getText()).isNotBlank();
      type(page, "nr-description", "Deep pothole in the right lane, caller " + email);
      type(page, "nr-address", "910 4 Ave S");
      answerRequiredQuestions(page);
      click(page, "nr-subscribe");
      type(page, "nr-minutes", "6");
      browser.screenshotWholePage("agent-call-phone", Browser.PHONE);
      page.manage().window().setSize(Browser.DESKTOP);
      page.findElement(By.id("nr-submit")).click();
      waitText(browser, "new-request-form-status", "filed");
      String id = page.findElement(By.id("new-request-form")).getAttribute("data-created");
      assertThat(page.findElement(By.id("new-request-form-status")).getText())
          .contains(id.substring(0, 8))
          .contains("e-mail updates")
          .contains("call is logged");
      browser.screenshotWholePage("agent-call-desktop", Browser.DESKTOP);

      api()
          .get(API + "/service-requests/{id}", id)
          .then()
          .statusCode(200)
          .body("channel", equalTo("phone"))
          .body("service_code", equalTo("pothole"))
          .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("reporter_name")));
      // the caller's name and e-mail went with the request, for the city's staff only
      as("lethbridge-agent")
          .get(API + "/service-requests/{id}/reporter", id)
          .then()
          .statusCode(200)
          .body("name", equalTo("Dana Whitford"))
          .body("email", equalTo(email));
      assertThat(
              Db.sql(
                  Db.city("lethbridge"),
                  "select reporter_email from service_request where id = ?::uuid",
                  id))
          .isEqualTo(email);
      assertThat(
              Db.sql(
                  Db.city("lethbridge"),
                  "select minutes from contact where request_id = ?::uuid",
                  id))
          .isEqualTo("6");
      // the caller's next screen pop shows it, and the caller got "received"
      assertThat(screenPop(number).getList("open_requests.id")).contains(id);
      List<MimeMessage> mail = Mail.awaitTo(email, 1);
      assertThat(Mail.text(mail.get(0))).contains(id);
    }
  }

  @Test
  void anAgentFindsARequestChangesItsStatusAndMergesADuplicate() throws Exception {
    String words = "agentsearch" + UUID.randomUUID().toString().substring(0, 6);
    String parent = report("Sinkhole by the bus stop " + words, "5 Ave S and 6 St S");
    String duplicate = report("Same sinkhole again " + words, "5 Ave S and 6 St S");
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, "lethbridge", "lethbridge-agent", "requests");

      type(page, "s-q", words);
      page.findElement(By.id("search-button")).click();
      waitText(browser, "search-form-status", "2 requests");
      assertThat(page.findElements(By.cssSelector("#results tbody tr"))).hasSize(2);
      // newest first: the duplicate, then the parent
      page.findElement(By.cssSelector("#results tbody tr:nth-child(2) button")).click();
      waitText(browser, "detail-title", "Request " + parent.substring(0, 8));

      // a move the lifecycle refuses is shown by the status, the notes are kept
      new Select(page.findElement(By.id("st-status"))).selectByValue("in_progress");
      type(page, "st-public", "A crew is on its way.");
      type(page, "st-internal", "Crew 4 after the school run");
      page.findElement(By.id("st-save")).click();
      waitText(browser, "status-form-status", "Saved");
      new Select(page.findElement(By.id("st-status"))).selectByValue("received");
      type(page, "st-public", "Back to the start?");
      page.findElement(By.id("st-save")).click();
      waitText(browser, "st-status-error", "");
      assertThat(page.findElement(By.id("st-status-error")).getText()).contains("cannot go");
      assertThat(page.findElement(By.id("st-public")).getAttribute("value"))
          .isEqualTo("Back to the start?");
      as("lethbridge-agent")
          .get(API + "/service-requests/{id}/history", parent)
          .then()
          .body("[-1].status", equalTo("in_progress"))
          .body("[-1].public_note", equalTo("A crew is on its way."))
          .body("[-1].internal_note", equalTo("Crew 4 after the school run"))
          .body("[-1].actor", equalTo("lethbridge-agent"));

      // the duplicate, merged into the parent found by the first 8 characters of its number
      type(page, "s-number", duplicate.substring(0, 8));
      type(page, "s-q", "");
      page.findElement(By.id("search-button")).click();
      // the new results replace the old ones: click the duplicate's row once it is the only one
      browser
          .waiting()
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(
              d -> {
                List<WebElement> rows = d.findElements(By.cssSelector("#results tbody tr button"));
                if (rows.size() != 1 || !rows.get(0).getText().equals(duplicate.substring(0, 8))) {
                  return false;
                }
                rows.get(0).click();
                return true;
              });
      waitText(browser, "detail-title", "Request " + duplicate.substring(0, 8));
      type(page, "mg-parent", "ffffffff");
      page.findElement(By.id("mg-merge")).click();
      waitText(browser, "mg-parent-error", "");
      assertThat(page.findElement(By.id("mg-parent-error")).getText()).contains("No request");
      type(page, "mg-parent", parent.substring(0, 8));
      type(page, "mg-public", "Already reported: follow the earlier request.");
      type(page, "mg-internal", "Second caller says it is wider");
      page.findElement(By.id("mg-merge")).click();
      waitText(browser, "merge-form-status", "Merged into " + parent.substring(0, 8));
      browser.screenshotWholePage("agent-request-desktop", Browser.DESKTOP);
      browser.screenshotWholePage("agent-request-phone", Browser.PHONE);

      as("lethbridge-agent")
          .queryParam("number", duplicate)
          .get(API + "/service-requests/search")
          .then()
          .body("requests[0].status", equalTo("duplicate"))
          .body("requests[0].parent_service_request_id", equalTo(parent));
      JsonPath history =
          as("lethbridge-agent")
              .get(API + "/service-requests/{id}/history", parent)
              .then()
              .extract()
              .jsonPath();
      assertThat(history.getString("[-1].internal_note"))
          .contains(duplicate)
          .contains("Second caller says it is wider");
    }
  }

  @Test
  void departmentStaffResolveARequestOfTheirQueueOnAPhone() throws Exception {
    String words = "queuework" + UUID.randomUUID().toString().substring(0, 6);
    String id = report("Pothole by the library " + words, "810 5 Ave S");
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      page.manage().window().setSize(Browser.PHONE);
      signIn(browser, "lethbridge", "lethbridge-staff", "");
      // department staff land on their queue; the call panel is not theirs
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("queue")));
      assertThat(page.findElement(By.cssSelector("a[data-section='call']")).isDisplayed())
          .isFalse();
      type(page, "q-q", words);
      page.findElement(By.id("queue-refresh")).click();
      By card = By.cssSelector("#queue-list li[data-id='" + id + "']");
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(card));

      press(browser, card, "Assign to me");
      waitText(browser, "queue-form-status", "Assigned to you");
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.cssSelector("#queue-list li[data-id='" + id + "'] .assignee"),
                  "lethbridge-staff"));
      press(browser, card, "Start");
      waitText(browser, "queue-form-status", "Work started");
      press(browser, card, "Resolve…");
      WebElement note =
          browser
              .waiting()
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("#queue-list li[data-id='" + id + "'] textarea")));
      // the page wants a note for the resident
      press(browser, card, "Resolve");
      assertThat(
              page.findElement(
                      By.cssSelector(
                          "#queue-list li[data-id='" + id + "'] [data-field='public_note']"))
                  .getAttribute("aria-invalid"))
          .isEqualTo("true");
      browser.screenshotWholePage("agent-queue-phone", Browser.PHONE);
      note.sendKeys("Filled this morning.");
      press(browser, card, "Resolve");
      waitText(browser, "queue-form-status", "resolved");
      browser.screenshot("agent-queue-desktop", Browser.DESKTOP);

      JsonPath history =
          as("lethbridge-agent")
              .get(API + "/service-requests/{id}/history", id)
              .then()
              .extract()
              .jsonPath();
      assertThat(history.getList("status"))
          .containsExactly("received", "received", "in_progress", "resolved");
      assertThat(history.getList("actor"))
          .containsExactly("web", "lethbridge-staff", "lethbridge-staff", "lethbridge-staff");
      assertThat(history.getString("[1].internal_note")).isEqualTo("Assigned to lethbridge-staff.");
      assertThat(history.getString("[3].public_note")).isEqualTo("Filled this morning.");
    }
  }

  @Test
  void anAgentOfASharedCentreSwitchesCityAndSeesOnlyThatCitysRequests() throws Exception {
    String lethbridge = report("Streetlight out " + UUID.randomUUID(), "1 Main St");
    String calgary =
        api()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "service_code", "pothole",
                    "description", "Pothole on Macleod Trail",
                    "address_string", "Macleod Trail and 17 Ave",
                    "acknowledge_duplicate", true))
            .post("api/v1/cities/calgary/service-requests")
            .then()
            .statusCode(201)
            .extract()
            .path("service_request_id");
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, "lethbridge", "shared-agent", "requests");
      new Select(page.findElement(By.id("city-select"))).selectByValue("calgary");
      throughRedirects(browser).until(ExpectedConditions.urlContains("/c/calgary/agent/"));
      throughRedirects(browser)
          .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#work[data-ready]")));
      assertThat(page.findElement(By.id("city-name")).getText()).contains("Calgary");
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("requests")));

      type(page, "s-number", lethbridge);
      page.findElement(By.id("search-button")).click();
      waitText(browser, "search-form-status", "No request matches");
      type(page, "s-number", calgary.substring(0, 8));
      page.findElement(By.id("search-button")).click();
      waitText(browser, "search-form-status", "Page 1");
      assertThat(
              page.findElements(By.cssSelector("#results tbody tr td:nth-child(2)")).stream()
                  .map(WebElement::getText)
                  .toList())
          .contains("Pothole");
      browser.screenshot("agent-switch-desktop", Browser.DESKTOP);
      browser.screenshot("agent-switch-phone", Browser.PHONE);
    }
    as("shared-agent")
        .queryParam("number", lethbridge)
        .get("api/v1/cities/calgary/service-requests/search")
        .then()
        .body("requests.service_request_id", org.hamcrest.Matchers.empty());
    as("shared-agent")
        .queryParam("number", calgary)
        .get("api/v1/cities/calgary/service-requests/search")
        .then()
        .body("requests.service_request_id", hasItem(calgary));
  }

  @Test
  void anAgentOfAnotherCityIsRefused() throws Exception {
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, "lethbridge", "calgary-agent", null);
      waitText(browser, "status", "does not act for this city");
      assertThat(page.findElement(By.id("work")).isDisplayed()).isFalse();
    }
    as("calgary-agent").get(API + "/service-requests/search").then().statusCode(403);
    as("calgary-agent").get(API + "/department-queue?department=roads").then().statusCode(403);
  }

  // --- helpers ---

  /** A request of Lethbridge's roads (a pothole), reported on the web with an address. */
  private static String report(String description, String address) {
    return api()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "service_code",
                "pothole",
                "description",
                description,
                "address_string",
                address,
                "acknowledge_duplicate",
                true))
        .post(API + "/service-requests")
        .then()
        .statusCode(201)
        .extract()
        .path("service_request_id");
  }

  private static JsonPath screenPop(String number) {
    return as("lethbridge-agent")
        .queryParam("caller", number)
        .get(API + "/contacts/screen-pop")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /**
   * Opens {@code city}'s console at {@code section} and signs in as {@code username} through
   * Keycloak's own pages (identity-first: the username, then the password); waits for the console
   * when {@code section} is not null.
   */
  private static void signIn(Browser browser, String city, String username, String section) {
    WebDriver page = browser.driver();
    page.get(
        base()
            .resolve(
                "c/"
                    + city
                    + "/agent/"
                    + (section == null || section.isEmpty() ? "" : "#" + section))
            .toString());
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
    if (section != null) {
      throughRedirects(browser)
          .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#work[data-ready]")));
      if (!section.isEmpty()) {
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(section)));
      }
    }
  }

  private static WebDriverWait throughRedirects(Browser browser) {
    WebDriverWait wait = browser.waiting();
    wait.ignoring(WebDriverException.class);
    return wait;
  }

  /** Waits until element {@code id} contains {@code text} (any text when blank). */
  private static void waitText(Browser browser, String id, String text) {
    try {
      browser
          .waiting()
          .until(
              d -> {
                String now = d.findElement(By.id(id)).getText();
                return text.isEmpty() ? !now.isBlank() : now.contains(text);
              });
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "#"
              + id
              + " never said '"
              + text
              + "'; it says: "
              + browser.driver().findElement(By.id(id)).getText()
              + " / page status: "
              + browser.driver().findElement(By.id("status")).getText(),
          e);
    }
  }

  private static void type(WebDriver page, String id, String text) {
    WebElement input = page.findElement(By.id(id));
    input.clear();
    if (!text.isEmpty()) {
      input.sendKeys(text);
    }
  }

  private static void submit(WebDriver page, String form) {
    page.findElement(By.cssSelector("#" + form + " button[type=submit]")).click();
  }

  private static void click(WebDriver page, String id) {
    ((JavascriptExecutor) page)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center'});", page.findElement(By.id(id)));
    page.findElement(By.id(id)).click();
  }

  /**
   * Presses the card's button {@code text}: the queue is drawn anew after each change, so a button
   * found just before may be gone; look again until the press lands.
   */
  private static void press(Browser browser, By card, String text) {
    browser
        .waiting()
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .until(
            d -> {
              button(d, card, text).click();
              return true;
            });
  }

  private static WebElement button(WebDriver page, By card, String text) {
    WebElement b =
        page.findElement(card).findElement(By.xpath(".//button[normalize-space()='" + text + "']"));
    ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'});", b);
    return b;
  }

  /** Answers the chosen category's required questions: a list's first choice, else "1". */
  private static void answerRequiredQuestions(WebDriver page) {
    for (WebElement input :
        page.findElements(By.cssSelector("#nr-attribute-fields [data-required='true']"))) {
      if (input.getTagName().equals("select")) {
        Select select = new Select(input);
        select.selectByIndex(select.isMultiple() ? 0 : 1);
      } else {
        input.sendKeys("1");
      }
    }
  }
}
