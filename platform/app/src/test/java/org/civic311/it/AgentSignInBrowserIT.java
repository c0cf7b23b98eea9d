package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.civic311.it.support.Browser;
import org.civic311.it.support.Identity;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An agent signs in to the agent console through Keycloak's real login pages (identity-first:
 * username, then password; authorization code with PKCE), the console calls the API with the
 * agent's token, and signing out signs out.
 */
class AgentSignInBrowserIT extends PlatformIT {

  @Test
  void anAgentSignsInThroughKeycloakWorksTheirCityAndSignsOut() throws Exception {
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, "lethbridge", "lethbridge-agent");

      // back in the console, with the API answering the agent's token
      browser
          .waiting()
          .until(ExpectedConditions.textToBe(By.id("who"), "Signed in as lethbridge-agent"));
      // the console is ready once the API answered the agent's token (the staff catalogue)
      browser
          .waiting()
          .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#work[data-ready]")));
      assertThat(page.findElements(By.cssSelector("#nr-category option")).size()).isGreaterThan(1);
      assertThat(page.findElement(By.id("city-name")).getText()).contains("Lethbridge");
      browser.screenshot("agent-console-desktop", Browser.DESKTOP);
      browser.screenshot("agent-console-phone", Browser.PHONE);
      page.manage().window().setSize(Browser.DESKTOP);

      page.findElement(By.id("sign-out")).click();
      // Signing out goes to Keycloak and back: a lookup can catch the page while it is replaced,
      // which Chromium reports as an inspector error rather than a stale element; look again.
      browser
          .waiting()
          .ignoring(org.openqa.selenium.WebDriverException.class)
          .until(ExpectedConditions.elementToBeClickable(By.id("sign-in")));
      assertThat(page.findElement(By.id("status")).getText()).contains("signed out");
      assertThat(page.findElement(By.id("who")).getText()).isEmpty();
      browser.screenshot("agent-console-signed-out", Browser.PHONE);
    }
  }

  @Test
  void anAgentOfASharedCentreSwitchesBetweenTheirCities() throws Exception {
    try (Browser browser = Browser.start()) {
      WebDriver page = browser.driver();
      signIn(browser, "lethbridge", "shared-agent");

      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("city-select")));
      new org.openqa.selenium.support.ui.Select(page.findElement(By.id("city-select")))
          .selectByValue("calgary");
      browser.waiting().until(ExpectedConditions.urlContains("/c/calgary/agent/"));
      browser
          .waiting()
          .until(ExpectedConditions.textToBe(By.id("who"), "Signed in as shared-agent"));
      browser
          .waiting()
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("city-name"), "Calgary"));
      browser
          .waiting()
          .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#work[data-ready]")));
    }
  }

  /**
   * Opens {@code city}'s console and signs in as {@code username} through Keycloak's own pages,
   * which are identity-first: the username, then the password on a second page.
   */
  private static void signIn(Browser browser, String city, String username) {
    WebDriver page = browser.driver();
    page.get(base().resolve("c/" + city + "/agent/").toString());
    browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    assertThat(page.getCurrentUrl())
        .startsWith(Identity.issuer())
        .contains("code_challenge_method=S256");
    page.findElement(By.id("username")).sendKeys(username);
    page.findElement(By.id("kc-login")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
    page.findElement(By.id("password")).sendKeys(Identity.DEMO_PASSWORD);
    page.findElement(By.id("kc-login")).click();
  }
}
