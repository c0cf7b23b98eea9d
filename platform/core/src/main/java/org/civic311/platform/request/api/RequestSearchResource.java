package org.civic311.platform.request.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civic311.platform.request.application.FindRequests;
import org.civic311.platform.request.application.RequestWorkService;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;

/**
 * Finding any request of the city, for its staff: by number (whole, or its first 8 characters or
 * more), words of the description or address, status or stage, category, department, day received
 * and assignee; newest first, a page at a time.
 */
@RequestScoped
@Path("api/v1/cities/{city}/service-requests/search")
@Produces(MediaType.APPLICATION_JSON)
public class RequestSearchResource {
  @Inject RequestWorkService work;
  @Context SecurityContext security;

  /** One page of results. */
  @JsonbPropertyOrder({"page", "pageSize", "more", "requests"})
  public record SearchPage(
      int page,
      @JsonbProperty("page_size") int pageSize,
      boolean more,
      List<StaffRequestView> requests) {}

  @GET
  @RolesAllowed({Roles.AGENT, Roles.DEPARTMENT_STAFF, Roles.CITY_ADMIN})
  public SearchPage search(
      @QueryParam("number") String number,
      @QueryParam("q") String text,
      @QueryParam("status") List<String> statuses,
      @QueryParam("stage") List<String> stages,
      @QueryParam("category") String category,
      @QueryParam("department") String department,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("assigned") String assigned,
      @QueryParam("open") String open,
      @QueryParam("page") String page,
      @QueryParam("page_size") String pageSize) {
    FindRequests query =
        new FindRequests(
            number,
            text,
            words(statuses),
            words(stages),
            category,
            department,
            day("from", from),
            day("to", to),
            assigned,
            flag("open", open),
            whole("page", page),
            whole("page_size", pageSize));
    RequestWorkService.Page found =
        Workers.change("", () -> work.search(query, Workers.of(security)));
    return new SearchPage(
        found.page(),
        found.pageSize(),
        found.more(),
        found.items().stream().map(StaffRequestView::of).toList());
  }

  /** Repeated or comma-separated values, blanks left out. */
  private static Set<String> words(List<String> values) {
    Set<String> out = new HashSet<>();
    if (values != null) {
      for (String v : values) {
        for (String w : v.split(",")) {
          if (!w.isBlank()) {
            out.add(w.strip());
          }
        }
      }
    }
    return out;
  }

  private static LocalDate day(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(field, "'" + value + "' is not a day (YYYY-MM-DD)");
    }
  }

  private static boolean flag(String field, String value) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw ProblemException.invalid(field, "must be true or false");
  }

  private static int whole(String field, String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n < 1) {
        throw ProblemException.invalid(field, "must be at least 1");
      }
      return n;
    } catch (NumberFormatException e) {
      throw ProblemException.invalid(field, "'" + value + "' is not a whole number");
    }
  }
}
