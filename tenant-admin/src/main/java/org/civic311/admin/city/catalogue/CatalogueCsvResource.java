package org.civic311.admin.city.catalogue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.civic311.platform.catalogue.application.CatalogueImport;
import org.civic311.platform.catalogue.application.CatalogueImportException;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.catalogue.application.CategorySummary;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.api.Problem;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;

/**
 * The catalogue as a CSV file ({@code code,name,group,keywords,description,active,staff_only}, then
 * {@code name_<language>} and {@code description_<language>} for the other languages, such as
 * {@code name_fr}; groups and keywords separated by semicolons, the main group first): exported
 * whole, and imported all or nothing. An import never deletes, and does not overwrite a category
 * edited by hand since the last import unless asked to ({@code ?overwrite_local_edits=true}); the
 * answer says what it did with each code. Attributes, departments and service levels are not in the
 * file and are kept.
 */
@RequestScoped
@RolesAllowed(Roles.CITY_ADMIN)
@Path("api/v1/cities/{city}/admin/catalogue")
public class CatalogueCsvResource {
  static final String[] COLUMNS = {
    "code", "name", "group", "keywords", "description", "active", "staff_only"
  };

  /** A column of texts in another language: {@code name_fr}, {@code description_es}. */
  private static final java.util.regex.Pattern LANGUAGE_COLUMN =
      java.util.regex.Pattern.compile("(name|description)_([a-z]{2,3}(?:-[A-Z]{2})?)");

  private static final int MAX_BYTES = 2_000_000;
  private static final int MAX_ROWS = 5_000;
  private static final String CSV = "text/csv";

  @Inject CatalogueService catalogue;
  @Context SecurityContext security;

  @GET
  @Path("export")
  @Produces(CSV)
  public Response export(@PathParam("city") String city) {
    List<CategorySummary> all = catalogue.allCategories();
    java.util.SortedSet<String> languages = new java.util.TreeSet<>();
    all.forEach(
        c -> {
          languages.addAll(c.names().keySet());
          languages.addAll(c.descriptions().keySet());
        });
    List<String> header = new ArrayList<>(Arrays.asList(COLUMNS));
    languages.forEach(
        language -> {
          header.add("name_" + language);
          header.add("description_" + language);
        });
    StreamingOutput body =
        out -> {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          try (CSVPrinter csv =
              CSVFormat.RFC4180
                  .builder()
                  .setHeader(header.toArray(String[]::new))
                  .get()
                  .print(writer)) {
            for (CategorySummary c : all) {
              List<Object> cells =
                  new ArrayList<>(
                      List.of(
                          safe(c.code()),
                          safe(c.name()),
                          safe(String.join(";", c.groups())),
                          safe(String.join(";", c.keywords())),
                          safe(c.description()),
                          c.active(),
                          c.staffOnly()));
              for (String language : languages) {
                cells.add(safe(c.names().get(language)));
                cells.add(safe(c.descriptions().get(language)));
              }
              csv.printRecord(cells);
            }
          }
        };
    return Response.ok(body, CSV + "; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"" + city + "-catalogue.csv\"")
        .build();
  }

  @POST
  @Path("import")
  @Consumes({CSV, MediaType.TEXT_PLAIN})
  @Produces(MediaType.APPLICATION_JSON)
  public CatalogueImport.Report importCsv(
      String file, @QueryParam("overwrite_local_edits") @DefaultValue("false") boolean overwrite) {
    if (file == null || file.isBlank()) {
      throw ProblemException.invalid("file", "a CSV body is required");
    }
    if (file.length() > MAX_BYTES) {
      throw ProblemException.invalid("file", "at most 2 MB");
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
        throw refused(problems);
      }
      for (CSVRecord record : parser) {
        long line = record.getRecordNumber() + 1;
        if (rows.size() >= MAX_ROWS) {
          throw ProblemException.invalid("file", "at most " + MAX_ROWS + " categories");
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
    } catch (IOException
        | IllegalStateException
        | IllegalArgumentException
        | java.io.UncheckedIOException e) {
      throw ProblemException.invalid("file", "is not a readable CSV file: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      // every wrong row at once: the rows that parsed are checked too
      List<String> all = new ArrayList<>(problems);
      all.addAll(
          CatalogueService.problemsOf(rows).stream()
              .filter(p -> !p.startsWith("line 2: the file has no"))
              .toList());
      all.sort(java.util.Comparator.comparingLong(CatalogueCsvResource::lineOf));
      throw refused(all);
    }
    try {
      return catalogue.importRows(rows, overwrite, Caller.of(security).actor());
    } catch (CatalogueImportException e) {
      throw refused(e.problems());
    }
  }

  private static ProblemException refused(List<String> problems) {
    List<Problem.FieldError> errors =
        problems.stream()
            .map(
                p -> {
                  int colon = p.indexOf(": ");
                  return new Problem.FieldError(p.substring(0, colon), p.substring(colon + 2));
                })
            .toList();
    return new ProblemException(
        Response.Status.BAD_REQUEST,
        errors.size() + " rows of the file are wrong; nothing was imported.",
        errors);
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
  private static java.util.Map<String, String> texts(
      CSVRecord record, List<String> header, String kind) {
    java.util.Map<String, String> texts = new java.util.TreeMap<>();
    for (String column : header) {
      java.util.regex.Matcher m = LANGUAGE_COLUMN.matcher(column);
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
