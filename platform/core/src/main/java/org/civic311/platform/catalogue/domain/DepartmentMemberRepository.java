package org.civic311.platform.catalogue.domain;

import java.util.List;
import java.util.UUID;

/** The current city's department members. */
public interface DepartmentMemberRepository {
  /** The members of one department, by user name. */
  List<DepartmentMember> of(UUID departmentId);

  /** The departments (ids) {@code username} is a member of. */
  List<UUID> departmentsOf(String username);

  void add(DepartmentMember member);

  void remove(DepartmentMember member);
}
