package org.civic311.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Flyway migrations are named {@code V<NNN>__<verb>_<object>.sql}, never share a version, and are
 * never edited or removed once landed: {@code landed-migrations.txt} holds the checksum of each
 * landed file. Adding a migration means adding its line (the failure message prints it).
 */
class MigrationFilesTest {
  private static final Path FOLDER = Path.of("src/main/resources/db/migration");
  private static final Path LANDED = Path.of("src/test/resources/db/landed-migrations.txt");
  private static final Pattern NAME = Pattern.compile("V(\\d{3})__[a-z]+(_[a-z0-9]+)+\\.sql");

  @Test
  void everyMigrationIsNamedVersionVerbObject() throws IOException {
    assertThat(files()).isNotEmpty().allSatisfy(name -> assertThat(name).matches(NAME));
  }

  @Test
  void noTwoMigrationsShareAVersion() throws IOException {
    Map<String, List<String>> byVersion =
        files().stream().collect(Collectors.groupingBy(MigrationFilesTest::version));
    assertThat(byVersion)
        .allSatisfy((version, names) -> assertThat(names).as("version " + version).hasSize(1));
  }

  @Test
  void landedMigrationsAreNeitherEditedNorRemoved() throws Exception {
    Map<String, String> landed = landed();
    for (Map.Entry<String, String> entry : landed.entrySet()) {
      Path file = FOLDER.resolve(entry.getKey());
      assertThat(file).as(entry.getKey() + " landed and must never be removed").exists();
      assertThat(sha256(file))
          .as(entry.getKey() + " landed and must never be edited: add a new migration instead")
          .isEqualTo(entry.getValue());
    }
  }

  @Test
  void everyMigrationIsRecordedAsLanded() throws Exception {
    Map<String, String> landed = landed();
    for (String name : files()) {
      assertThat(landed)
          .as("add this line to " + LANDED + ":\n" + name + " " + sha256(FOLDER.resolve(name)))
          .containsKey(name);
    }
  }

  private static List<String> files() throws IOException {
    try (Stream<Path> list = Files.list(FOLDER)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String version(String name) {
    Matcher m = Pattern.compile("V(\\d+)__").matcher(name);
    return m.lookingAt() ? m.group(1) : name;
  }

  private static Map<String, String> landed() throws IOException {
    Map<String, String> landed = new LinkedHashMap<>();
    for (String line : Files.readAllLines(LANDED)) {
      if (!line.isBlank()) {
        String[] parts = line.strip().split("\\s+");
        landed.put(parts[0], parts[1]);
      }
    }
    return landed;
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
