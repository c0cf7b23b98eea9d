package org.civic311.platform.request.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.civic311.platform.shared.domain.TenantOwned;

/**
 * A resident's request for a city service, owned by one city. It refers to its category by id
 * (another aggregate) and changes state only through its own methods, each of which returns the
 * {@link RequestChange} to record (history and outbox). Guarantees: a transition follows {@link
 * ServiceRequestStatus#canMoveTo}; a duplicate names an existing parent other than itself; the
 * event counter grows by one per change; notes are at most 4,000 characters.
 */
@Entity
@Table(name = "service_request")
public class ServiceRequest extends TenantOwned {
  static final int MAX_DESCRIPTION = 4000;

  @Id private UUID id;

  @Column(name = "category_id", nullable = false)
  private UUID categoryId;

  private String description;

  @Embedded private Location location;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ServiceRequestStatus status;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Channel channel;

  // A String, not a UUID: EclipseLink 4.0.7's UUID converter fails on a NULL column value.
  @Column(name = "parent_id")
  private String parentId;

  @Column(name = "last_seq", nullable = false)
  private int lastSeq;

  @Version private long version;

  @Column(name = "reporter_subject")
  private String reporterSubject;

  @Column(name = "reporter_email")
  private String reporterEmail;

  @Column(name = "reporter_name")
  private String reporterName;

  @Column(name = "expected_at")
  private OffsetDateTime expectedAt;

  /** The answers to the category's attributes, as JSON (code → values), checked on intake. */
  private String attributes;

  /** A link to a photo the client hosts (Open311's {@code media_url} on POST). */
  @Column(name = "media_url")
  private String mediaUrl;

  /** The photo sent with the request, kept as {@link RequestMedia}. A String, as parent_id. */
  @Column(name = "media_id")
  private String mediaId;

  /** The staff member working on it (the identity server's user name), if anyone. */
  @Column(name = "assigned_to")
  private String assignedTo;

  /** When this duplicate was merged into its parent (see {@link #mergeInto}). */
  @Column(name = "merged_at")
  private OffsetDateTime mergedAt;

  protected ServiceRequest() {}

