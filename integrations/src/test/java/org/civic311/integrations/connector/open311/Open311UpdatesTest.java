package org.civic311.integrations.connector.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.platform.request.domain.ServiceRequestStatus.CANCELLED;
import static org.civic311.platform.request.domain.ServiceRequestStatus.CLOSED;
import static org.civic311.platform.request.domain.ServiceRequestStatus.IN_PROGRESS;
import static org.civic311.platform.request.domain.ServiceRequestStatus.RECEIVED;
import static org.civic311.platform.request.domain.ServiceRequestStatus.REOPENED;
import static org.civic311.platform.request.domain.ServiceRequestStatus.RESOLVED;

import java.util.List;
import org.junit.jupiter.api.Test;

class Open311UpdatesTest {
  @Test
  void fixMyStreetStatusesMapOntoTheLifecycle() {
    assertThat(Open311Updates.local("fixed", IN_PROGRESS)).contains(RESOLVED);
    assertThat(Open311Updates.local("no_further_action", RECEIVED)).contains(CANCELLED);
    assertThat(Open311Updates.local("duplicate", RECEIVED)).contains(CLOSED);
    assertThat(Open311Updates.local("IN_PROGRESS", RECEIVED)).contains(IN_PROGRESS);
    // open and reopen reopen a closed request and leave an open one where it is
    assertThat(Open311Updates.local("reopen", RESOLVED)).contains(REOPENED);
    assertThat(Open311Updates.local("open", CLOSED)).contains(REOPENED);
    assertThat(Open311Updates.local("open", IN_PROGRESS)).contains(IN_PROGRESS);
    assertThat(Open311Updates.local("sideways", RECEIVED)).isEmpty();
    assertThat(Open311Updates.local(null, RECEIVED)).isEmpty();
  }

  @Test
  void aServersUpdatesAreReadOldestFirstAndIncompleteOnesLeftOut() {
    List<RemoteUpdate> updates =
        Open311Polling.parse(
            "[{\"update_id\":\"r-3\",\"service_request_id\":\"r\",\"status\":\"fixed\","
                + "\"description\":\"Done\",\"updated_datetime\":\"2026-11-25T18:00:00Z\"},"
                + "{\"update_id\":\"r-2\",\"service_request_id\":\"r\",\"status\":\"in_progress\","
                + "\"description\":\"\",\"updated_datetime\":\"2026-11-25T17:00:00-07:00\"},"
                + "{\"update_id\":\"r-4\",\"status\":\"closed\"}]");
    assertThat(updates).extracting(RemoteUpdate::updateId).containsExactly("r-3", "r-2");
    assertThat(updates.get(1).description()).isNull();
  }

  @Test
  void theRemoteIdComesFromTheAnswerToPostRequests() {
    assertThat(RemoteAnswer.serviceRequestId("[{\"service_request_id\":\"638344\"}]"))
        .contains("638344");
    assertThat(RemoteAnswer.serviceRequestId("[{\"service_request_id\":638344}]"))
        .contains("638344");
    assertThat(RemoteAnswer.serviceRequestId("[{\"token\":\"12345\"}]")).contains("token:12345");
    assertThat(RemoteAnswer.serviceRequestId("[]")).isEmpty();
    assertThat(RemoteAnswer.serviceRequestId("<xml/>")).isEmpty();
  }
}
