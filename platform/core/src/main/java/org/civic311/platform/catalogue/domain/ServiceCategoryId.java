package org.civic311.platform.catalogue.domain;

import java.util.Objects;
import java.util.UUID;

public record ServiceCategoryId(UUID value) {
  public ServiceCategoryId {
    Objects.requireNonNull(value, "service category id");
  }
}
