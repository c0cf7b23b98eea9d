package org.civic311.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.civic311.it.support.CityEraser;
import org.civic311.it.support.Db;
import org.civic311.it.support.Identity;
import org.civic311.it.support.LiveHeap;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.Test;

/**
 * The provider console's onboarding benchmark (issue 9; not a test: run with {@code ./mvnw -B
 * verify -Pbenchmark -Dit.test=OnboardingBenchmark}; results in {@code docs/performance.md}).
 *
 * <p>Onboards {@code benchmark.cities} (1,000) cities one after the other through {@code POST
 * /api/v1/provider/cities} with the standard template (80 categories, hours, the Keycloak
 * organization, the first administrator and the invitation e-mail), as an operator does from the
 * console, printing progress every 100. The baseline, in the same run and on the same deployment,
 * is {@code benchmark.baseline-cities} (100) onboardings with {@code catalogue: none}: the same
 * operation (the city row, the hours, the audit, and the same three Keycloak calls) without the
 * catalogue, so the ratio is what the standard template costs.
 *
 * <p>The heap is the running instance's live heap ({@code jcmd GC.class_histogram}: a full
 * collection, then reachable objects counted) before the first and after every hundredth city. The
 * cities' rows are erased at the end (their Keycloak organizations stay in the run's Keycloak).
 */
class OnboardingBenchmark extends PlatformIT {
  private static final int CITIES = Integer.getInteger("benchmark.cities", 1000);
  private static final int BASELINE = Integer.getInteger("benchmark.baseline-cities", 100);
  private static final int WARM_UP = Integer.getInteger("benchmark.warmup-cities", 10);
  private static final int EVERY = Math.max(1, Math.min(100, CITIES / 10));

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<UUID> made = new ArrayList<>();
  private String token;
  private long tokenAt;

