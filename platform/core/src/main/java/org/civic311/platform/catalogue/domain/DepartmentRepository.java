package org.civic311.platform.catalogue.domain;

import java.util.List;
import java.util.Optional;

/** The current city's departments. */
public interface DepartmentRepository {
  List<Department> all();

  Optional<Department> findByCode(String code);

  Optional<Department> find(java.util.UUID id);

  void add(Department department);
}
