package org.civic311.admin.provider.demo;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a catalogue CSV: {@code code,name,group,keywords,description}, keywords separated by
 * semicolons. The catalogue import of the administration issue grows from here.
 */
public final class CategoryCsv {
  static final String[] HEADER = {"code", "name", "group", "keywords", "description"};

  /** One row of the file. */
  public record Row(
      long line,
      String code,
      String name,
      String group,
      List<String> keywords,
      String description) {

    /** Its group as a list of groups (a demo category has one). */
    public List<String> groups() {
      return group == null || group.isBlank() ? List.of() : List.of(group);
    }
  }

  private CategoryCsv() {}

  public static List<Row> read(Reader reader) throws IOException {
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader(HEADER).setSkipHeaderRecord(true).setTrim(true).get();
    List<Row> rows = new ArrayList<>();
    for (CSVRecord record : format.parse(reader)) {
      if (record.size() != HEADER.length) {
        throw new IOException(
            "line "
                + record.getRecordNumber()
                + ": expected "
                + HEADER.length
                + " columns, found "
                + record.size());
      }
      rows.add(
          new Row(
              record.getRecordNumber() + 1,
              record.get("code"),
              record.get("name"),
              record.get("group"),
              Arrays.stream(record.get("keywords").split(";"))
                  .map(String::strip)
                  .filter(k -> !k.isEmpty())
                  .toList(),
              record.get("description")));
    }
    return rows;
  }
}
