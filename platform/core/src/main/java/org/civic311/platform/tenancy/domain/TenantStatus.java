package org.civic311.platform.tenancy.domain;

/** Whether a city is served. A suspended city keeps its data but answers nothing. */
public enum TenantStatus {
  ACTIVE,
  SUSPENDED
}
