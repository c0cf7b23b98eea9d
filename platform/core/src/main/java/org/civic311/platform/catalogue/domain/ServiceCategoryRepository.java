package org.civic311.platform.catalogue.domain;

import java.util.List;
import java.util.Optional;

/** The current city's catalogue. Every method sees the current city's rows only. */
public interface ServiceCategoryRepository {
  List<ServiceCategory> active();

  List<ServiceCategory> all();

  Optional<ServiceCategory> find(ServiceCategoryId id);

  Optional<ServiceCategory> findByCode(String code);

  /** The codes of the categories routed to department {@code departmentId}, in code order. */
  List<String> codesRoutedTo(java.util.UUID departmentId);

  void add(ServiceCategory category);
}
