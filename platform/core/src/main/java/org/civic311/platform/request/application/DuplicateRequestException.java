package org.civic311.platform.request.application;

import java.util.List;

/** Open requests of the same category are already nearby; nothing was stored. */
public class DuplicateRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<RequestSummary> existing;

  public DuplicateRequestException(List<RequestSummary> existing) {
    super("A similar open request exists nearby: " + existing.get(0).id(), null, false, false);
    this.existing = List.copyOf(existing);
  }

  /** The nearby open requests, nearest first. */
  public List<RequestSummary> existing() {
    return existing;
  }
}