  public static ServiceRequest receive(
      UUID categoryId,
      String description,
      Location location,
      Channel channel,
      Reporter reporter,
      Clock clock) {
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw new IllegalArgumentException("description: at most " + MAX_DESCRIPTION + " characters");
    }
    ServiceRequest request = new ServiceRequest();
    request.id = UUID.randomUUID();
    request.categoryId = categoryId;
    request.description = description == null || description.isBlank() ? null : description.strip();
    request.location = location;
    request.status = ServiceRequestStatus.RECEIVED;
    request.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    request.updatedAt = request.createdAt;
    request.channel = channel == null ? Channel.WEB : channel;
    request.lastSeq = 1;
    Reporter who = reporter == null ? Reporter.ANONYMOUS : reporter;
    request.reporterSubject = who.subject();
    request.reporterEmail = who.email();
    return request;
  }

  /** The change that records this request's creation (sequence 1). */
  public RequestChange creation(String actor) {
    return new RequestChange(id(), 1, "created", null, status, actor, null, null, createdAt);
  }

  /**
   * Moves the request to {@code next}. The same status again is allowed only to add a note.
   *
   * @throws IllegalArgumentException ({@code status: ...}) when the lifecycle does not allow it
   */
  public RequestChange changeStatus(
      ServiceRequestStatus next,
      String actor,
      String publicNote,
      String internalNote,
      Clock clock) {
    if (next == null) {
      throw new IllegalArgumentException("status: is required");
    }
    if (next == ServiceRequestStatus.DUPLICATE) {
      throw new IllegalArgumentException("status: a duplicate is marked with its parent request");
    }
    boolean noteOnly = next == status && publicNote != null && !publicNote.isBlank();
    if (!noteOnly && !status.canMoveTo(next)) {
      throw new IllegalArgumentException(
          "status: cannot go from " + status.wireName() + " to " + next.wireName());
    }
    return record(
        next, noteOnly ? "note" : "status_changed", actor, publicNote, internalNote, clock);
  }

  /** Marks this request as a duplicate of {@code parent}, which must be another request. */
  public RequestChange markDuplicateOf(
      ServiceRequest parent, String actor, String publicNote, Clock clock) {
    if (parent == null || parent.id.equals(id)) {
      throw new IllegalArgumentException("parent_service_request_id: must be another request");
    }
    if (!status.canMoveTo(ServiceRequestStatus.DUPLICATE)) {
      throw new IllegalArgumentException(
          "status: a " + status.wireName() + " request cannot become a duplicate");
    }
    parentId = parent.id.toString();
    return record(ServiceRequestStatus.DUPLICATE, "duplicate", actor, publicNote, null, clock);
  }

  /**
   * Assigns the request to {@code assignee} (a user name), or unassigns it ({@code null}): a
   * history entry with an internal note, the status unchanged. Who may be assigned is the
   * application's business (a member of the request's department).
   *
   * @return the change, or empty when {@code assignee} has it already
   * @throws IllegalArgumentException ({@code assignee: ...}) when assigning a request that is not
   *     open
   */
  public java.util.Optional<RequestChange> assign(
      String assignee, String actor, String internalNote, Clock clock) {
    String next = assignee == null || assignee.isBlank() ? null : assignee.strip();
    if (java.util.Objects.equals(next, assignedTo)) {
      return java.util.Optional.empty();
    }
    if (next != null && !status.isOpen()) {
      throw new IllegalArgumentException(
          "assignee: a " + status.wireName() + " request is not assigned; reopen it first");
    }
    String what =
        next == null ? "Unassigned (was " + assignedTo + ")." : "Assigned to " + next + ".";
    String note = internalNote == null || internalNote.isBlank() ? what : what + " " + internalNote;
    assignedTo = next;
    return java.util.Optional.of(record(status, "assigned", actor, null, note, clock));
  }

  /**
   * Merges this request into {@code parent}: it becomes (or already is) a duplicate of it, and it
   * is merged once. Returns the changes to record: this request's, when it was not a duplicate yet
   * (its followers then follow the parent), and always the parent's {@code merged} entry, whose
   * internal note names this request and carries its description and address for the crew.
   *
   * @throws IllegalArgumentException ({@code parent_service_request_id: ...}) for a parent that is
   *     this request, itself a duplicate, or not the one this request duplicates already; ({@code
   *     status: ...}) when this request is closed
   * @throws IllegalStateException when this request was merged already
   */
  public java.util.List<RequestChange> mergeInto(
      ServiceRequest parent, String actor, String publicNote, String internalNote, Clock clock) {
    if (parent == null || parent.id.equals(id)) {
      throw new IllegalArgumentException("parent_service_request_id: must be another request");
    }
    if (mergedAt != null) {
      throw new IllegalStateException("This request was merged into " + parentId + " already.");
    }
    if (parent.status == ServiceRequestStatus.DUPLICATE) {
      throw new IllegalArgumentException(
          "parent_service_request_id: is itself a duplicate of "
              + parent.parentId
              + "; merge into that one");
    }
    java.util.List<RequestChange> changes = new java.util.ArrayList<>();
    if (status == ServiceRequestStatus.DUPLICATE) {
      if (!parent.id.toString().equals(parentId)) {
        throw new IllegalArgumentException(
            "parent_service_request_id: this request is a duplicate of "
                + parentId
                + "; merge it into that one");
      }
    } else {
      changes.add(markDuplicateOf(parent, actor, publicNote, clock));
    }
    mergedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    StringBuilder note = new StringBuilder("Merged ").append(id).append(" into this request");
    if (description != null) {
      note.append(": ").append(description);
    }
    location.address().ifPresent(a -> note.append(" (").append(a).append(')'));
    if (internalNote != null && !internalNote.isBlank()) {
      note.append(". ").append(internalNote.strip());
    }
    String text =
        note.length() > MAX_DESCRIPTION ? note.substring(0, MAX_DESCRIPTION) : note.toString();
    changes.add(parent.record(parent.status, "merged", actor, null, text, clock));
    return changes;
  }

  public java.util.Optional<String> assignedTo() {
    return java.util.Optional.ofNullable(assignedTo);
  }

  public java.util.Optional<OffsetDateTime> mergedAt() {
    return java.util.Optional.ofNullable(mergedAt);
  }

  /**
   * Someone else reports the same problem ("me too"): a history entry without a status change.
   *
   * @throws IllegalArgumentException when the request is closed: there is nothing to support
   */
  public RequestChange support(String actor, Clock clock) {
    if (!status.isOpen()) {
      throw new IllegalArgumentException(
          "service_request_id: the request is " + status.wireName() + "; report it anew instead");
    }
    return record(status, "supported", actor, null, null, clock);
  }

  private RequestChange record(
      ServiceRequestStatus next,
      String type,
      String actor,
      String publicNote,
      String internalNote,
      Clock clock) {
    ServiceRequestStatus previous = status;
    status = next;
    lastSeq++;
    updatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    return new RequestChange(
        id(),
        lastSeq,
        type,
        previous,
        next,
        requireActor(actor),
        note("public_note", publicNote),
        note("internal_note", internalNote),
        updatedAt);
  }

  private static String requireActor(String actor) {
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("actor: is required");
    }
    return actor.strip();
  }

  private static String note(String field, String note) {
    if (note == null || note.isBlank()) {
      return null;
    }
    if (note.length() > MAX_DESCRIPTION) {
      throw new IllegalArgumentException(field + ": at most " + MAX_DESCRIPTION + " characters");
    }
    return note.strip();
  }

  /** When the work is expected to be done: the category's service level from receipt. */
  public void expectBy(java.time.Instant due) {
    expectedAt = due == null ? null : due.atOffset(ZoneOffset.UTC);
  }

  public java.util.Optional<OffsetDateTime> expectedAt() {
    return java.util.Optional.ofNullable(expectedAt);
  }

  /**
   * Links the request's photo: one sent with it ({@code media}), or else a link to one the client
   * hosts ({@code url}, http or https).
   */
  public void illustrate(RequestMedia media, String url) {
    if (media != null) {
      mediaId = media.id().toString();
    } else if (url != null) {
      java.net.URI uri;
      try {
        uri = new java.net.URI(url);
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("media_url: is not a URL");
      }
      if (url.length() > 2000
          || uri.getHost() == null
          || !("http".equalsIgnoreCase(uri.getScheme())
              || "https".equalsIgnoreCase(uri.getScheme()))) {
        throw new IllegalArgumentException("media_url: must be an http or https URL");
      }
      mediaUrl = url;
    }
  }

  public java.util.Optional<String> mediaUrl() {
    return java.util.Optional.ofNullable(mediaUrl);
  }

  public java.util.Optional<String> mediaId() {
    return java.util.Optional.ofNullable(mediaId);
  }

  public void answer(String attributesJson) {
    attributes = attributesJson;
  }

  /**
   * The name the reporter gave (optional; only the city's staff see it).
   *
   * @throws IllegalArgumentException naming {@code name} when it is too long, has control
   *     characters or markup
   */
  public void nameReporter(String name) {
    String n = name == null ? "" : name.strip();
    if (n.length() > 200) {
      throw new IllegalArgumentException("name: at most 200 characters");
    }
    if (n.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || n.matches("(?s).*<\\s*[a-zA-Z/!?].*")) {
      throw new IllegalArgumentException("name: must be plain text on one line");
    }
    reporterName = n.isEmpty() ? null : n;
  }

  public java.util.Optional<String> reporterName() {
    return java.util.Optional.ofNullable(reporterName);
  }

  public java.util.Optional<String> attributesJson() {
    return java.util.Optional.ofNullable(attributes);
  }

  public Reporter reporter() {
    return new Reporter(reporterSubject, reporterEmail);
  }

  public ServiceRequestId id() {
    return new ServiceRequestId(id);
  }

  public UUID categoryId() {
    return categoryId;
  }

  public String description() {
    return description;
  }

  public Location location() {
    return location;
  }

  public ServiceRequestStatus status() {
    return status;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  public Channel channel() {
    return channel;
  }

  public java.util.Optional<ServiceRequestId> parent() {
    return java.util.Optional.ofNullable(parentId)
        .map(p -> new ServiceRequestId(UUID.fromString(p)));
  }
}
