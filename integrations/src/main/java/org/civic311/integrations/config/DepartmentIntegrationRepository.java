package org.civic311.integrations.config;

import java.util.List;
import java.util.Optional;

/** The current city's department integrations. */
public interface DepartmentIntegrationRepository {
  Optional<DepartmentIntegration> findByDepartment(String department);

  List<DepartmentIntegration> all();

  void add(DepartmentIntegration integration);
}
