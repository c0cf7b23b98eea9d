package org.civic311.platform.catalogue.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civic311.platform.catalogue.domain.Department;
import org.civic311.platform.catalogue.domain.DepartmentMember;
import org.civic311.platform.catalogue.domain.DepartmentMemberRepository;
import org.civic311.platform.catalogue.domain.DepartmentRepository;
import org.civic311.platform.shared.application.AuditLog;
import org.civic311.platform.shared.application.TenantTransactional;

/**
 * Who works in which of the current city's departments (ADR 0016): the city administrator keeps the
 * list; the request context asks it which departments a staff member belongs to.
 */
@ApplicationScoped
public class DepartmentStaffService {
  static final int MAX_MEMBERS = 500;
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject DepartmentRepository departments;
  @Inject DepartmentMemberRepository members;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** A department's members, as the administrator sees and saves them. */
  public record Members(String department, List<String> usernames) {}

  /** The city has no department of this code. */
  public static final class UnknownDepartment extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownDepartment(String code) {
      super("This city has no department '" + code + "'.");
    }
  }

  /** A department as its staff see it: code and name. */
  public record DepartmentRef(String code, String name) {}

  /**
   * @throws UnknownDepartment when the city has no such department
   */
  @TenantTransactional
  public Members members(String code) {
    Department d = department(code);
    return new Members(
        d.code(), members.of(d.id()).stream().map(DepartmentMember::username).toList());
  }

  /**
   * Makes exactly {@code usernames} the members of department {@code code}. Audited under {@code
   * department-members:<code>}.
   *
   * @throws UnknownDepartment when the city has no such department
   * @throws IllegalArgumentException naming {@code usernames}; nothing changes
   */
  @TenantTransactional
  public Members replaceMembers(String code, List<String> usernames, String actor) {
    Department d = department(code);
    if (usernames == null) {
      throw new IllegalArgumentException("usernames: is required (an empty list removes everyone)");
    }
    if (usernames.size() > MAX_MEMBERS) {
      throw new IllegalArgumentException("usernames: at most " + MAX_MEMBERS + " members");
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (String name : usernames) {
      wanted.add(DepartmentMember.normalise(name));
    }
    List<DepartmentMember> current = members.of(d.id());
    Members before =
        new Members(d.code(), current.stream().map(DepartmentMember::username).toList());
    Set<String> kept = new HashSet<>();
    for (DepartmentMember m : current) {
      if (wanted.contains(m.username())) {
        kept.add(m.username());
      } else {
        members.remove(m);
      }
    }
    for (String name : wanted) {
      if (!kept.contains(name)) {
        members.add(DepartmentMember.of(d, name, clock));
      }
    }
    Members after = new Members(d.code(), wanted.stream().sorted().toList());
    audit.record("department-members:" + d.code(), actor, JSON.toJson(before), JSON.toJson(after));
    return after;
  }

  /** The departments {@code username} works in, by code. */
  @TenantTransactional
  public List<DepartmentRef> departmentsOf(String username) {
    if (username == null || username.isBlank()) {
      return List.of();
    }
    Set<UUID> ids =
        new HashSet<>(members.departmentsOf(username.strip().toLowerCase(java.util.Locale.ROOT)));
    List<DepartmentRef> out = new ArrayList<>();
    for (Department d : departments.all()) {
      if (ids.contains(d.id())) {
        out.add(new DepartmentRef(d.code(), d.name()));
      }
    }
    return out;
  }

  /** Whether {@code username} is a member of the department {@code code}. */
  @TenantTransactional
  public boolean isMember(String code, String username) {
    return departmentsOf(username).stream().anyMatch(d -> d.code().equals(code));
  }

  /** Every department of the city with its members (for the console's assignment choices). */
  @TenantTransactional
  public Map<String, List<String>> allMembers() {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    Map<UUID, Department> byId =
        departments.all().stream().collect(Collectors.toMap(Department::id, Function.identity()));
    for (Department d : byId.values()) {
      out.put(d.code(), members.of(d.id()).stream().map(DepartmentMember::username).toList());
    }
    return out;
  }

  private Department department(String code) {
    return departments
        .findByCode(code == null ? "" : code)
        .orElseThrow(() -> new UnknownDepartment(code));
  }
}
