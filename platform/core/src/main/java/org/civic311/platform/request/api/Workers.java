package org.civic311.platform.request.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.function.Supplier;
import org.civic311.platform.request.application.NotYourDepartment;
import org.civic311.platform.request.application.RequestNotFoundException;
import org.civic311.platform.request.application.Worker;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;

/** The staff member behind a token, and the answers to the work's refusals. */
final class Workers {
  static final String NOT_FOUND = "This city has no service request '%s'.";

  private Workers() {}

  /**
   * The caller as a {@link Worker}. {@code CityAccessFilter} has already made sure their roles
   * count in the path's city; department staff without an agent or administrator role are held to
   * their departments.
   */
  static Worker of(SecurityContext security) {
    Caller caller = Caller.of(security);
    boolean departmentOnly =
        caller.hasRole(Roles.DEPARTMENT_STAFF)
            && !caller.hasRole(Roles.AGENT)
            && !caller.hasRole(Roles.CITY_ADMIN);
    return new Worker(caller.actor(), departmentOnly);
  }

  /** Runs a change of request {@code id}: 404, 403 or 400 naming the field when refused. */
  static <T> T change(String id, Supplier<T> work) {
    try {
      return work.get();
    } catch (RequestNotFoundException e) {
      throw ProblemException.notFound(String.format(NOT_FOUND, id));
    } catch (NotYourDepartment e) {
      throw new ProblemException(Response.Status.FORBIDDEN, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    }
  }
}
