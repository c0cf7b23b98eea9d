package org.civic311.admin.provider.export;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.TenantDirectory;

/**
 * A city's whole data set for the operator (ADR 0018): make an export, watch its progress, stream
 * its archive (a ZIP of CSV and JSON, with the photos).
 */
@RequestScoped
@Path("api/v1/provider/cities/{slug}/exports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class ProviderExportsResource {
  @Inject TenantDirectory directory;
  @Inject CityExports exports;
  @Context SecurityContext security;

  /** One table's progress. */
  @JsonbPropertyOrder({"name", "total", "done"})
  public record TableView(String name, long total, long done) {}

  /** An export and how far its archive has got. */
  @JsonbPropertyOrder({
    "id",
    "city",
    "status",
    "createdAt",
    "finishedAt",
    "rowsTotal",
    "rowsDone",
    "files",
    "tables",
    "archive",
    "error"
  })
  public record ExportView(
      String id,
      String city,
      String status,
      @JsonbProperty("created_at") OffsetDateTime createdAt,
      @JsonbProperty("finished_at") OffsetDateTime finishedAt,
      @JsonbProperty("rows_total") long rowsTotal,
      @JsonbProperty("rows_done") long rowsDone,
      long files,
      List<TableView> tables,
      String archive,
      String error) {

    static ExportView of(ExportJob job) {
      List<TableView> tables =
          job.progress().stream().map(p -> new TableView(p.table(), p.total(), p.done())).toList();
      return new ExportView(
          job.id().toString(),
          job.city().slug(),
          job.state().name().toLowerCase(java.util.Locale.ROOT),
          job.createdAt(),
          job.finishedAt(),
          tables.stream().mapToLong(TableView::total).sum(),
          tables.stream().mapToLong(TableView::done).sum(),
          job.files(),
          tables,
          "api/v1/provider/cities/" + job.city().slug() + "/exports/" + job.id() + "/archive",
          job.error());
    }
  }

  /** A new export of the city (suspended or not), with the rows it will hold; audited. */
  @POST
  public Response create(@PathParam("slug") String slug) throws Exception {
    ExportJob job = exports.start(city(slug), Caller.of(security).actor());
    return Response.created(
            URI.create("api/v1/provider/cities/" + job.city().slug() + "/exports/" + job.id()))
        .entity(ExportView.of(job))
        .build();
  }

  /** The export's progress: rows written of rows to write, table by table. */
  @GET
  @Path("{id}")
  public ExportView progress(@PathParam("slug") String slug, @PathParam("id") String id) {
    return ExportView.of(job(slug, id));
  }

  /** The archive, streamed as it is read ({@code application/zip}). */
  @GET
  @Path("{id}/archive")
  @Produces({"application/zip", MediaType.APPLICATION_JSON})
  public Response archive(@PathParam("slug") String slug, @PathParam("id") String id) {
    ExportJob job = job(slug, id);
    StreamingOutput body = out -> exports.write(job, out);
    String name = job.city().slug() + "-" + job.createdAt().toLocalDate() + "-export.zip";
    return Response.ok(body, "application/zip")
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  private ExportJob job(String slug, String id) {
    CityProfile city = city(slug);
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("There is no export '" + id + "' of " + slug + ".");
    }
    return exports
        .find(city, uuid)
        .orElseThrow(
            () -> ProblemException.notFound("There is no export '" + id + "' of " + slug + "."));
  }

  private CityProfile city(String slug) {
    return directory
        .bySlug(slug)
        .orElseThrow(() -> ProblemException.notFound("There is no city '" + slug + "'."));
  }
}
