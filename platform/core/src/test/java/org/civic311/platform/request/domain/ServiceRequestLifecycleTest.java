package org.civic311.platform.request.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ServiceRequestLifecycleTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T15:00:00Z"), ZoneOffset.UTC);

  private ServiceRequest received() {
    return ServiceRequest.receive(
        UUID.randomUUID(),
        "Hole",
        Location.of(BigDecimal.ONE, BigDecimal.ONE, null),
        Channel.PHONE,
        Reporter.ANONYMOUS,
        clock);
  }

  @Test
  void aNewRequestIsReceivedOpenAndItsCreationIsEventOne() {
    ServiceRequest r = received();
    assertThat(r.status()).isEqualTo(ServiceRequestStatus.RECEIVED);
    assertThat(r.status().open311()).isEqualTo("open");
    assertThat(r.status().stage()).isEqualTo("received");
    RequestChange created = r.creation("phone");
    assertThat(created.seq()).isEqualTo(1);
    assertThat(created.type()).isEqualTo("created");
  }

  @Test
  void theThreeStagesFollowTheWork() {
    ServiceRequest r = received();
    RequestChange started =
        r.changeStatus(
            ServiceRequestStatus.IN_PROGRESS, "crew 7", "Crew assigned", "ticket 991", clock);
    assertThat(started.seq()).isEqualTo(2);
    assertThat(started.previous()).isEqualTo(ServiceRequestStatus.RECEIVED);
    assertThat(r.status().stage()).isEqualTo("in_progress");
    RequestChange done =
        r.changeStatus(ServiceRequestStatus.RESOLVED, "crew 7", "Filled", null, clock);
    assertThat(done.seq()).isEqualTo(3);
    assertThat(r.status().stage()).isEqualTo("resolved");
    assertThat(r.status().open311()).isEqualTo("closed");
    assertThat(r.status().fixMyStreet()).isEqualTo("fixed");
  }

  @Test
  void aClosedRequestCanOnlyBeReopened() {
    ServiceRequest r = received();
    r.changeStatus(ServiceRequestStatus.CLOSED, "agent", null, null, clock);
    assertThatThrownBy(
            () -> r.changeStatus(ServiceRequestStatus.IN_PROGRESS, "agent", null, null, clock))
        .hasMessageStartingWith("status: cannot go from closed to in_progress");
    r.changeStatus(ServiceRequestStatus.REOPENED, "resident", "Still broken", null, clock);
    assertThat(r.status().isOpen()).isTrue();
  }

  @Test
  void theSameStatusAgainOnlyAddsANote() {
    ServiceRequest r = received();
    assertThatThrownBy(
            () -> r.changeStatus(ServiceRequestStatus.RECEIVED, "agent", null, null, clock))
        .hasMessageStartingWith("status:");
    RequestChange note =
        r.changeStatus(
            ServiceRequestStatus.RECEIVED, "agent", "Called the resident back", null, clock);
    assertThat(note.type()).isEqualTo("note");
  }

  @Test
  void aDuplicateNamesAnotherRequestAsItsParent() {
    ServiceRequest parent = received();
    ServiceRequest child = received();
    assertThatThrownBy(() -> child.markDuplicateOf(child, "agent", null, clock))
        .hasMessageStartingWith("parent_service_request_id:");
    assertThatThrownBy(
            () -> child.changeStatus(ServiceRequestStatus.DUPLICATE, "agent", null, null, clock))
        .hasMessageStartingWith("status:");
    RequestChange dup = child.markDuplicateOf(parent, "agent", "Reported already", clock);
    assertThat(dup.status()).isEqualTo(ServiceRequestStatus.DUPLICATE);
    assertThat(child.parent()).contains(parent.id());
  }

  @Test
  void everyChangeNamesItsActorAndKeepsNotesBounded() {
    ServiceRequest r = received();
    assertThatThrownBy(
            () -> r.changeStatus(ServiceRequestStatus.IN_PROGRESS, " ", null, null, clock))
        .hasMessageStartingWith("actor:");
    assertThatThrownBy(
            () ->
                r.changeStatus(
                    ServiceRequestStatus.IN_PROGRESS, "a", "x".repeat(4001), null, clock))
        .hasMessageStartingWith("public_note:");
  }

  @ParameterizedTest
  @EnumSource(ServiceRequestStatus.class)
  void everyStatusHasAWayOnExceptToItself(ServiceRequestStatus status) {
    assertThat(ServiceRequestStatus.values()).anyMatch(status::canMoveTo);
    assertThat(status.canMoveTo(status)).isFalse();
    assertThat(ServiceRequestStatus.fromWire(status.wireName())).contains(status);
  }
}
