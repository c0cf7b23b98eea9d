package org.civic311.it.support;

import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every end-to-end test: the real WAR, as built, deployed once on Payara Micro through
 * Arquillian (see {@link DeployOnceExtension}), and reached over HTTP and, for the walls, over
 * JDBC. Add a test class by extending this; it adds no Payara start.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class PlatformIT {

  @Deployment(testable = false)
  public static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("civic311.it.war", "target/civic311.war")));
  }

  /** Set once readiness timed out: later tests fail at once instead of waiting again. */
  private static volatile String notReady;

  @BeforeEach
  void awaitReady() {
    if (notReady != null) {
      throw new IllegalStateException(notReady);
    }
    HttpClient http = HttpClient.newHttpClient();
    try {
      awaitReady(http);
    } catch (RuntimeException e) {
      notReady = "The deployment never became ready (see Payara's log): " + e.getMessage();
      throw e;
    }
  }

  private static void awaitReady(HttpClient http) {
    await("/health/ready answers 200")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                            HttpRequest.newBuilder(base().resolve("health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);
  }

  /** The deployment's root, ending in a slash. */
  protected static URI base() {
    // Payara reports its interface address; the tests talk to loopback only.
    return URI.create("http://localhost:" + DeployOnceExtension.DeployOnce.http().getPort() + "/");
  }

  /** A request carrying {@code username}'s access token from the test run's Keycloak. */
  protected static RequestSpecification as(String username) {
    return withToken(Identity.token(username));
  }

  /**
   * A request as someone with {@code role} in {@code city} (a test-made city, whose staff are not
   * in Keycloak): the token is signed with the key the test realm publishes.
   */
  protected static RequestSpecification as(Db.TestCity city, String role) {
    return withToken(
        Identity.sign(
            Identity.claimsOf(
                    city.slug() + "-" + role,
                    java.util.List.of(role),
                    java.util.List.of(city.slug()))
                .build()));
  }

  /** A request carrying {@code token} as its bearer token. */
  protected static RequestSpecification withToken(String token) {
    return api().header("Authorization", "Bearer " + token);
  }

  /** A REST Assured request against the deployment. */
  protected static RequestSpecification api() {
    return RestAssured.given().baseUri(base().toString()).urlEncodingEnabled(true);
  }
}
