package org.civic311.admin.provider.export;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.CityTables;

/**
 * Writes one city's export as a ZIP archive, streamed as it is read:
 *
 * <ul>
 *   <li>{@code tables/<table>.csv}: every row of each city table (RFC 4180, a header row, values as
 *       PostgreSQL writes them; an empty unquoted cell is null, {@code ""} an empty text);
 *   <li>{@code files/<table>/<id>.<ext>}: the bytes of each binary value (the photos), whose CSV
 *       cell holds that path;
 *   <li>{@code city.json}: the city itself and its phone numbers;
 *   <li>{@code manifest.json}, last: what the archive holds, rows per table, and the columns left
 *       out because they hold secrets ({@code withheld_columns}).
 * </ul>
 */
final class CityArchive implements CityReader.Sink {
  private static final JsonProvider JSON = JsonProvider.provider();

  private final ZipOutputStream zip;
  private final Writer text;
  private final ExportJob job;
  private final Map<String, Long> rows = new LinkedHashMap<>();
  private final Map<String, List<String>> columnNames = new LinkedHashMap<>();
  private final Map<String, List<String>> withheld = new LinkedHashMap<>();
  private List<CityTables.Column> columns = List.of();
  private StringBuilder held;

  CityArchive(OutputStream out, ExportJob job) {
    this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    // never closed: each entry is ended by flushing this and closing the entry
    this.text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
    this.job = job;
  }

  /** {@code city.json}: the city as the operator sees it, with its phone numbers. */
  void city(CityProfile city, List<String> phoneNumbers) throws IOException {
    zip.putNextEntry(new ZipEntry("city.json"));
    JsonGenerator g = JSON.createGenerator(text);
    g.writeStartObject()
        .write("id", String.valueOf(city.id()))
        .write("slug", city.slug())
        .write("name", city.displayName())
        .write("jurisdiction_id", city.jurisdictionId())
        .write("time_zone", city.timeZone().getId())
        .write("status", city.active() ? "active" : "suspended");
    g.writeStartArray("locales");
    city.locales().forEach(g::write);
    g.writeEnd();
    city.hostName().ifPresentOrElse(h -> g.write("host_name", h), () -> g.writeNull("host_name"));
    city.offboardAt()
        .ifPresentOrElse(
            at -> g.write("offboard_at", at.toString()), () -> g.writeNull("offboard_at"));
    g.writeStartArray("phone_numbers");
    phoneNumbers.forEach(g::write);
    g.writeEnd();
    g.writeEnd();
    g.flush();
    text.flush();
    zip.closeEntry();
  }

  @Override
  public void withheld(String table, List<String> secretColumns) {
    withheld.put(table, secretColumns);
  }

  @Override
  public void table(String table, List<CityTables.Column> columns) throws IOException {
    this.columns = columns;
    rows.put(table, 0L);
    List<String> names = columns.stream().map(CityTables.Column::name).toList();
    columnNames.put(table, names);
    // A ZIP entry cannot be interrupted by another: a table with bytes (the photos) keeps its CSV
    // here (its rows are small without the bytes) while each row's files are written as entries.
    held = columns.stream().anyMatch(CityTables.Column::binary) ? new StringBuilder() : null;
    if (held == null) {
      zip.putNextEntry(new ZipEntry("tables/" + table + ".csv"));
    }
    line(new ArrayList<>(names));
  }

  @Override
  public void row(String table, List<Object> values) throws IOException {
    List<Object> cells = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (v instanceof byte[] bytes) {
        String path = "files/" + table + "/" + fileName(values, rows.get(table) + 1, i);
        zip.putNextEntry(new ZipEntry(path));
        zip.write(bytes);
        zip.closeEntry();
        job.wroteFile();
        cells.add(path);
      } else {
        cells.add(v);
      }
    }
    line(cells);
    rows.merge(table, 1L, Long::sum);
    job.wrote(table);
  }

  @Override
  public void endTable(String table) throws IOException {
    if (held != null) {
      zip.putNextEntry(new ZipEntry("tables/" + table + ".csv"));
      text.write(held.toString());
      held = null;
    }
    text.flush();
    zip.closeEntry();
  }

  /** {@code manifest.json}, and the end of the archive. */
  void finish(CityProfile city, String operator, OffsetDateTime at) throws IOException {
    zip.putNextEntry(new ZipEntry("manifest.json"));
    JsonGenerator g = JSON.createGenerator(text);
    g.writeStartObject()
        .write("format", "civic311-city-export/1")
        .write("city", city.slug())
        .write("city_id", String.valueOf(city.id()))
        .write("exported_at", at.toString())
        .write("exported_by", operator)
        .write("files", job.files());
    g.writeStartArray("tables");
    for (Map.Entry<String, Long> t : rows.entrySet()) {
      g.writeStartObject()
          .write("name", t.getKey())
          .write("file", "tables/" + t.getKey() + ".csv")
          .write("rows", t.getValue());
      g.writeStartArray("columns");
      columnNames.get(t.getKey()).forEach(g::write);
      g.writeEnd();
      if (withheld.containsKey(t.getKey())) {
        // secrets stay here; the manifest says they were left out, not that they are empty
        g.writeStartArray("withheld_columns");
        withheld.get(t.getKey()).forEach(g::write);
        g.writeEnd();
      }
      g.writeEnd();
    }
    g.writeEnd();
    g.writeEnd();
    g.flush();
    text.flush();
    zip.closeEntry();
    zip.finish();
    zip.flush();
  }

  private String fileName(List<Object> values, long rowNumber, int column) {
    String id = null;
    String type = null;
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i).name();
      if (name.equals("id") && values.get(i) instanceof String s) {
        id = s;
      } else if (name.equals("content_type") && values.get(i) instanceof String s) {
        type = s;
      }
    }
    String base = (id != null ? id : "row-" + rowNumber) + "-" + columns.get(column).name();
    return base.replaceAll("[^A-Za-z0-9._-]", "_") + extension(type);
  }

  private static String extension(String contentType) {
    if (contentType == null) {
      return ".bin";
    }
    return switch (contentType.toLowerCase(Locale.ROOT)) {
      case "image/jpeg" -> ".jpg";
      case "image/png" -> ".png";
      case "image/gif" -> ".gif";
      case "image/webp" -> ".webp";
      default -> ".bin";
    };
  }

  private void line(List<Object> cells) throws IOException {
    Appendable out = held != null ? held : text;
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Object v = cells.get(i);
      if (v != null) {
        String s = v.toString();
        out.append('"').append(s.replace("\"", "\"\"")).append('"');
      }
    }
    out.append("\r\n");
  }
}
