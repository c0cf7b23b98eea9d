package org.civic311.admin.city.catalogue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civic311.platform.catalogue.application.CatalogueImport;
import org.civic311.platform.catalogue.application.CatalogueService;

/**
 * Reads a catalogue CSV file ({@code code,name,group,keywords,description,active,staff_only}, then
 * {@code name_<language>} and {@code description_<language>}): the one parser of the format, used
 * by the city administrator's import and by the operator's onboarding (ADR 0019).
 */
public final class CatalogueCsv {
  static final String[] COLUMNS = {
    "code", "name", "group", "keywords", "description", "active", "staff_only"
  };

  /** A column of texts in another language: {@code name_fr}, {@code description_es}. */
  private static final Pattern LANGUAGE_COLUMN =
      Pattern.compile("(name|description)_([a-z]{2,3}(?:-[A-Z]{2})?)");

  public static final int MAX_BYTES = 2_000_000;
  public static final int MAX_ROWS = 5_000;

  private CatalogueCsv() {}

  /** The file as a whole is not a catalogue file (empty, too big, unreadable). */
  public static final class Unreadable extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  /** Rows (or the header) of the file are wrong: each problem is {@code line N: message}. */
  public static final class WrongRows extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public WrongRows(List<String> problems) {
      super(problems.size() + " rows of the file are wrong");
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  /**
   * The file's rows, every one checked ({@link CatalogueService#problemsOf}).
   *
   * @throws Unreadable when the file as a whole cannot be read
   * @throws WrongRows naming every wrong row (and the header's problems as line 1)
   */
  public static List<CatalogueImport.Row> read(String file) {
    List<CatalogueImport.Row> rows = parse(file);
    List<String> problems = CatalogueService.problemsOf(rows);
    if (!problems.isEmpty()) {
      throw new WrongRows(problems);
    }
    return rows;
  }

  /**
   * The file's rows as parsed, checked for their cells but not yet against the catalogue's rules
   * (which {@code importRows} checks).
   */
  static List<CatalogueImport.Row> parse(String file) {
    if (file == null || file.isBlank()) {
      throw new Unreadable("a CSV body is required");
    }
    if (file.length() > MAX_BYTES) {
      throw new Unreadable("at most 2 MB");
    }
    List<CatalogueImport.Row> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .get()
            .parse(new StringReader(file.startsWith("\uFEFF") ? file.substring(1) : file))) {
      List<String> header = parser.getHeaderNames();
      for (String column : header) {
        if (!Arrays.asList(COLUMNS).contains(column)
            && !LANGUAGE_COLUMN.matcher(column).matches()) {
          problems.add(
              "line 1: unknown column '"
                  + column
                  + "' (columns: "
                  + String.join(",", COLUMNS)
                  + ", then name_<language> and description_<language> such as name_fr)");
        }
      }
      if (!header.contains("code") || !header.contains("name")) {
        problems.add("line 1: the columns code and name are required");
      }
      if (!problems.isEmpty()) {
        throw new WrongRows(problems);
      }
      for (CSVRecord record : parser) {
        long line = record.getRecordNumber() + 1;
        if (rows.size() >= MAX_ROWS) {
          throw new Unreadable("at most " + MAX_ROWS + " categories");
        }
        if (!record.isConsistent()) {
          problems.add(
              "line " + line + ": expected " + header.size() + " columns, found " + record.size());
          continue;
        }
        try {
          rows.add(
              new CatalogueImport.Row(
                  line,
                  unsafe(get(record, "code")),
                  unsafe(get(record, "name")),
                  record.isMapped("group") ? list(unsafe(get(record, "group"))) : null,
                  record.isMapped("keywords") ? list(unsafe(get(record, "keywords"))) : null,
                  record.isMapped("description") ? unsafe(get(record, "description")) : null,
                  record.isMapped("active") ? bool(get(record, "active"), true, "active") : null,
                  record.isMapped("staff_only")
                      ? bool(get(record, "staff_only"), false, "staff_only")
                      : null,
                  texts(record, header, "name"),
                  texts(record, header, "description")));
        } catch (IllegalArgumentException e) {
          problems.add("line " + line + ": " + e.getMessage());
        }
      }
    } catch (WrongRows | Unreadable e) {
      throw e;
    } catch (IOException
        | IllegalStateException
        | IllegalArgumentException
        | java.io.UncheckedIOException e) {
      throw new Unreadable("is not a readable CSV file: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      // every wrong row at once: the rows that parsed are checked too
      List<String> all = new ArrayList<>(problems);
      all.addAll(
          CatalogueService.problemsOf(rows).stream()
              .filter(p -> !p.startsWith("line 2: the file has no"))
              .toList());
      all.sort(Comparator.comparingLong(CatalogueCsv::lineOf));
      throw new WrongRows(all);
    }
    return rows;
  }

  private static long lineOf(String problem) {
    try {
      return Long.parseLong(problem.substring(5, problem.indexOf(':')));
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /** A cell of ';'-separated values. */
  private static List<String> list(String cell) {
    return Arrays.stream(cell.split(";")).map(String::strip).filter(k -> !k.isEmpty()).toList();
  }

  /** The row's {@code kind} texts by language, from its {@code kind_<language>} columns. */
  private static Map<String, String> texts(CSVRecord record, List<String> header, String kind) {
    Map<String, String> texts = new TreeMap<>();
    for (String column : header) {
      Matcher m = LANGUAGE_COLUMN.matcher(column);
      if (m.matches() && m.group(1).equals(kind)) {
        texts.put(m.group(2), unsafe(get(record, column)));
      }
    }
    return texts;
  }

  private static String get(CSVRecord record, String column) {
    return record.isMapped(column) ? record.get(column) : "";
  }

  private static boolean bool(String text, boolean absent, String column) {
    if (text == null || text.isBlank()) {
      return absent;
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default ->
          throw new IllegalArgumentException(column + " '" + text + "' is not true or false");
    };
  }

  private static final Set<Character> FORMULA = Set.of('=', '+', '-', '@', '\t', '\r');

  /** Spreadsheet formula injection: a cell that would start a formula is written quoted. */
  static String safe(String value) {
    if (value == null || value.isEmpty()) {
      return value == null ? "" : value;
    }
    return FORMULA.contains(value.charAt(0)) ? "'" + value : value;
  }

  /** The inverse of {@link #safe}, so an exported file imports back unchanged. */
  static String unsafe(String value) {
    if (value != null
        && value.length() > 1
        && value.charAt(0) == '\''
        && FORMULA.contains(value.charAt(1))) {
      return value.substring(1);
    }
    return value == null ? "" : value;
  }
}
