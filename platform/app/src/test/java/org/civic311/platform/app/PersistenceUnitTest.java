package org.civic311.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every mapped class of every module is listed in the persistence unit(s), and nothing else. */
class PersistenceUnitTest {
  @Test
  void theProductionUnitAndTheTestUnitListEveryMappedClass() throws Exception {
    Set<String> mapped = new TreeSet<>();
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.civic311")) {
      if (c.isAnnotatedWith(Entity.class)
          || c.isAnnotatedWith(MappedSuperclass.class)
          || c.isAnnotatedWith(Embeddable.class)) {
        mapped.add(c.getName());
      }
    }
    assertThat(mapped).isNotEmpty();
    assertThat(listed("src/main/resources/META-INF/civic311-persistence.xml")).isEqualTo(mapped);
    assertThat(listed("src/test/resources/META-INF/persistence.xml")).isEqualTo(mapped);
  }

  private static Set<String> listed(String descriptor) throws Exception {
    Matcher m =
        Pattern.compile("<class>([^<]+)</class>").matcher(Files.readString(Path.of(descriptor)));
    Set<String> classes = new TreeSet<>();
    while (m.find()) {
      classes.add(m.group(1).strip());
    }
    return classes;
  }
}
