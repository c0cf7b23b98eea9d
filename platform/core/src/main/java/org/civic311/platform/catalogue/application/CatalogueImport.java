package org.civic311.platform.catalogue.application;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;

/** A catalogue import: its rows, and what it did. */
public final class CatalogueImport {
  private CatalogueImport() {}

  /**
   * One row of an imported file; {@code line} is its line in the file (for messages). A null field
   * is a column the file does not have: the category keeps what it has. {@code names} and {@code
   * descriptions} hold the languages the file has columns for (a blank text removes that
   * language's); the category keeps its other languages.
   */
  public record Row(
      long line,
      String code,
      String name,
      List<String> groups,
      List<String> keywords,
      String description,
      Boolean active,
      Boolean staffOnly,
      Map<String, String> names,
      Map<String, String> descriptions) {

    /** A row without texts in other languages. */
    public Row(
        long line,
        String code,
        String name,
        List<String> groups,
        List<String> keywords,
        String description,
        Boolean active,
        Boolean staffOnly) {
      this(line, code, name, groups, keywords, description, active, staffOnly, Map.of(), Map.of());
    }
  }

  /**
   * What an import did: categories created, updated, already the same, kept because they were
   * edited by hand since the last import, and how many of the city's categories the file did not
   * mention (left as they are: an import never deletes).
   */
  @JsonbPropertyOrder({"created", "updated", "unchanged", "keptLocalEdits", "notInFile"})
  public record Report(
      List<String> created,
      List<String> updated,
      List<String> unchanged,
      @JsonbProperty("kept_local_edits") List<String> keptLocalEdits,
      @JsonbProperty("not_in_file") int notInFile) {}
}
