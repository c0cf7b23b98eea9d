package org.civic311.platform.request.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.civic311.platform.catalogue.application.DepartmentStaffService;
import org.civic311.platform.request.application.RequestWorkService;
import org.civic311.platform.shared.application.Roles;

/**
 * A department's queue: its open requests, oldest first (the first 100), with who has each; {@code
 * q} narrows it to words of the description or address. Department staff see their own departments'
 * (all of them, or one they name); agents and administrators name one.
 */
@RequestScoped
@Path("api/v1/cities/{city}/department-queue")
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentQueueResource {
  @Inject RequestWorkService work;
  @Inject DepartmentStaffService staff;
  @Context SecurityContext security;

  /** A department of the queue, with its members (whom its requests may be assigned to). */
  @JsonbPropertyOrder({"code", "name", "members"})
  public record QueueDepartment(String code, String name, List<String> members) {}

  /** The queue. */
  @JsonbPropertyOrder({"departments", "requests"})
  public record QueueView(List<QueueDepartment> departments, List<StaffRequestView> requests) {}

  @GET
  @RolesAllowed({Roles.AGENT, Roles.DEPARTMENT_STAFF, Roles.CITY_ADMIN})
  public QueueView queue(
      @QueryParam("department") String department,
      @QueryParam("assigned") String assigned,
      @QueryParam("q") String text) {
    RequestWorkService.Queue queue =
        Workers.change("", () -> work.queue(department, assigned, text, Workers.of(security)));
    return new QueueView(
        queue.departments().stream()
            .map(d -> new QueueDepartment(d.code(), d.name(), staff.members(d.code()).usernames()))
            .toList(),
        queue.items().stream().map(StaffRequestView::of).toList());
  }
}
