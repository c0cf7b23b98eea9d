package org.civic311.platform.request.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Assignment and merging, as the aggregate records them (ADR 0016). */
class ServiceRequestWorkTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T15:00:00Z"), ZoneOffset.UTC);

  private ServiceRequest received(String description, String address) {
    return ServiceRequest.receive(
        UUID.randomUUID(),
        description,
        Location.of(BigDecimal.ONE, BigDecimal.ONE, address),
        Channel.PHONE,
        Reporter.ANONYMOUS,
        clock);
  }

  @Test
  void assigningIsAHistoryEntryThatLeavesTheStatusAndRecordsNothingTwice() {
    ServiceRequest r = received("Hole", null);
    RequestChange assigned = r.assign("crew7", "dispatcher", null, clock).orElseThrow();
    assertThat(assigned.type()).isEqualTo("assigned");
    assertThat(assigned.seq()).isEqualTo(2);
    assertThat(assigned.status()).isEqualTo(ServiceRequestStatus.RECEIVED);
    assertThat(assigned.internalNote()).isEqualTo("Assigned to crew7.");
    assertThat(assigned.publicNote()).isNull();
    assertThat(r.assignedTo()).contains("crew7");
    assertThat(r.assign("crew7", "dispatcher", null, clock)).isEmpty();
    RequestChange unassigned =
        r.assign(null, "dispatcher", "back to the pool", clock).orElseThrow();
    assertThat(unassigned.internalNote()).isEqualTo("Unassigned (was crew7). back to the pool");
    assertThat(r.assignedTo()).isEmpty();
  }

  @Test
  void aClosedRequestIsNotAssignedButMayBeUnassigned() {
    ServiceRequest r = received("Hole", null);
    r.assign("crew7", "dispatcher", null, clock);
    r.changeStatus(ServiceRequestStatus.CLOSED, "dispatcher", null, null, clock);
    assertThatThrownBy(() -> r.assign("crew8", "dispatcher", null, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("assignee: a closed request");
    assertThat(r.assign(null, "dispatcher", null, clock)).isPresent();
  }

  @Test
  void mergingMakesItADuplicateOnceAndNotesItOnTheParent() {
    ServiceRequest parent = received("First report", "1 Main St");
    ServiceRequest duplicate = received("Same hole, wider", "3 Main St");
    List<RequestChange> changes =
        duplicate.mergeInto(parent, "agent", "Follow the first", "it doubled", clock);
    assertThat(changes).hasSize(2);
    assertThat(changes.get(0).requestId()).isEqualTo(duplicate.id());
    assertThat(changes.get(0).type()).isEqualTo("duplicate");
    assertThat(changes.get(0).publicNote()).isEqualTo("Follow the first");
    assertThat(changes.get(1).requestId()).isEqualTo(parent.id());
    assertThat(changes.get(1).type()).isEqualTo("merged");
    assertThat(changes.get(1).status()).isEqualTo(ServiceRequestStatus.RECEIVED);
    assertThat(changes.get(1).internalNote())
        .isEqualTo(
            "Merged "
                + duplicate.id().value()
                + " into this request: Same hole, wider (3 Main St). it doubled");
    assertThat(duplicate.status()).isEqualTo(ServiceRequestStatus.DUPLICATE);
    assertThat(duplicate.parent()).contains(parent.id());
    assertThat(duplicate.mergedAt()).isPresent();
    assertThatThrownBy(() -> duplicate.mergeInto(parent, "agent", null, null, clock))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anEarlierDuplicateMergesIntoItsOwnParentOnly() {
    ServiceRequest parent = received("First", null);
    ServiceRequest other = received("Other", null);
    ServiceRequest duplicate = received("Second", null);
    duplicate.markDuplicateOf(parent, "agent", null, clock);
    assertThatThrownBy(() -> duplicate.mergeInto(other, "agent", null, null, clock))
        .hasMessageStartingWith("parent_service_request_id: this request is a duplicate of");
    List<RequestChange> changes = duplicate.mergeInto(parent, "agent", null, null, clock);
    assertThat(changes).extracting(RequestChange::type).containsExactly("merged");
  }

  @Test
  void theParentMustBeAnotherRequestThatIsNoDuplicate() {
    ServiceRequest a = received("A", null);
    ServiceRequest b = received("B", null);
    ServiceRequest c = received("C", null);
    assertThatThrownBy(() -> a.mergeInto(a, "agent", null, null, clock))
        .hasMessage("parent_service_request_id: must be another request");
    b.markDuplicateOf(c, "agent", null, clock);
    assertThatThrownBy(() -> a.mergeInto(b, "agent", null, null, clock))
        .hasMessageStartingWith("parent_service_request_id: is itself a duplicate");
    assertThat(a.status()).isEqualTo(ServiceRequestStatus.RECEIVED);
    assertThat(a.mergedAt()).isEmpty();
  }
}
