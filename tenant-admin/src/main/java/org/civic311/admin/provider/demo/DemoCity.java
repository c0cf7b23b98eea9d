package org.civic311.admin.provider.demo;

import jakarta.json.bind.annotation.JsonbProperty;
import java.math.BigDecimal;
import java.util.List;
import org.civic311.platform.routing.application.HoursDocument;
import org.civic311.platform.routing.application.PhoneRoutingDocument;

/**
 * One demo city as described in {@code demo/cities.json}; its catalogue is beside it as CSV. The
 * Open311 key is printed in the README (demo only).
 */
public record DemoCity(
    String slug,
    @JsonbProperty("jurisdiction_id") String jurisdictionId,
    String name,
    @JsonbProperty("time_zone") String timeZone,
    List<String> locales,
    Centre centre,
    @JsonbProperty("sample_requests") int sampleRequests,
    @JsonbProperty("open311_demo_key") String open311DemoKey,
    HoursDocument hours,
    List<DemoDepartment> departments,
    PhoneRoutingDocument phone,
    List<DemoArticle> knowledge,
    @JsonbProperty("category_texts") java.util.Map<String, CategoryTexts> categoryTexts) {

  /**
   * What a demo category has beyond its CSV row: names and descriptions in other languages, more
   * groups (the CSV's first), a service area (GeoJSON).
   */
  public record CategoryTexts(
      java.util.Map<String, String> names,
      java.util.Map<String, String> descriptions,
      List<String> groups,
      jakarta.json.JsonObject area) {}

  /** A knowledge-base article of the demo city. */
  public record DemoArticle(
      String slug, String topic, String title, String body, List<String> keywords, String locale) {}

  /**
   * A department, its members (user names of the demo realm), the category groups routed to it, and
   * their service level.
   */
  public record DemoDepartment(
      String code,
      String name,
      String email,
      List<String> members,
      List<String> groups,
      @JsonbProperty("sla_hours") int slaHours,
      String basis) {}

  /** The point sample requests are scattered around. */
  public record Centre(BigDecimal lat, @JsonbProperty("long") BigDecimal lon) {}
}
