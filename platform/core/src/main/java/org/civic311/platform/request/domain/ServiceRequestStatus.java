package org.civic311.platform.request.domain;

/** Where a request is in its life. The Open311 issue completes the lifecycle. */
public enum ServiceRequestStatus {
  RECEIVED,
  IN_PROGRESS,
  RESOLVED,
  CLOSED
}
