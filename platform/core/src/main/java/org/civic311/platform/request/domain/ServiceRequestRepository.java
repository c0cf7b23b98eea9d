package org.civic311.platform.request.domain;

import java.util.List;
import java.util.Optional;

/** The current city's service requests. */
public interface ServiceRequestRepository {
  Optional<ServiceRequest> find(ServiceRequestId id);

  List<ServiceRequest> newest(int limit);

  void add(ServiceRequest request);
}