  @Test
  void onboardsAThousandCitiesAgainstItsBaseline() throws Exception {
    long main = LiveHeap.mainPayara();
    List<String> lines = new ArrayList<>();
    try {
      for (int i = 0; i < WARM_UP; i++) {
        onboard("warm", "template");
        onboard("warm", "none");
      }
      LiveHeap.Reading start = LiveHeap.of(main);
      lines.add(String.format(Locale.ROOT, "| 0 | | | | %.1f | |", start.megabytes()));
      List<Long> template = new ArrayList<>();
      List<Long> window = new ArrayList<>();
      long began = System.nanoTime();
      LiveHeap.Reading previous = start;
      for (int i = 1; i <= CITIES; i++) {
        long t = onboard("bench", "template");
        template.add(t);
        window.add(t);
        if (i % EVERY == 0) {
          LiveHeap.Reading now = LiveHeap.of(main);
          String line =
              String.format(
                  Locale.ROOT,
                  "| %d | %.0f | %.0f | %.0f | %.1f | %.1f |",
                  i,
                  (System.nanoTime() - began) / 1e9,
                  percentile(window, 0.50) / 1e6,
                  percentile(window, 0.99) / 1e6,
                  now.megabytes(),
                  (now.bytes() - previous.bytes()) / 1024.0 / EVERY);
          lines.add(line);
          System.out.println("Onboarded " + i + " of " + CITIES + ": " + line);
          previous = now;
          window.clear();
        }
      }
      LiveHeap.Reading end = previous;

      List<Long> none = new ArrayList<>();
      for (int i = 0; i < BASELINE; i++) {
        none.add(onboard("none", "none"));
      }
      // the template again after the baseline, so that drift hits both (the measured run above is
      // one long stretch; this is as long as the baseline)
      List<Long> templateAgain = new ArrayList<>();
      for (int i = 0; i < BASELINE; i++) {
        templateAgain.add(onboard("again", "template"));
      }

      String report =
          String.join(
              "\n",
              "Onboarding benchmark, "
                  + Instant.now()
                  + ", "
                  + CITIES
                  + " cities from the standard template after "
                  + WARM_UP
                  + " warm-up onboardings of each kind, one at a time, "
                  + Runtime.getRuntime().availableProcessors()
                  + " processors",
              "",
              "| Onboarding | Cities | p50 ms | p99 ms | max ms | Total s |",
              "|---|---|---|---|---|---|",
              row("standard template (measured run)", template, sum(template)),
              row("catalogue: none (baseline)", none, sum(none)),
              row("standard template, right after the baseline", templateAgain, sum(templateAgain)),
              "",
              String.format(
                  Locale.ROOT,
                  "Template / none (p50, the two runs of %d side by side): %.0f%%;"
                      + " the template costs %.0f ms per city.",
                  BASELINE,
                  100.0 * percentile(templateAgain, 0.5) / percentile(none, 0.5),
                  (percentile(templateAgain, 0.5) - percentile(none, 0.5)) / 1e6),
              String.format(
                  Locale.ROOT,
                  "Live heap: %.1f MB before, %.1f MB after %d cities: %.1f KB per city.",
                  start.megabytes(),
                  end.megabytes(),
                  CITIES,
                  (end.bytes() - start.bytes()) / 1024.0 / CITIES),
              "",
              "| Cities onboarded | Elapsed s (with the heap readings) | p50 ms (last "
                  + EVERY
                  + ") | p99 ms (last "
                  + EVERY
                  + ") | Live heap MB | KB per city (last "
                  + EVERY
                  + ") |",
              "|---|---|---|---|---|---|",
              String.join("\n", lines),
              "");
      System.out.println(report);
      Path out = Path.of("target/benchmark/onboarding.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
    } finally {
      long start = System.nanoTime();
      CityEraser.erase(made);
      System.out.printf(
          Locale.ROOT,
          "Erased the benchmark's %d cities in %.0f s%n",
          made.size(),
          (System.nanoTime() - start) / 1e9);
    }
  }

  /** Onboards one city; returns the nanoseconds the call took. */
  private long onboard(String prefix, String catalogue) throws Exception {
    if (token == null || System.nanoTime() - tokenAt > 60_000_000_000L) {
      token = Identity.token("operator");
      tokenAt = System.nanoTime();
    }
    String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    String body =
        "{\"slug\":\""
            + slug
            + "\",\"display_name\":\"City of "
            + slug
            + "\",\"jurisdiction_id\":\""
            + slug
            + ".example.ca\",\"time_zone\":\"America/Regina\",\"locales\":[\"en\",\"fr\"],"
            + "\"population\":48000,\"contact_email\":\"clerk@"
            + slug
            + ".example.ca\",\"admin_email\":\"admin@"
            + slug
            + ".example.ca\",\"catalogue\":\""
            + catalogue
            + "\",\"hours\":[{\"day\":\"MONDAY\",\"opens\":\"08:30\",\"closes\":\"16:30\"},"
            + "{\"day\":\"TUESDAY\",\"opens\":\"08:30\",\"closes\":\"16:30\"}],"
            + "\"demo_data\":false}";
    URI uri = base().resolve("api/v1/provider/cities");
    long start = System.nanoTime();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long took = System.nanoTime() - start;
    if (r.statusCode() != 201) {
      throw new IllegalStateException(
          "onboarding " + slug + " answered " + r.statusCode() + ": " + r.body());
    }
    made.add(Db.city(slug).id());
    return took;
  }

  private static long sum(List<Long> nanos) {
    return nanos.stream().mapToLong(Long::longValue).sum();
  }

  private static String row(String name, List<Long> nanos, long totalNanos) {
    double totalSeconds = totalNanos / 1e9;
    return String.format(
        Locale.ROOT,
        "| %s | %d | %.0f | %.0f | %.0f | %.0f |",
        name,
        nanos.size(),
        percentile(nanos, 0.50) / 1e6,
        percentile(nanos, 0.99) / 1e6,
        percentile(nanos, 1.0) / 1e6,
        totalSeconds);
  }

  private static double percentile(List<Long> nanos, double p) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p)));
  }
}
