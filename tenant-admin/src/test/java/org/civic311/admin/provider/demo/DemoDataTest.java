package org.civic311.admin.provider.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.civic311.platform.catalogue.domain.ServiceArea;
import org.civic311.platform.catalogue.domain.ServiceCategory;
import org.junit.jupiter.api.Test;

/**
 * The demo seed is data, and it is valid data: every city and every category passes the domain
 * rules.
 */
class DemoDataTest {
  @Test
  void describesLethbridgeAndCalgaryAsTheContractsFixThem() {
    List<DemoCity> cities = DemoSeeder.cities();
    assertThat(cities).extracting(DemoCity::slug).containsExactly("lethbridge", "calgary");
    assertThat(cities)
        .extracting(DemoCity::jurisdictionId)
        .containsExactly("lethbridge.ca", "calgary.ca");
    assertThat(cities).extracting(DemoCity::timeZone).containsOnly("America/Edmonton");
    assertThat(cities).allSatisfy(c -> assertThat(c.sampleRequests()).isPositive());
    assertThat(cities)
        .allSatisfy(c -> assertThat(c.open311DemoKey()).hasSizeGreaterThanOrEqualTo(16));
  }

  @Test
  void everyCategoryRowPassesTheDomainRulesAndCodesAreUnique() {
    for (DemoCity city : DemoSeeder.cities()) {
      List<CategoryCsv.Row> rows = DemoSeeder.categories(city.slug());
      rows.forEach(
          r ->
              ServiceCategory.define(
                  r.code(), r.name(), r.groups(), r.keywords(), r.description()));
      Set<String> codes = rows.stream().map(CategoryCsv.Row::code).collect(Collectors.toSet());
      assertThat(codes).as(city.slug() + " codes are unique").hasSize(rows.size());
    }
  }

  @Test
  void categoryTextsNameCategoriesOfTheirCityAndPassTheDomainRules() {
    for (DemoCity city : DemoSeeder.cities()) {
      Set<String> codes =
          DemoSeeder.categories(city.slug()).stream()
              .map(CategoryCsv.Row::code)
              .collect(Collectors.toSet());
      if (city.categoryTexts() == null) {
        continue;
      }
      city.categoryTexts()
          .forEach(
              (code, t) -> {
                assertThat(codes).as(city.slug() + " has " + code).contains(code);
                ServiceCategory c = ServiceCategory.define(code, "X", t.groups(), null, null);
                c.localise(
                    t.names(),
                    t.descriptions(),
                    t.area() == null ? null : ServiceArea.of(t.area().toString()));
                if (t.names() != null) {
                  assertThat(t.names().keySet()).isSubsetOf(city.locales());
                }
              });
    }
    // Lethbridge's river valley pathways are offered in the valley, not downtown
    ServiceArea valley =
        ServiceArea.of(
            DemoSeeder.cities()
                .get(0)
                .categoryTexts()
                .get("river-valley-pathway")
                .area()
                .toString());
    assertThat(valley.covers(49.70, -112.86)).isTrue();
    assertThat(valley.covers(49.6935, -112.8418)).isFalse();
  }

  @Test
  void lethbridgeHasAboutThirtyCategoriesInItsTopGroups() {
    List<CategoryCsv.Row> rows = DemoSeeder.categories("lethbridge");
    assertThat(rows).hasSizeBetween(25, 40);
    assertThat(rows).extracting(CategoryCsv.Row::name).contains("Large Item Collection");
    assertThat(rows)
        .extracting(CategoryCsv.Row::group)
        .contains(
            "Parks & Trees", "Water & Sewer", "Waste & Recycling", "Utility Billing", "Transit");
  }

  @Test
  void calgaryHasAboutSixtyCategoriesIncludingTheNamedOnes() {
    List<CategoryCsv.Row> rows = DemoSeeder.categories("calgary");
    assertThat(rows).hasSizeBetween(50, 75);
    assertThat(rows).extracting(CategoryCsv.Row::code).contains("pothole");
    assertThat(rows)
        .extracting(CategoryCsv.Row::group)
        .contains("Property Tax", "Parks & Trees", "Waste & Recycling");
  }

  @Test
  void aRowWithTooFewColumnsIsReportedWithItsLine() {
    var broken =
        new java.io.StringReader(
            "code,name,group,keywords,description\nok,Ok,G,k,d\nbroken,Broken\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CategoryCsv.read(broken))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("line 2");
  }
}
