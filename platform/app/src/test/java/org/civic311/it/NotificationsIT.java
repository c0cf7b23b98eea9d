package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.Mail;
import org.civic311.it.support.PlatformIT;
import org.civic311.it.support.RefusingSmtp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Residents' and staff's mail, read from a real SMTP server (GreenMail): the three stages in the
 * resident's language, the unsubscribe and confirmation flows, staff mail and digests, an SMTP
 * outage that loses and repeats nothing, and each city's mail kept to itself.
 */
class NotificationsIT extends PlatformIT {
  private static final Pattern LINK = Pattern.compile("(http://\\S+)");
  private TestCity north;
  private TestCity south;

  @BeforeEach
  void twoCitiesThatWriteInEnglishAndFrench() throws Exception {
    north = Db.createCity("north");
    south = Db.createCity("south");
    for (TestCity city : List.of(north, south)) {
      Db.addCategory(city, UUID.randomUUID(), "pothole", "Pothole");
      mailSettings(city, List.of("en", "fr"), 1000);
    }
  }

  private static void mailSettings(TestCity city, List<String> locales, int hourlyLimit) {
    as(city, "city-admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "sender_address",
                "311@" + city.slug() + ".example.org",
                "sender_name",
                "311 of " + city.slug(),
                "locales",
                locales,
                "hourly_limit",
                hourlyLimit))
        .put("api/v1/cities/{city}/admin/notifications/settings", city.slug())
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
  }

  private static String address(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@residents.example.org";
  }

  private static String submit(TestCity city, String email, String locale) {
    return api()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "service_code",
                "pothole",
                "description",
                "Deep one",
                "address_string",
                "100 Main Street",
                "acknowledge_duplicate",
                true,
                "email",
                email,
                "subscribe",
                true,
                "locale",
                locale))
        .post("api/v1/cities/{city}/service-requests", city.slug())
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201)
        .extract()
        .path("service_request_id");
  }

  private static void move(TestCity city, String id, String status, String note) {
    as(city, "agent")
        .contentType(ContentType.JSON)
        .body(
            note == null ? Map.of("status", status) : Map.of("status", status, "public_note", note))
        .post("api/v1/cities/{city}/service-requests/{id}/status", city.slug(), id)
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
  }

  /** Waits until every outbox event of the city was handed over: what was to be sent, was. */
  private static void drained(TestCity city) {
    Mail.await(
        () -> {
          try {
            return Db.pendingDeliveries(city) == 0;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        "the outbox of " + city.slug() + " to drain");
  }

  private static String link(String text, String contains) {
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      if (m.group(1).contains(contains)) {
        return m.group(1);
      }
    }
    throw new AssertionError("no link with " + contains + " in:\n" + text);
  }

  /** The token parameter of a link in a message. */
  private static String token(String link) {
    Matcher m = Pattern.compile("[?&]token=([^&]+)").matcher(link);
    assertThat(m.find()).as("a token in " + link).isTrue();
    return java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aSubscriberHearsEachStageInTheirLanguage() throws Exception {
    String email = address("marie");
    String id = submit(north, email, "fr");
    move(north, id, "in_progress", null);
    move(north, id, "investigating", null); // same stage: no message
    move(north, id, "resolved", "Réparé <le 3 mai> & nettoyé.");
    List<MimeMessage> mail = Mail.awaitTo(email, 3);
    drained(north);
    mail = Mail.to(email);
    assertThat(mail)
        .extracting(Mail::subject)
        .containsExactly(
            "[Test city " + north.slug() + "] Demande reçue : Pothole",
            "[Test city " + north.slug() + "] Travaux commencés : Pothole",
            "[Test city " + north.slug() + "] Demande résolue : Pothole");
    MimeMessage resolved = mail.get(2);
    assertThat(Mail.header(resolved, "From"))
        .contains("311@" + north.slug() + ".example.org")
        .contains("311 of " + north.slug());
    String text = Mail.text(resolved);
    assertThat(text)
        .contains("Numéro de demande: " + id)
        .contains("Réparé <le 3 mai> & nettoyé.")
        .contains("Résolue")
        .contains("/c/" + north.slug() + "/requests/" + id);
    assertThat(Mail.html(resolved))
        .contains("lang=\"fr\"")
        .contains("Réparé &lt;le 3 mai&gt; &amp; nettoyé.")
        .doesNotContain("<le 3 mai>");
    assertThat(Mail.header(resolved, "List-Unsubscribe"))
        .startsWith("<http://")
        .contains("/api/v1/cities/" + north.slug() + "/subscriptions/unsubscribe?token=");
    assertThat(Mail.header(resolved, "List-Unsubscribe-Post"))
        .isEqualTo("List-Unsubscribe=One-Click");
    assertThat(mail)
        .extracting(m -> Mail.header(m, "Message-ID"))
        .doesNotHaveDuplicates()
        .allMatch(messageId -> messageId.endsWith("@" + north.slug() + ".example.org>"));
  }

  @Test
  void oneClickUnsubscribeStopsTheMailOfThatRequest() throws Exception {
    String email = address("omar");
    String id = submit(north, email, "en");
    MimeMessage received = Mail.awaitTo(email, 1).get(0);
    assertThat(Mail.subject(received)).contains("Request received");
    String oneClick = Mail.header(received, "List-Unsubscribe");
    String url = oneClick.substring(1, oneClick.length() - 1);
    api()
        .contentType(ContentType.URLENC)
        .formParam("List-Unsubscribe", "One-Click")
        .post(url)
        .then()
        .statusCode(200)
        .body("status", equalTo("unsubscribed"));
    move(north, id, "in_progress", null);
    move(north, id, "resolved", "Done");
    drained(north);
    assertThat(Mail.to(email)).hasSize(1);
  }

  @Test
  void unsubscribingFromEverythingSilencesTheAddressInThatCityOnly() throws Exception {
    String email = address("li");
    String first = submit(north, email, "en");
    String second = submit(north, email, "en");
    String elsewhere = submit(south, email, "en");
    Mail.awaitTo(email, 3);
    String page = link(Mail.text(Mail.to(email).get(0)), "scope=all");
    String token = token(page);
    // Opening the link changes nothing; the page's button does.
    api().get(page).then().statusCode(200).body(containsString("Stop all e-mail"));
    api()
        .contentType(ContentType.URLENC)
        .formParam("token", token)
        .formParam("scope", "all")
        .post("c/{city}/subscriptions/unsubscribe", north.slug())
        .then()
        .statusCode(200)
        .body(containsString("You are unsubscribed"));
    move(north, first, "in_progress", null);
    move(north, second, "in_progress", null);
    move(south, elsewhere, "in_progress", null);
    Mail.awaitTo(email, 4);
    drained(north);
    drained(south);
    assertThat(Mail.to(email))
        .extracting(Mail::subject)
        .filteredOn(s -> s.contains("started"))
        .singleElement()
        .asString()
        .contains(south.slug());
    as(north, "city-admin")
        .get("api/v1/cities/{city}/admin/notifications/suppressions", north.slug())
        .then()
        .statusCode(200)
        .body("find { it.email == '" + email + "' }.reason", equalTo("unsubscribed"));
    as(south, "city-admin")
        .get("api/v1/cities/{city}/admin/notifications/suppressions", south.slug())
        .then()
        .statusCode(200)
        .body("findAll { it.email == '" + email + "' }.size()", equalTo(0));
  }

  @Test
  void followingFromTheStatusPageNeedsAConfirmationThatWorksOnce() throws Exception {
    String id = submit(north, address("reporter"), "en");
    String email = address("neighbour");
    api()
        .contentType(ContentType.JSON)
        .body(Map.of("service_request_id", id, "email", email, "locale", "fr"))
        .post("api/v1/cities/{city}/subscriptions", north.slug())
        .then()
        .statusCode(202)
        .body("status", equalTo("confirmation_sent"));
    MimeMessage confirm = Mail.awaitTo(email, 1).get(0);
    assertThat(Mail.subject(confirm)).contains("confirmer");
    move(north, id, "in_progress", null);
    drained(north);
    assertThat(Mail.to(email)).as("nothing before confirming").hasSize(1);

    String page = link(Mail.text(confirm), "/subscriptions/confirm");
    assertThat(page).as("the page speaks the mail's language").endsWith("&lang=fr");
    String token = token(page);
    api()
        .get(page)
        .then()
        .statusCode(200)
        .body(containsString("<html lang=\"fr\">"))
        .body(containsString("Confirmer les avis par courriel"))
        .body(containsString("name=\"lang\" value=\"fr\""));
    api()
        .contentType(ContentType.URLENC)
        .formParam("token", token)
        .formParam("lang", "fr")
        .post("c/{city}/subscriptions/confirm", north.slug())
        .then()
        .statusCode(200)
        .body(containsString("Les avis par courriel sont activés"));
    api()
        .contentType(ContentType.URLENC)
        .formParam("token", token)
        .formParam("lang", "es")
        .post("c/{city}/subscriptions/confirm", north.slug())
        .then()
        .statusCode(409)
        .body(containsString("Este enlace ya se usó"));
    api()
        .queryParam("token", token)
        .post("api/v1/cities/{city}/subscriptions/confirm", north.slug())
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    // Another city does not know the link at all.
    api()
        .queryParam("token", token)
        .post("api/v1/cities/{city}/subscriptions/confirm", south.slug())
        .then()
        .statusCode(404);

    move(north, id, "resolved", "Filled");
    List<MimeMessage> mail = Mail.awaitTo(email, 2);
    assertThat(Mail.subject(mail.get(1))).contains("Demande résolue");
  }

  private static io.restassured.response.ValidatableResponse follow(
      TestCity city, String id, String email) {
    return api()
        .contentType(ContentType.JSON)
        .body(Map.of("service_request_id", id, "email", email, "locale", "en"))
        .post("api/v1/cities/{city}/subscriptions", city.slug())
        .then()
        .log()
        .ifValidationFails();
  }

  @Test
  void anAddressIsSentAtMostThreeConfirmationsAnHourPerCity() throws Exception {
    String email = address("target");
    for (int i = 0; i < 3; i++) {
      follow(north, submit(north, address("reporter"), "en"), email).statusCode(202);
    }
    String fourth = submit(north, address("reporter"), "en");
    follow(north, fourth, email)
        .statusCode(429)
        .contentType("application/problem+json")
        .body("detail", containsString("3 confirmation messages in the last hour"));
    assertThat(
            Db.sql(
                north,
                "select count(*) from notification_subscription where email = ? and request_id = ?::uuid",
                email,
                fourth))
        .as("nothing stored for the refused one")
        .isEqualTo("0");
    // me too on the same address is held back as well: no fourth confirmation goes out
    api()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email))
        .post("api/v1/cities/{city}/service-requests/{id}/supporters", north.slug(), fourth)
        .then()
        .statusCode(200);
    drained(north);
    assertThat(Mail.awaitTo(email, 3)).hasSize(3);
    // the allowance is per city
    follow(south, submit(south, address("reporter"), "en"), email).statusCode(202);
    assertThat(Mail.awaitTo(email, 4).get(3).getSubject()).contains(south.slug());
    drained(north);
    assertThat(Mail.to(email)).hasSize(4);
  }

  @Test
  void aBouncingAddressIsSuppressedInItsCityOnly() throws Exception {
    String gone = address("gone");
    String id;
    try (RefusingSmtp smtp = RefusingSmtp.replacingGreenMail(gone)) {
      id = submit(north, gone, "en");
      drained(north);
      assertThat(smtp.refusedRecipients()).containsExactly(gone);
    }
    as(north, "city-admin")
        .get("api/v1/cities/{city}/admin/notifications/suppressions", north.slug())
        .then()
        .statusCode(200)
        .body("find { it.email == '" + gone + "' }.reason", equalTo("bounced"))
        .body("find { it.email == '" + gone + "' }.detail", containsString("550"));
    assertThat(Db.sql(north, "select count(*) from notification_sent where recipient = ?", gone))
        .as("a refused message is not logged as sent")
        .isEqualTo("0");
    move(north, id, "in_progress", null);
    drained(north);
    assertThat(Mail.to(gone)).as("nothing more to an address that bounced").isEmpty();

    // South never saw it bounce: its list is its own, and its mail goes out.
    as(south, "city-admin")
        .get("api/v1/cities/{city}/admin/notifications/suppressions", south.slug())
        .then()
        .statusCode(200)
        .body("email", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(gone)));
    submit(south, gone, "en");
    assertThat(Mail.subject(Mail.awaitTo(gone, 1).get(0))).contains(south.slug());

    // An administrator who knows the mailbox is back lifts the suppression.
    as(north, "city-admin")
        .delete("api/v1/cities/{city}/admin/notifications/suppressions/{email}", north.slug(), gone)
        .then()
        .statusCode(204);
    move(north, id, "resolved", "Filled");
    assertThat(Mail.subject(Mail.awaitTo(gone, 2).get(1))).contains("Request resolved");
  }

  @Test
  void aCitysMailSettingsAreItsOwn() {
    mailSettings(north, List.of("fr"), 7);
    as(south, "city-admin")
        .get("api/v1/cities/{city}/admin/notifications/settings", south.slug())
        .then()
        .statusCode(200)
        .body("sender_address", equalTo("311@" + south.slug() + ".example.org"))
        .body("locales", equalTo(List.of("en", "fr")))
        .body("hourly_limit", equalTo(1000));
    as(south, "city-admin")
        .get("api/v1/cities/{city}/admin/notifications/settings", north.slug())
        .then()
        .statusCode(403);
    as(south, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("sender_address", "evil@example.org", "locales", List.of("en")))
        .put("api/v1/cities/{city}/admin/notifications/settings", north.slug())
        .then()
        .statusCode(403);
    as(north, "city-admin")
        .get("api/v1/cities/{city}/admin/notifications/settings", north.slug())
        .then()
        .statusCode(200)
        .body("sender_address", equalTo("311@" + north.slug() + ".example.org"))
        .body("locales", equalTo(List.of("fr")))
        .body("hourly_limit", equalTo(7));
  }

  @Test
  void meTooAddsSupportAndFollowsOnceConfirmed() throws Exception {
    String id = submit(north, address("first"), "en");
    String email = address("second");
    api()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email))
        .post("api/v1/cities/{city}/service-requests/{id}/supporters", north.slug(), id)
        .then()
        .statusCode(200)
        .body("service_request_id", equalTo(id));
    MimeMessage confirm = Mail.awaitTo(email, 1).get(0);
    assertThat(Mail.subject(confirm)).contains("Please confirm");
    as(north, "agent")
        .get("api/v1/cities/{city}/service-requests/{id}/history", north.slug(), id)
        .then()
        .statusCode(200)
        .body("size()", equalTo(2))
        .body("[1].actor", equalTo("resident"))
        .body("[1].status", equalTo("received"));

    // The same address again (a double tap, another app): the same answer, and nothing more.
    api()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email.toUpperCase(java.util.Locale.ROOT)))
        .post("api/v1/cities/{city}/service-requests/{id}/supporters", north.slug(), id)
        .then()
        .statusCode(200)
        .body("service_request_id", equalTo(id));
    drained(north);
    assertThat(Mail.to(email)).as("one confirmation only").hasSize(1);
    assertThat(Db.countFor(north, "service_request_event", id)).isEqualTo(2);
    assertThat(Db.count(north, "request_supporter")).isEqualTo(1);
    // Another city neither sees the support nor can add to it.
    assertThat(Db.count(south, "request_supporter")).isZero();
    api()
        .contentType(ContentType.JSON)
        .body(Map.of("email", address("third")))
        .post("api/v1/cities/{city}/service-requests/{id}/supporters", south.slug(), id)
        .then()
        .statusCode(404);
    assertThat(Db.count(north, "request_supporter")).isEqualTo(1);

    move(north, id, "resolved", "Done");
    api()
        .contentType(ContentType.JSON)
        .body(Map.of("email", address("late")))
        .post("api/v1/cities/{city}/service-requests/{id}/supporters", north.slug(), id)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("service_request_id"));
  }

  @Test
  void badInputIsRefusedAndChangesNothing() throws Exception {
    String id = submit(north, address("x"), "en");
    drained(north); // the reporter's own subscription is made from the outbox
    long before = Db.count(north, "notification_subscription");
    api()
        .contentType(ContentType.JSON)
        .body(Map.of("service_request_id", id, "email", "not-an-address"))
        .post("api/v1/cities/{city}/subscriptions", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("email"));
    api()
        .contentType(ContentType.JSON)
        .body(Map.of("service_request_id", id, "email", "a@example.org\r\nBcc: victim@example.org"))
        .post("api/v1/cities/{city}/subscriptions", north.slug())
        .then()
        .statusCode(400);
    api()
        .contentType(ContentType.JSON)
        .body(Map.of("service_request_id", UUID.randomUUID().toString(), "email", "a@example.org"))
        .post("api/v1/cities/{city}/subscriptions", north.slug())
        .then()
        .statusCode(404);
    api()
        .queryParam("token", "no-such-token")
        .post("api/v1/cities/{city}/subscriptions/unsubscribe", north.slug())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    api()
        .queryParam("token", "no-such-token")
        .queryParam("scope", "everything")
        .post("api/v1/cities/{city}/subscriptions/unsubscribe", north.slug())
        .then()
        .statusCode(400);
    api()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "service_code",
                "pothole",
                "description",
                "x",
                "address_string",
                "1 Main Street",
                "acknowledge_duplicate",
                true,
                "subscribe",
                true))
        .post("api/v1/cities/{city}/service-requests", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("email"));
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "sender_address",
                "311@north.example.org",
                "sender_name",
                "City\r\nBcc: everyone@example.org",
                "locales",
                List.of("en"),
                "hourly_limit",
                10))
        .put("api/v1/cities/{city}/admin/notifications/settings", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("sender_name"));
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "sender_address",
                "311@north.example.org",
                "sender_name",
                "City",
                "locales",
                List.of("de"),
                "hourly_limit",
                10))
        .put("api/v1/cities/{city}/admin/notifications/settings", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("locales"));
    as(north, "city-admin")
        .get("api/v1/cities/{city}/admin/notifications/settings", north.slug())
        .then()
        .statusCode(200)
        .body("sender_name", equalTo("311 of " + north.slug()))
        .body("hourly_limit", equalTo(1000));
    assertThat(Db.count(north, "notification_subscription")).isEqualTo(before);
  }

  @Test
  void departmentStaffHearOfNewRequestsAtOnceOrInADigest() throws Exception {
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "Roads",
                "email",
                "roads@north.example.org",
                "categories",
                List.of("pothole")))
        .put("api/v1/cities/{city}/admin/departments/roads", north.slug())
        .then()
        .statusCode(200);
    String now = address("foreman");
    String daily = address("manager");
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("department", "roads", "email", now, "mode", "immediate"))
        .post("api/v1/cities/{city}/admin/notifications/staff", north.slug())
        .then()
        .statusCode(201)
        .body("mode", equalTo("immediate"));
    String id = submit(north, address("resident"), "en");
    MimeMessage atOnce = Mail.awaitTo(now, 1).get(0);
    assertThat(Mail.subject(atOnce)).contains("New request for Roads: Pothole");
    assertThat(Mail.text(atOnce)).contains(id).contains("Deep one");

    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("department", "roads", "email", daily, "mode", "digest", "digest_hour", 0))
        .post("api/v1/cities/{city}/admin/notifications/staff", north.slug())
        .then()
        .statusCode(201);
    MimeMessage digest = Mail.awaitTo(daily, 1).get(0);
    assertThat(Mail.subject(digest)).contains("1 new request for Roads");
    assertThat(Mail.text(digest)).contains(id);

    // Another city's administrator sees none of it and cannot remove it.
    as(south, "city-admin")
        .get("api/v1/cities/{city}/admin/notifications/staff", south.slug())
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
    String staffId =
        as(north, "city-admin")
            .get("api/v1/cities/{city}/admin/notifications/staff", north.slug())
            .then()
            .extract()
            .path("find { it.email == '" + now + "' }.id");
    as(south, "city-admin")
        .delete("api/v1/cities/{city}/admin/notifications/staff/{id}", south.slug(), staffId)
        .then()
        .statusCode(404);
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("department", "no-such", "email", address("x"), "mode", "immediate"))
        .post("api/v1/cities/{city}/admin/notifications/staff", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("department"));
  }

  @Test
  void aCityOverItsHourlyLimitWaitsInsteadOfLosingMail() throws Exception {
    mailSettings(south, List.of("en"), 1);
    String email = address("busy");
    String id = submit(south, email, "en");
    Mail.awaitTo(email, 1);
    move(south, id, "in_progress", null);
    Mail.await(
        () -> {
          try {
            return String.valueOf(
                    Db.sql(
                        south,
                        "select last_error from outbox_delivery where city_id = ?::uuid",
                        south.id().toString()))
                .contains("hourly sending limit");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        "the second message to wait for the hourly limit");
    assertThat(Mail.to(email)).hasSize(1);
    // The north city's limit is its own: it still sends.
    String other = address("free");
    submit(north, other, "en");
    Mail.awaitTo(other, 1);
  }

  @Test
  void anSmtpOutageQueuesMailAndDeliversEachMessageOnce() throws Exception {
    String email = address("patient");
    Mail.stop();
    String id;
    try {
      id = submit(north, email, "en");
      Mail.await(
          () -> {
            try {
              return Integer.parseInt(
                      Db.sql(
                          north,
                          "select coalesce(max(attempts), 0) from outbox_delivery where city_id = ?::uuid",
                          north.id().toString()))
                  >= 2;
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          },
          "failed delivery attempts while SMTP is down");
      move(north, id, "in_progress", null);
    } finally {
      Mail.restart();
    }
    List<MimeMessage> mail = Mail.awaitTo(email, 2);
    drained(north);
    mail = Mail.to(email);
    assertThat(mail)
        .extracting(Mail::subject)
        .containsExactly(
            "[Test city " + north.slug() + "] Request received: Pothole",
            "[Test city " + north.slug() + "] Work has started: Pothole");
    assertThat(Db.sql(north, "select count(*) from notification_sent where recipient = ?", email))
        .isEqualTo("2");
  }

  @Test
  void theStatusPageShowsTheProgressAndFollowsByEmail() throws Exception {
    String id = submit(north, address("walker"), "en");
    move(north, id, "in_progress", "A crew is booked for Tuesday.");
    String email = address("page");
    try (org.civic311.it.support.Browser browser = org.civic311.it.support.Browser.start()) {
      org.openqa.selenium.WebDriver page = browser.driver();
      page.manage().window().setSize(org.civic311.it.support.Browser.PHONE);
      page.get(base() + "c/" + north.slug() + "/requests/" + id);
      var wait = browser.waiting();
      wait.until(
          org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
              org.openqa.selenium.By.id("request")));
      assertThat(page.findElement(org.openqa.selenium.By.id("category")).getText())
          .isEqualTo("Pothole");
      assertThat(
              page.findElement(org.openqa.selenium.By.cssSelector("#stages [aria-current=step]"))
                  .getText())
          .isEqualTo("In progress");
      assertThat(page.findElement(org.openqa.selenium.By.id("timeline")).getText())
          .contains("A crew is booked for Tuesday.");
      page.findElement(org.openqa.selenium.By.id("email")).sendKeys("not an address");
      page.findElement(org.openqa.selenium.By.cssSelector("#follow button")).click();
      assertThat(page.findElement(org.openqa.selenium.By.id("email-error")).getText())
          .contains("Enter an e-mail address");
      var field = page.findElement(org.openqa.selenium.By.id("email"));
      field.clear();
      field.sendKeys(email);
      page.findElement(org.openqa.selenium.By.cssSelector("#follow button")).click();
      wait.until(
          org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
              org.openqa.selenium.By.id("follow-result"), "Check your e-mail"));
      browser.screenshot("request-status-phone", org.civic311.it.support.Browser.PHONE);
      browser.screenshot("request-status-desktop", org.civic311.it.support.Browser.DESKTOP);

      // The same number under another city's address shows nothing of the request.
      page.get(base() + "c/" + south.slug() + "/requests/" + id);
      wait.until(
          org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
              org.openqa.selenium.By.id("status"), "We cannot find this request"));
      assertThat(page.findElement(org.openqa.selenium.By.id("request")).isDisplayed()).isFalse();
      assertThat(page.getPageSource()).doesNotContain("A crew is booked for Tuesday.");
    }
    assertThat(Mail.subject(Mail.awaitTo(email, 1).get(0))).contains("Please confirm");
  }
}
