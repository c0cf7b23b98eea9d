package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.it.support.Browser;
import org.civic311.it.support.Mail;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Onboarding's invitation end to end: the city's first administrator receives Keycloak's "set your
 * password" e-mail (in the test mail server), follows its link in a real browser, sets a password
 * on Keycloak's page, signs in on the new city's administration page and sees it, its catalogue
 * empty as onboarded.
 */
class AdminInvitationBrowserIT extends PlatformIT {
  private static final Pattern LINK =
      Pattern.compile("(https?://\\S+?action-token\\S+?)(?=[\\s\"<>]|$)");

  @Test
  void theInvitedAdministratorSetsAPasswordSignsInAndSeesTheirCity() throws Exception {
    String slug = "invited-" + UUID.randomUUID().toString().substring(0, 8);
    String email = "first.admin@" + slug + ".example.ca";
    String password = "Civic311-" + UUID.randomUUID().toString().substring(0, 12);
    as("operator")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "slug",
                slug,
                "display_name",
                "Town of " + slug,
                "jurisdiction_id",
                slug + ".example.ca",
                "time_zone",
                "America/Winnipeg",
                "locales",
                List.of("en"),
                "admin_email",
                email,
                "catalogue",
                "none"))
        .post("api/v1/provider/cities")
        .then()
        .statusCode(201);

    MimeMessage invitation = Mail.awaitTo(email, 1).get(0);
    Matcher link = LINK.matcher(Mail.text(invitation));
    assertThat(link.find()).as(Mail.text(invitation)).isTrue();

    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      page.get(link.group(1).replace("&amp;", "&"));
      // Keycloak may first say what is asked of the user, with a link to go on
      throughRedirects(browser)
          .until(
              d ->
                  !d.findElements(By.name("password-new")).isEmpty()
                      || !d.findElements(By.partialLinkText("proceed")).isEmpty());
      if (page.findElements(By.name("password-new")).isEmpty()) {
        page.findElement(By.partialLinkText("proceed")).click();
      }
      throughRedirects(browser)
          .until(ExpectedConditions.visibilityOfElementLocated(By.name("password-new")));
      browser.screenshot("invitation-set-password-phone", Browser.PHONE);
      page.findElement(By.name("password-new")).sendKeys(password);
      page.findElement(By.name("password-confirm")).sendKeys(password);
      page.findElement(By.id("kc-submit")).click();
      throughRedirects(browser)
          .until(ExpectedConditions.invisibilityOfElementLocated(By.name("password-new")));
      assertThat(page.getPageSource()).doesNotContain("Invalid password");

      // then Keycloak asks for the name the invitation did not know, and leads back to the city
      String admin = base().resolve("c/" + slug + "/admin/").toString();
      java.util.function.Function<WebDriver, Boolean> backHome =
          d ->
              d.getCurrentUrl().startsWith(admin)
                  || !d.findElements(By.cssSelector("a[href^='" + admin + "']")).isEmpty();
      throughRedirects(browser)
          .until(d -> !d.findElements(By.name("firstName")).isEmpty() || backHome.apply(d));
      if (!page.findElements(By.name("firstName")).isEmpty()) {
        browser.screenshot("invitation-your-name-phone", Browser.PHONE);
        page.findElement(By.name("firstName")).sendKeys("Jordan");
        page.findElement(By.name("lastName")).sendKeys("Lee");
        page.findElement(
                By.cssSelector("#kc-update-profile-form [type=submit]:not([name='cancel-aia'])"))
            .click();
      }
      try {
        throughRedirects(browser).until(backHome::apply);
      } catch (org.openqa.selenium.TimeoutException e) {
        throw new AssertionError(
            "No way back to "
                + admin
                + " from "
                + page.getCurrentUrl()
                + ":\n"
                + page.getPageSource(),
            e);
      }
      browser.screenshot("invitation-password-set-phone", Browser.PHONE);
      if (!page.getCurrentUrl().startsWith(admin)) {
        page.findElement(By.cssSelector("a[href^='" + admin + "']")).click();
      }
      // the new password signs them in there
      throughRedirects(browser)
          .until(ExpectedConditions.elementToBeClickable(By.id("sign-in")))
          .click();
      throughRedirects(browser)
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
      page.findElement(By.id("username")).sendKeys(email);
      page.findElement(By.id("kc-login")).click();
      throughRedirects(browser)
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
      page.findElement(By.id("password")).sendKeys(password);
      page.findElement(By.id("kc-login")).click();
      // at the first sign-in, Keycloak asks for the name the invitation did not know
      throughRedirects(browser)
          .until(d -> !d.findElements(By.name("firstName")).isEmpty() || signedIn(d, email));
      if (!signedIn(page, email)) {
        browser.screenshot("invitation-your-name-phone", Browser.PHONE);
        page.findElement(By.name("firstName")).sendKeys("Jordan");
        page.findElement(By.name("lastName")).sendKeys("Lee");
        page.findElement(
                By.cssSelector("#kc-update-profile-form [type=submit]:not([name='cancel-aia'])"))
            .click();
      }
      throughRedirects(browser)
          .until(ExpectedConditions.textToBe(By.id("who"), "Signed in as " + email));
      throughRedirects(browser)
          .until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("#catalogue[data-ready='true']")));
      assertThat(page.findElement(By.id("city-name")).getText()).contains("Town of " + slug);
      assertThat(page.findElement(By.id("admin")).isDisplayed()).isTrue();
      assertThat(page.findElement(By.id("refusal")).isDisplayed()).isFalse();
      assertThat(page.findElements(By.cssSelector("#category-list tbody tr"))).isEmpty();
      browser.screenshot("invitation-city-admin-desktop", Browser.DESKTOP);
    }
  }

  private static boolean signedIn(WebDriver page, String email) {
    return page.findElements(By.id("who")).stream()
        .anyMatch(e -> e.getText().equals("Signed in as " + email));
  }

  private static WebDriverWait throughRedirects(Browser browser) {
    WebDriverWait wait = browser.waiting();
    wait.ignoring(WebDriverException.class);
    return wait;
  }
}
