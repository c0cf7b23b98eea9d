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
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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
  static final String[] COLUMNS = CatalogueCsv.COLUMNS;

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
    List<CatalogueImport.Row> rows;
    try {
      rows = CatalogueCsv.parse(file);
    } catch (CatalogueCsv.Unreadable e) {
      throw ProblemException.invalid("file", e.getMessage());
    } catch (CatalogueCsv.WrongRows e) {
      throw refused(e.problems());
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

  static String safe(String value) {
    return CatalogueCsv.safe(value);
  }
}
