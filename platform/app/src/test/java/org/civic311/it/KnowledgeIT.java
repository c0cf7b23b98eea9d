package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The knowledge base: administrators write articles, agents find them with PostgreSQL full-text
 * search in the caller's language (stems, ranking, any punctuation), each city its own.
 */
class KnowledgeIT extends PlatformIT {
  private TestCity north;
  private TestCity south;

  @BeforeEach
  void twoCities() throws Exception {
    north = Db.createCity("north");
    south = Db.createCity("south");
  }

  private static void write(TestCity city, String slug, String title, String body, String locale) {
    as(city, "city-admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "topic",
                "Waste",
                "title",
                title,
                "body",
                body,
                "keywords",
                List.of("cart"),
                "locale",
                locale))
        .put("api/v1/cities/{city}/admin/knowledge/{slug}", city.slug(), slug)
        .then()
        .statusCode(200);
  }

  @Test
  void agentsFindArticlesByStemsAndReadThem() {
    write(
        north,
        "garbage-day",
        "When is my garbage collection day?",
        "Carts are collected weekly.",
        "en");
    write(
        north,
        "dog-licence",
        "Dog licences",
        "Every dog needs a licence; garbage is unrelated.",
        "en");
    List<String> slugs =
        as(north, "agent")
            .get("api/v1/cities/{city}/knowledge?q=collections", north.slug())
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("slug");
    assertThat(slugs).containsExactly("garbage-day");
    // the title weighs more than the body
    as(north, "agent")
        .get("api/v1/cities/{city}/knowledge?q=garbage", north.slug())
        .then()
        .body("slug", equalTo(List.of("garbage-day", "dog-licence")))
        .body("[1].snippet", containsString("«garbage»"));
    as(north, "agent")
        .get("api/v1/cities/{city}/knowledge/garbage-day", north.slug())
        .then()
        .statusCode(200)
        .body("body", equalTo("Carts are collected weekly."));
  }

  @Test
  void frenchArticlesAreSearchedInFrench() {
    write(
        north,
        "collecte",
        "Jour de collecte des déchets",
        "Les bacs sont collectés chaque semaine.",
        "fr");
    as(north, "agent")
        .get("api/v1/cities/{city}/knowledge?q=collectés&locale=fr", north.slug())
        .then()
        .statusCode(200)
        .body("slug", hasItem("collecte"));
  }

  @Test
  void oddQueriesAreSafeAndEmptyOnesRefused() {
    write(north, "garbage-day", "Garbage day", "Weekly.", "en");
    for (String q :
        List.of("'; drop table kb_article; --", "\"garbage", "garbage & | !", "-garbage")) {
      as(north, "agent")
          .queryParam("q", q)
          .get("api/v1/cities/{city}/knowledge", north.slug())
          .then()
          .statusCode(200);
    }
    as(north, "agent")
        .get("api/v1/cities/{city}/knowledge?q=", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("q"));
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("topic", "Waste", "title", "", "body", "x"))
        .put("api/v1/cities/{city}/admin/knowledge/garbage-day", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("title"));
    as(north, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("topic", "Waste", "title", "T", "body", "x"))
        .put("api/v1/cities/{city}/admin/knowledge/Not A Slug", north.slug())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("slug"));
    as(north, "agent")
        .get("api/v1/cities/{city}/knowledge/garbage-day", north.slug())
        .then()
        .body("title", equalTo("Garbage day"));
  }

  @Test
  void eachCitySearchesOnlyItsOwnArticles() {
    write(north, "garbage-day", "North garbage day", "North collects on Mondays.", "en");
    write(south, "garbage-day", "South garbage day", "South collects on Fridays.", "en");
    as(north, "agent")
        .get("api/v1/cities/{city}/knowledge?q=garbage", north.slug())
        .then()
        .body("title", hasItem("North garbage day"))
        .body("title", not(hasItem("South garbage day")));
    as(south, "agent")
        .get("api/v1/cities/{city}/knowledge/garbage-day", south.slug())
        .then()
        .body("body", equalTo("South collects on Fridays."));
    as(south, "agent")
        .get("api/v1/cities/{city}/knowledge?q=garbage", north.slug())
        .then()
        .statusCode(403);
  }

  @Test
  void theDemoCitiesHaveArticles() {
    as("lethbridge-agent")
        .get("api/v1/cities/lethbridge/knowledge?q=property tax")
        .then()
        .statusCode(200)
        .body("[0].slug", equalTo("property-tax-due-date"));
  }
}
