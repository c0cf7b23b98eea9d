package org.civic311.platform.request.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.catalogue.application.CategorySummary;
import org.civic311.platform.catalogue.application.DepartmentStaffService;
import org.civic311.platform.catalogue.application.DepartmentStaffService.DepartmentRef;
import org.civic311.platform.request.domain.RequestChange;
import org.civic311.platform.request.domain.RequestFilter;
import org.civic311.platform.request.domain.RequestFinder;
import org.civic311.platform.request.domain.ServiceRequest;
import org.civic311.platform.request.domain.ServiceRequestId;
import org.civic311.platform.request.domain.ServiceRequestRepository;
import org.civic311.platform.request.domain.ServiceRequestStatus;
import org.civic311.platform.routing.application.HoursService;
import org.civic311.platform.shared.application.TenantTransactional;

/**
 * The staff's work on the current city's requests (ADR 0016): finding them, a department's queue,
 * assignment, merging a duplicate into its parent, and the rule that department staff change only
 * their own departments' requests. Each change is a history entry and an outbox event in the same
 * transaction as the change.
 */
@ApplicationScoped
public class RequestWorkService {
  public static final int MAX_PAGE = 100;
  private static final Pattern NUMBER = Pattern.compile("[0-9a-f]{8,32}");
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,254}");
  private static final String ROUTED_NOWHERE = "this request's category is routed to no department";

  @Inject ServiceRequestRepository requests;
  @Inject RequestFinder finder;
  @Inject RequestLifecycleService lifecycle;
  @Inject CatalogueService catalogue;
  @Inject DepartmentStaffService staff;
  @Inject HoursService hours;
  @Inject Clock clock;

  /** One page of a search, and whether there are more. */
  public record Page(List<WorkItem> items, int page, int pageSize, boolean more) {}

  /** A queue: the departments it covers and their open requests, oldest first. */
  public record Queue(List<DepartmentRef> departments, List<WorkItem> items) {}

  /**
   * Searches the city's requests, newest first.
   *
   * @throws IllegalArgumentException naming the criterion that is wrong
   */
  @TenantTransactional
  public Page search(FindRequests q, Worker worker) {
    int page = q.page() == 0 ? 1 : q.page();
    int size = q.pageSize() == 0 ? 20 : q.pageSize();
    if (page < 1 || page > 10_000) {
      throw new IllegalArgumentException("page: must be from 1 to 10000");
    }
    if (size < 1 || size > MAX_PAGE) {
      throw new IllegalArgumentException("page_size: must be from 1 to " + MAX_PAGE);
    }
    UUID[] range = numberRange(q.number());
    String text = q.text() == null || q.text().isBlank() ? null : q.text().strip();
    if (text != null && text.length() > 200) {
      throw new IllegalArgumentException("q: at most 200 characters");
    }
    Map<String, CategorySummary> byCode = categoriesByCode();
    Set<UUID> categories = new HashSet<>();
    if (q.category() != null && !q.category().isBlank()) {
      CategorySummary c = byCode.get(q.category().strip());
      if (c == null) {
        throw new IllegalArgumentException(
            "category: this city has no category '" + q.category() + "'");
      }
      categories.add(UUID.fromString(c.id()));
    }
    if (q.department() != null && !q.department().isBlank()) {
      Set<UUID> routed = routedTo(q.department().strip(), byCode);
      categories = categories.isEmpty() ? routed : intersect(categories, routed);
      if (categories.isEmpty()) {
        return new Page(List.of(), page, size, false);
      }
    }
    Set<ServiceRequestStatus> statuses = statuses(q.statuses(), q.stages(), q.open());
    if (statuses == null) {
      return new Page(List.of(), page, size, false);
    }
    ZoneId zone = hours.zone();
    if (q.from() != null && q.to() != null && q.to().isBefore(q.from())) {
      throw new IllegalArgumentException("to: is before from");
    }
    OffsetDateTime from = q.from() == null ? null : startOf(q.from(), zone);
    OffsetDateTime to = q.to() == null ? null : startOf(q.to().plusDays(1), zone);
    String assignee = null;
    boolean unassigned = false;
    if (q.assigned() != null && !q.assigned().isBlank()) {
      String a = q.assigned().strip().toLowerCase(Locale.ROOT);
      if ("none".equals(a)) {
        unassigned = true;
      } else {
        assignee = "me".equals(a) ? worker.username() : username("assigned", a);
      }
    }
    List<ServiceRequest> found =
        finder.find(
            new RequestFilter(
                range == null ? null : range[0],
                range == null ? null : range[1],
                text,
                categories,
                statuses,
                from,
                to,
                assignee,
                unassigned,
                false,
                (page - 1) * size,
                size + 1));
    boolean more = found.size() > size;
    return new Page(items(found.subList(0, Math.min(size, found.size()))), page, size, more);
  }

  /**
   * The open requests of a department's queue, oldest first: department staff get their own
   * departments (or one of them), others must name one.
   *
   * @param assigned {@code me}, {@code none}, or null for all
   * @param text words of the description or address, or null
   * @throws NotYourDepartment when department staff name a department they are not in
   * @throws IllegalArgumentException naming {@code department} or {@code assigned}
   */
  @TenantTransactional
  public Queue queue(String department, String assigned, String text, Worker worker) {
    List<DepartmentRef> mine = staff.departmentsOf(worker.username());
    List<DepartmentRef> covered;
    Map<String, CategorySummary> byCode = categoriesByCode();
    if (department == null || department.isBlank()) {
      if (!worker.departmentOnly()) {
        throw new IllegalArgumentException("department: choose the department whose queue to see");
      }
      covered = mine;
    } else {
      String code = department.strip();
      Optional<DepartmentRef> named =
          catalogue.department(code).map(d -> new DepartmentRef(d.code(), d.name()));
      if (named.isEmpty()) {
        throw new IllegalArgumentException(
            "department: this city has no department '" + code + "'");
      }
      if (worker.departmentOnly() && mine.stream().noneMatch(d -> d.code().equals(code))) {
        throw new NotYourDepartment(
            "You are not a member of the department '" + code + "'; its queue is not yours.");
      }
      covered = List.of(named.get());
    }
    Set<UUID> categories = new HashSet<>();
    for (DepartmentRef d : covered) {
      categories.addAll(routedTo(d.code(), byCode));
    }
    if (categories.isEmpty()) {
      return new Queue(covered, List.of());
    }
    String a = assigned == null ? "" : assigned.strip().toLowerCase(Locale.ROOT);
    if (!a.isEmpty() && !a.equals("me") && !a.equals("none") && !a.equals("all")) {
      throw new IllegalArgumentException("assigned: must be me, none or all");
    }
    String words = text == null || text.isBlank() ? null : text.strip();
    if (words != null && words.length() > 200) {
      throw new IllegalArgumentException("q: at most 200 characters");
    }
    Set<ServiceRequestStatus> open = EnumSet.noneOf(ServiceRequestStatus.class);
    for (ServiceRequestStatus s : ServiceRequestStatus.values()) {
      if (s.isOpen()) {
        open.add(s);
      }
    }
    List<ServiceRequest> found =
        finder.find(
            new RequestFilter(
                null,
                null,
                words,
                categories,
                open,
                null,
                null,
                a.equals("me") ? worker.username() : null,
                a.equals("none"),
                true,
                0,
                MAX_PAGE));
    return new Queue(covered, items(found));
  }

  /** One request as staff see it. */
  @TenantTransactional
  public Optional<WorkItem> find(String id) {
    return ServiceRequestId.parse(id).flatMap(requests::find).map(r -> items(List.of(r)).get(0));
  }

  /**
   * Assigns request {@code id} to {@code assignee} ({@code me}, a member's user name), or unassigns
   * it (null or blank). The assignee must be a member of the department the request's category is
   * routed to; department staff may assign only their own departments' requests.
   *
   * @throws RequestNotFoundException when the city has no such request
   * @throws NotYourDepartment for department staff of another department
   * @throws IllegalArgumentException ({@code assignee: ...}) for someone not in the department
   */
  @TenantTransactional
  public WorkItem assign(String id, String assignee, String internalNote, Worker worker) {
    ServiceRequest request = load(id);
    String department = departmentOf(request);
    mayChange(worker, department, request);
    String who = null;
    if (assignee != null && !assignee.isBlank()) {
      String a = assignee.strip().toLowerCase(Locale.ROOT);
      who = "me".equals(a) ? worker.username().toLowerCase(Locale.ROOT) : username("assignee", a);
      if (department == null) {
        throw new IllegalArgumentException("assignee: " + ROUTED_NOWHERE + "; no one to assign");
      }
      if (!staff.isMember(department, who)) {
        throw new IllegalArgumentException(
            "assignee: '" + who + "' is not a member of the department '" + department + "'");
      }
    }
    Optional<RequestChange> change = request.assign(who, worker.username(), internalNote, clock);
    if (change.isPresent()) {
      record(change.get(), request);
    }
    return items(List.of(request)).get(0);
  }

  /**
   * Changes the status of request {@code id}, as {@link RequestLifecycleService#changeStatus}, once
   * it is sure department staff work in the request's department.
   *
   * @throws NotYourDepartment for department staff of another department
   */
  @TenantTransactional
  public RequestSummary changeStatus(
      String id, String status, Worker worker, String publicNote, String internalNote) {
    ServiceRequestId.parse(id)
        .flatMap(requests::find)
        .ifPresent(r -> mayChange(worker, departmentOf(r), r));
    return lifecycle.changeStatus(id, status, worker.username(), publicNote, internalNote);
  }

  /**
   * Merges request {@code id} into {@code parentId} in one transaction: it becomes a duplicate of
   * the parent (if it was not yet), so its followers follow the parent; the parent's history gets a
   * {@code merged} entry naming it, with its description and address; it is marked merged.
   *
   * @throws RequestNotFoundException when the city has no request {@code id}
   * @throws IllegalArgumentException naming {@code parent_service_request_id} or {@code status}
   * @throws IllegalStateException when it was merged already
   */
  @TenantTransactional
  public WorkItem merge(
      String id, String parentId, String publicNote, String internalNote, Worker worker) {
    ServiceRequest request = load(id);
    ServiceRequest parent =
        ServiceRequestId.parse(parentId == null ? "" : parentId.strip())
            .flatMap(requests::find)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "parent_service_request_id: no such request in this city"));
    for (RequestChange change :
        request.mergeInto(parent, worker.username(), publicNote, internalNote, clock)) {
      record(change, change.requestId().equals(request.id()) ? request : parent);
    }
    return items(List.of(request)).get(0);
  }

  private void mayChange(Worker worker, String department, ServiceRequest request) {
    if (!worker.departmentOnly()) {
      return;
    }
    if (department == null) {
      throw new NotYourDepartment(
          "This request's category is routed to no department; an agent or the city's"
              + " administrator handles it.");
    }
    if (!staff.isMember(department, worker.username())) {
      throw new NotYourDepartment(
          "This request belongs to the department '"
              + department
              + "', and you are not a member of it.");
    }
  }

  private String departmentOf(ServiceRequest request) {
    return catalogue
        .byId(request.categoryId().toString())
        .map(CategorySummary::departmentCode)
        .orElse(null);
  }

  private void record(RequestChange change, ServiceRequest request) {
    String code =
        catalogue.byId(request.categoryId().toString()).map(CategorySummary::code).orElse(null);
    requests.record(change, OutboxPayloads.of(change, code));
  }

  private ServiceRequest load(String id) {
    return ServiceRequestId.parse(id)
        .flatMap(requests::find)
        .orElseThrow(() -> new RequestNotFoundException(id));
  }

  private List<WorkItem> items(List<ServiceRequest> found) {
    Map<String, CategorySummary> byId =
        catalogue.allCategories().stream()
            .collect(Collectors.toMap(CategorySummary::id, Function.identity()));
    List<WorkItem> out = new ArrayList<>();
    for (ServiceRequest r : found) {
      CategorySummary c = byId.get(r.categoryId().toString());
      out.add(
          new WorkItem(
              RequestIntakeService.summarise(r, byId),
              c == null ? null : c.departmentCode(),
              r.assignedTo().orElse(null),
              r.mergedAt().orElse(null)));
    }
    return out;
  }

  private Map<String, CategorySummary> categoriesByCode() {
    return catalogue.allCategories().stream()
        .collect(Collectors.toMap(CategorySummary::code, Function.identity()));
  }

  private Set<UUID> routedTo(String department, Map<String, CategorySummary> byCode) {
    if (catalogue.department(department).isEmpty()) {
      throw new IllegalArgumentException(
          "department: this city has no department '" + department + "'");
    }
    return byCode.values().stream()
        .filter(c -> department.equals(c.departmentCode()))
        .map(c -> UUID.fromString(c.id()))
        .collect(Collectors.toSet());
  }

  private static Set<UUID> intersect(Set<UUID> a, Set<UUID> b) {
    Set<UUID> out = new HashSet<>(a);
    out.retainAll(b);
    return out;
  }

  /**
   * The statuses the criteria allow: empty for any, null for none (criteria that exclude each
   * other).
   */
  private static Set<ServiceRequestStatus> statuses(
      Set<String> statusNames, Set<String> stageNames, boolean open) {
    Set<ServiceRequestStatus> allowed = EnumSet.allOf(ServiceRequestStatus.class);
    boolean narrowed = false;
    if (statusNames != null && !statusNames.isEmpty()) {
      Set<ServiceRequestStatus> named = EnumSet.noneOf(ServiceRequestStatus.class);
      for (String name : statusNames) {
        named.add(
            ServiceRequestStatus.fromWire(name)
                .orElseThrow(
                    () -> new IllegalArgumentException("status: '" + name + "' is not a status")));
      }
      allowed.retainAll(named);
      narrowed = true;
    }
    if (stageNames != null && !stageNames.isEmpty()) {
      Set<ServiceRequestStatus> staged = EnumSet.noneOf(ServiceRequestStatus.class);
      for (String name : stageNames) {
        String stage = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!Set.of("received", "in_progress", "resolved").contains(stage)) {
          throw new IllegalArgumentException(
              "stage: '" + name + "' is not one of received, in_progress, resolved");
        }
        for (ServiceRequestStatus s : ServiceRequestStatus.values()) {
          if (s.stage().equals(stage)) {
            staged.add(s);
          }
        }
      }
      allowed.retainAll(staged);
      narrowed = true;
    }
    if (open) {
      allowed.removeIf(s -> !s.isOpen());
      narrowed = true;
    }
    if (!narrowed) {
      return Set.of();
    }
    return allowed.isEmpty() ? null : allowed;
  }

  /** A number prefix as the range of ids that start with it; null when no number is given. */
  static UUID[] numberRange(String number) {
    if (number == null || number.isBlank()) {
      return null;
    }
    String hex = number.strip().replace("-", "").toLowerCase(Locale.ROOT);
    if (!NUMBER.matcher(hex).matches()) {
      throw new IllegalArgumentException(
          "number: give the whole number or at least its first 8 characters (0-9, a-f)");
    }
    return new UUID[] {uuid(pad(hex, '0')), uuid(pad(hex, 'f'))};
  }

  private static String pad(String hex, char with) {
    return hex + String.valueOf(with).repeat(32 - hex.length());
  }

  private static UUID uuid(String hex32) {
    return UUID.fromString(
        hex32.substring(0, 8)
            + "-"
            + hex32.substring(8, 12)
            + "-"
            + hex32.substring(12, 16)
            + "-"
            + hex32.substring(16, 20)
            + "-"
            + hex32.substring(20));
  }

  private static String username(String field, String name) {
    if (!USERNAME.matcher(name).matches()) {
      throw new IllegalArgumentException(field + ": '" + name + "' is not a user name");
    }
    return name;
  }

  private static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
  }
}
