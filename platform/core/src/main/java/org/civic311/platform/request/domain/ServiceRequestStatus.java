package org.civic311.platform.request.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a request is in its one lifecycle, whatever channel it came by. Residents see three stages
 * (received, in progress, resolved); Open311 sees {@code open} or {@code closed}; FixMyStreet-style
 * clients see the extended statuses of {@link #fixMyStreet()}.
 */
public enum ServiceRequestStatus {
  RECEIVED(true, "open"),
  IN_PROGRESS(true, "in_progress"),
  ACTION_SCHEDULED(true, "action_scheduled"),
  INVESTIGATING(true, "investigating"),
  REOPENED(true, "reopen"),
  RESOLVED(false, "fixed"),
  CLOSED(false, "closed"),
  CANCELLED(false, "no_further_action"),
  DUPLICATE(false, "duplicate");

  private static final Set<ServiceRequestStatus> WORKING =
      EnumSet.of(IN_PROGRESS, ACTION_SCHEDULED, INVESTIGATING);
  private static final Set<ServiceRequestStatus> ENDINGS =
      EnumSet.of(RESOLVED, CLOSED, CANCELLED, DUPLICATE);
  private static final Map<ServiceRequestStatus, Set<ServiceRequestStatus>> NEXT =
      Map.of(
          RECEIVED, union(WORKING, ENDINGS),
          IN_PROGRESS, union(WORKING, ENDINGS),
          ACTION_SCHEDULED, union(WORKING, ENDINGS),
          INVESTIGATING, union(WORKING, ENDINGS),
          REOPENED, union(WORKING, ENDINGS),
          RESOLVED, EnumSet.of(CLOSED, REOPENED),
          CLOSED, EnumSet.of(REOPENED),
          CANCELLED, EnumSet.of(REOPENED),
          DUPLICATE, EnumSet.of(REOPENED));

  private final boolean open;
  private final String fixMyStreet;

  ServiceRequestStatus(boolean open, String fixMyStreet) {
    this.open = open;
    this.fixMyStreet = fixMyStreet;
  }

  /** Open311's two statuses. */
  public String open311() {
    return open ? "open" : "closed";
  }

  public boolean isOpen() {
    return open;
  }

  /** FixMyStreet's extended status for {@code servicerequestupdates}. */
  public String fixMyStreet() {
    return fixMyStreet;
  }

  /** The resident's three stages. */
  public String stage() {
    if (this == RECEIVED || this == REOPENED) {
      return "received";
    }
    return open ? "in_progress" : "resolved";
  }

  /** Whether the lifecycle allows this move; the same status again is a note, not a move. */
  public boolean canMoveTo(ServiceRequestStatus next) {
    return next != this && NEXT.get(this).contains(next);
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A status by its wire name ({@code in_progress}), or empty. */
  public static Optional<ServiceRequestStatus> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (ServiceRequestStatus s : values()) {
      if (s.wireName().equals(name.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private static Set<ServiceRequestStatus> union(
      Set<ServiceRequestStatus> a, Set<ServiceRequestStatus> b) {
    Set<ServiceRequestStatus> all = EnumSet.copyOf(a);
    all.addAll(b);
    return all;
  }
}
