package org.civic311.admin.provider.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.catalogue.application.CategorySummary;
import org.civic311.platform.request.application.RequestIntakeService;
import org.civic311.platform.request.application.SubmitServiceRequest;

/**
 * Sample service requests for a city that shows the product (the demo cities, or a city the
 * operator onboards with demo data for a trial): spread over the city's active categories and the
 * channels, through the same intake as real reports. Runs as the current city, inside the caller's
 * transaction.
 */
@ApplicationScoped
public class SampleRequests {
  private static final String[] SAMPLE_TEXT = {
    "Reported by a neighbour; it has been like this for a week.",
    "Near the bus stop, visible from the sidewalk.",
    "Second time this month. Please have a look.",
    "Blocking part of the lane at rush hour.",
    "Seen this morning on the way to school.",
  };

  /** Roughly Calgary's channel mix: phone first, then web and the apps. */
  private static final String[] CHANNELS = {
    "phone", "web", "phone", "mobile_app", "phone", "open311", "phone", "web", "chat", "phone"
  };

  @Inject CatalogueService catalogue;
  @Inject RequestIntakeService intake;

  /** Where the samples lie: a centre (they fall within about 4 km), or no place at all. */
  public record Around(BigDecimal latitude, BigDecimal longitude) {}

  /**
   * Files {@code count} sample requests in the current city, the same ones for the same {@code
   * seed}; every fifth is {@code residentEmail}'s when there is one.
   *
   * @return how many were filed (fewer when no category is offered where they fall)
   */
  public int file(int count, Around around, String seed, String residentEmail) {
    // a sample answers no questions, so it goes to categories that require none
    List<CategorySummary> defined =
        catalogue.activeCategories().stream()
            .filter(
                c ->
                    c.attributes() == null
                        || c.attributes().stream()
                            .noneMatch(a -> Boolean.TRUE.equals(a.required())))
            .toList();
    Random random = new Random(seed.hashCode());
    int filed = 0;
    for (int i = 0; i < count; i++) {
      BigDecimal lat = around == null ? null : jitter(around.latitude(), random);
      BigDecimal lon = around == null ? null : jitter(around.longitude(), random);
      // a category limited to an area is only reported inside it
      List<CategorySummary> here =
          lat == null
              ? defined.stream().filter(c -> c.area() == null).toList()
              : defined.stream()
                  .filter(c -> c.offeredAt(lat.doubleValue(), lon.doubleValue()))
                  .toList();
      if (here.isEmpty() && lat != null) {
        here = defined.stream().filter(c -> c.area() == null).toList();
      }
      if (here.isEmpty()) {
        break;
      }
      CategorySummary category = here.get(random.nextInt(here.size()));
      intake.submit(
          new SubmitServiceRequest(
              category.code(),
              category.name() + ". " + SAMPLE_TEXT[i % SAMPLE_TEXT.length],
              lat,
              lon,
              lat == null ? "Sample address " + (i + 1) : null,
              CHANNELS[i % CHANNELS.length],
              true, // sample data may land near each other
              null,
              i % 5 == 0 ? residentEmail : null,
              java.util.Map.of(),
              true));
      filed++;
    }
    return filed;
  }

  /** Up to about 4 km from the centre. */
  private static BigDecimal jitter(BigDecimal coordinate, Random random) {
    return coordinate
        .add(BigDecimal.valueOf((random.nextDouble() - 0.5) * 0.08))
        .setScale(6, RoundingMode.HALF_UP);
  }
}
