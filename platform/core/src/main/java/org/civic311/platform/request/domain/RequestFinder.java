package org.civic311.platform.request.domain;

import java.util.List;

/** Staff searches and queues over the current city's requests. */
public interface RequestFinder {
  /** The requests matching {@code filter}, in its order, one page. */
  List<ServiceRequest> find(RequestFilter filter);
}
