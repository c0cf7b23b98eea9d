package org.civic311.admin.provider.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The standard catalogue template is well-formed data: checked without a container. */
class StandardCatalogueTest {
  private final StandardCatalogue template = StandardCatalogue.load();

  @Test
  void hasAboutEightyCategoriesOverTheEightGroups() {
    assertThat(template.categories()).hasSizeBetween(75, 90);
    assertThat(template.categories().stream().map(StandardCatalogue.Category::group).distinct())
        .containsExactlyInAnyOrder(
            "Roads",
            "Waste & Recycling",
            "Water & Sewer",
            "Parks & Trees",
            "Transit",
            "Bylaw",
            "Utility Billing",
            "Property Tax");
  }

  @Test
  void everyCategoryHasAUniqueCodeKeywordsADescriptionAndATarget() {
    Set<String> codes = new HashSet<>();
    for (StandardCatalogue.Category c : template.categories()) {
      assertThat(codes.add(c.code())).as("duplicate code " + c.code()).isTrue();
      assertThat(c.code()).matches("[a-z0-9]+(?:[-_.][a-z0-9]+)*");
      assertThat(c.keywords()).as(c.code()).isNotEmpty();
      assertThat(c.description()).as(c.code()).isNotBlank();
      assertThat(c.slaHours()).as(c.code()).isPositive();
      assertThat(c.priority()).as(c.code()).isIn("low", "normal", "high", "urgent");
    }
  }

  @Test
  void theCommonCategoriesAskQuestions() {
    List<String> withQuestions =
        template.categories().stream()
            .filter(c -> c.attributes() != null && !c.attributes().isEmpty())
            .map(StandardCatalogue.Category::code)
            .collect(Collectors.toList());
    assertThat(withQuestions)
        .contains("pothole", "streetlight-out", "missed-garbage", "noise-complaint")
        .hasSizeGreaterThanOrEqualTo(10);
  }
}
