package org.civic311.platform.request.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.catalogue.application.CategorySummary;
import org.civic311.platform.request.domain.Channel;
import org.civic311.platform.request.domain.Location;
import org.civic311.platform.request.domain.Reporter;
import org.civic311.platform.request.domain.RequestChange;
import org.civic311.platform.request.domain.RequestHistoryEntry;
import org.civic311.platform.request.domain.RequestMedia;
import org.civic311.platform.request.domain.RequestQuery;
import org.civic311.platform.request.domain.ServiceRequest;
import org.civic311.platform.request.domain.ServiceRequestId;
import org.civic311.platform.request.domain.ServiceRequestRepository;
import org.civic311.platform.request.domain.ServiceRequestStatus;
import org.civic311.platform.routing.application.HoursService;
import org.civic311.platform.shared.application.TenantTransactional;

/**
 * Takes in and finds the current city's service requests, for every channel: the native API,
 * Open311 and, later, the portal and the agent console all call this one service. Every creation
 * writes its history entry and outbox event in the same transaction.
 */
@ApplicationScoped
public class RequestIntakeService {
  public static final int MAX_LIST = 1000;

  @Inject ServiceRequestRepository requests;
  @Inject CatalogueService catalogue;
  @Inject DuplicateFinder duplicates;
  @Inject Clock clock;
  @Inject HoursService hours;
  private static final jakarta.json.bind.Jsonb JSON = jakarta.json.bind.JsonbBuilder.create();

  /**
   * Records a new request in the current city.
   *
   * @throws IllegalArgumentException naming the field that is wrong; nothing is stored then
   * @throws DuplicateRequestException when not acknowledged and a similar open request is near
   */
  @TenantTransactional
  public RequestSummary submit(SubmitServiceRequest submission) {
    CategorySummary category =
        catalogue
            .byCode(submission.categoryCode() == null ? "" : submission.categoryCode())
            .filter(CategorySummary::active)
            .filter(c -> submission.byStaff() || !c.staffOnly())
            .orElseThrow(() -> new UnknownServiceCode(submission.categoryCode()));
    Channel channel =
        submission.channel() == null || submission.channel().isBlank()
            ? Channel.WEB
            : Channel.fromWire(submission.channel())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "channel: '" + submission.channel() + "' is not a channel"));
    Location location =
        Location.of(submission.latitude(), submission.longitude(), submission.address());
    if (submission.latitude() != null
        && !category.offeredAt(
            submission.latitude().doubleValue(), submission.longitude().doubleValue())) {
      throw new IllegalArgumentException(
          "location: '"
              + category.name()
              + "' is not offered at this place (outside its service area); choose the"
              + " place again, or another service");
    }
    CatalogueService.checkAnswers(category, submission.attributes());
    if (!submission.acknowledgeDuplicate()) {
      List<RequestSummary> nearby =
          duplicates.openNear(category.code(), submission.latitude(), submission.longitude());
      if (!nearby.isEmpty()) {
        throw new DuplicateRequestException(nearby);
      }
    }
    ServiceRequest request =
        ServiceRequest.receive(
            UUID.fromString(category.id()),
            submission.description(),
            location,
            channel,
            new Reporter(submission.reporterSubject(), submission.reporterEmail()),
            clock);
    if (submission.attributes() != null && !submission.attributes().isEmpty()) {
      request.answer(JSON.toJson(submission.attributes()));
    }
    request.nameReporter(submission.reporterName());
    RequestMedia photo =
        submission.photo() == null
            ? null
            : RequestMedia.of(
                request.id().value(),
                submission.photo().contentType(),
                submission.photo().content(),
                clock);
    request.illustrate(photo, submission.mediaUrl());
    if (category.slaMinutes() != null) {
      // before the request is persisted: nothing of this transaction is pending yet when the hours
      // are read (a cache miss flushes what is pending, which would make the due date an UPDATE)
      request.expectBy(
          hours.due(
              request.createdAt().toInstant(),
              Duration.ofMinutes(category.slaMinutes()),
              category.slaBusinessHours()));
    }
    requests.add(request);
    if (photo != null) {
      requests.addMedia(photo);
    }
    RequestChange created = request.creation(request.channel().wireName());
    requests.record(created, OutboxPayloads.of(created, category.code(), follower(submission)));
    return RequestSummary.of(request, category.code(), category.name(), category.departmentName());
  }

  /** The reporter, when they asked for e-mail updates: confirmed, it is their own submission. */
  private static Follower follower(SubmitServiceRequest submission) {
    if (!submission.subscribe()) {
      return null;
    }
    String email = new Reporter(null, submission.reporterEmail()).email();
    if (email == null) {
      throw new IllegalArgumentException("email: is required to receive e-mail updates");
    }
    return new Follower(email, locale(submission.locale()), true);
  }

  /** A language tag as followers' mail uses it: two letters, or empty for the city's first. */
  static String locale(String locale) {
    if (locale == null || locale.isBlank()) {
      return "";
    }
    String tag = locale.strip().toLowerCase(java.util.Locale.ROOT);
    if (!tag.matches("[a-z]{2}")) {
      throw new IllegalArgumentException("locale: '" + locale + "' is not a language code");
    }
    return tag;
  }

  /**
   * The photo {@code mediaId} of a request the public may see (not of a staff-only category), in
   * the current city.
   */
  @TenantTransactional
  public Optional<SubmitServiceRequest.Photo> publicPhoto(String mediaId) {
    UUID id;
    try {
      id = UUID.fromString(mediaId);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return requests
        .media(id)
        .filter(
            m ->
                requests
                    .find(new ServiceRequestId(m.requestId()))
                    .flatMap(r -> catalogue.byId(r.categoryId().toString()))
                    .filter(c -> !c.staffOnly())
                    .isPresent())
        .map(m -> new SubmitServiceRequest.Photo(m.contentType(), m.content()));
  }

  /**
   * Who reported a request, for the city's staff: the name and e-mail given, and whether signed in.
   */
  public record ReporterContact(String name, String email, boolean signedIn) {}

  @TenantTransactional
  public Optional<ReporterContact> reporterOf(String id) {
    return ServiceRequestId.parse(id)
        .flatMap(requests::find)
        .map(
            r ->
                new ReporterContact(
                    r.reporterName().orElse(null),
                    r.reporter().email(),
                    r.reporter().subject() != null));
  }

  @TenantTransactional
  public Optional<RequestSummary> find(String id) {
    return find(id, false);
  }

  /**
   * One request the public may see: not of a category kept for staff (such a request is unknown to
   * the public, as if it did not exist). One transaction, one category read.
   */
  @TenantTransactional
  public Optional<RequestSummary> findPublic(String id) {
    return find(id, true);
  }

  private Optional<RequestSummary> find(String id, boolean publicOnly) {
    return ServiceRequestId.parse(id)
        .flatMap(requests::find)
        .flatMap(
            r -> {
              // one category, not the whole catalogue, for one request
              Optional<CategorySummary> c = catalogue.byId(r.categoryId().toString());
              if (publicOnly && c.filter(CategorySummary::staffOnly).isPresent()) {
                return Optional.empty();
              }
              return Optional.of(
                  RequestSummary.of(
                      r,
                      c.map(CategorySummary::code).orElse(null),
                      c.map(CategorySummary::name).orElse(null),
                      c.map(CategorySummary::departmentName).orElse(null)));
            });
  }

  /**
   * The current city's requests reported by one resident on any channel: under their account, or
   * with their verified e-mail address as contact. Newest first.
   */
  @TenantTransactional
  public List<RequestSummary> reportedBy(
      String subject, Optional<String> verifiedEmail, int limit) {
    Map<String, CategorySummary> byId = categoriesById();
    return requests
        .reportedBy(subject, verifiedEmail.orElse(null), Math.max(1, Math.min(limit, 500)))
        .stream()
        .map(r -> summarise(r, byId))
        .toList();
  }

  @TenantTransactional
  public List<RequestSummary> newest(int limit) {
    return search(new SearchRequests(List.of(), Set.of(), Set.of(), null, null, 0, limit));
  }

  /** Searches the current city's requests. Unknown category codes and statuses match nothing. */
  @TenantTransactional
  public List<RequestSummary> search(SearchRequests search) {
    Map<String, CategorySummary> byId = categoriesById();
    Map<String, CategorySummary> byCode =
        byId.values().stream()
            .collect(Collectors.toMap(CategorySummary::code, Function.identity()));
    List<UUID> ids =
        search.ids().stream()
            .map(ServiceRequestId::parse)
            .flatMap(Optional::stream)
            .map(ServiceRequestId::value)
            .toList();
    if (!search.ids().isEmpty() && ids.isEmpty()) {
      return List.of();
    }
    Set<UUID> categories = Set.of();
    Set<ServiceRequestStatus> statuses = Set.of();
    if (ids.isEmpty()) { // ids override every other criterion, as in Open311
      categories =
          search.categoryCodes().stream()
              .map(byCode::get)
              .filter(c -> c != null)
              .map(c -> UUID.fromString(c.id()))
              .collect(Collectors.toSet());
      if (!search.categoryCodes().isEmpty() && categories.isEmpty()) {
        return List.of();
      }
      statuses = statuses(search.statuses());
      if (!search.statuses().isEmpty() && statuses.isEmpty()) {
        return List.of();
      }
    }
    RequestQuery query =
        new RequestQuery(
            ids,
            categories,
            statuses,
            search.from(),
            search.to(),
            search.offset(),
            Math.min(Math.max(search.limit(), 1), MAX_LIST));
    return requests.search(query).stream().map(r -> summarise(r, byId)).toList();
  }

  /**
   * The city's public updates made in [from, to] (status changes and public notes; a change that
   * did neither, such as "me too", is left out), oldest first, at most {@code limit}.
   */
  @TenantTransactional
  public List<RequestUpdate> updates(OffsetDateTime from, OffsetDateTime to, int limit) {
    List<RequestHistoryEntry> changed =
        requests.changedBetween(from, to, Math.max(1, Math.min(limit, MAX_LIST)));
    if (changed.isEmpty()) {
      return List.of();
    }
    Set<ServiceRequestId> ids =
        changed.stream()
            .map(h -> new ServiceRequestId(h.requestId()))
            .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    Map<UUID, ServiceRequestStatus> before = new java.util.HashMap<>();
    Map<String, ServiceRequestStatus> previous = new java.util.HashMap<>();
    for (RequestHistoryEntry h : requests.histories(ids)) {
      ServiceRequestStatus last = before.put(h.requestId(), h.status());
      if (last != null) {
        previous.put(h.requestId() + "-" + h.seq(), last);
      }
    }
    Map<String, CategorySummary> categories = categoriesById();
    Map<UUID, String> codes = new java.util.HashMap<>();
    for (ServiceRequest r :
        requests.search(
            new RequestQuery(
                ids.stream().map(ServiceRequestId::value).toList(),
                Set.of(),
                Set.of(),
                null,
                null,
                0,
                ids.size()))) {
      CategorySummary c = categories.get(r.categoryId().toString());
      codes.put(r.id().value(), c == null ? "" : c.code());
    }
    List<RequestUpdate> out = new ArrayList<>();
    for (RequestHistoryEntry h : changed) {
      String key = h.requestId() + "-" + h.seq();
      boolean moved = previous.get(key) != h.status();
      if (!moved && (h.publicNote() == null || h.publicNote().isBlank())) {
        continue;
      }
      out.add(
          new RequestUpdate(
              key,
              h.requestId().toString(),
              codes.getOrDefault(h.requestId(), ""),
              h.at(),
              h.status().wireName(),
              h.status().fixMyStreet(),
              h.publicNote()));
    }
    return out;
  }

  /** The public history (internal notes included; the edge decides who sees them). */
  @TenantTransactional
  public List<HistoryView> history(String id) {
    return ServiceRequestId.parse(id)
        .map(
            rid ->
                requests.history(rid).stream()
                    .map(
                        h ->
                            new HistoryView(
                                h.seq(),
                                h.at(),
                                h.status().wireName(),
                                h.actor(),
                                h.publicNote(),
                                h.internalNote()))
                    .toList())
        .orElse(List.of());
  }

  /** The histories of {@code ids} (unknown ones have none), read at once: request id → entries. */
  @TenantTransactional
  public Map<String, List<HistoryView>> histories(List<String> ids) {
    List<ServiceRequestId> parsed =
        ids.stream().map(ServiceRequestId::parse).flatMap(Optional::stream).toList();
    Map<String, List<HistoryView>> byRequest = new java.util.LinkedHashMap<>();
    for (var h : requests.histories(parsed)) {
      byRequest
          .computeIfAbsent(h.requestId().toString(), k -> new java.util.ArrayList<>())
          .add(
              new HistoryView(
                  h.seq(),
                  h.at(),
                  h.status().wireName(),
                  h.actor(),
                  h.publicNote(),
                  h.internalNote()));
    }
    return byRequest;
  }

  /** {@code open} and {@code closed} (Open311) or a detailed status such as {@code in_progress}. */
  static Set<ServiceRequestStatus> statuses(Set<String> names) {
    Set<ServiceRequestStatus> statuses = EnumSet.noneOf(ServiceRequestStatus.class);
    for (String name : names) {
      for (ServiceRequestStatus s : ServiceRequestStatus.values()) {
        if (s.open311().equals(name)) {
          statuses.add(s);
        }
      }
      ServiceRequestStatus.fromWire(name).ifPresent(statuses::add);
    }
    return statuses;
  }

  Map<String, CategorySummary> categoriesById() {
    return catalogue.allCategories().stream()
        .collect(Collectors.toMap(CategorySummary::id, Function.identity()));
  }

  static RequestSummary summarise(ServiceRequest r, Map<String, CategorySummary> byId) {
    CategorySummary c = byId.get(r.categoryId().toString());
    return RequestSummary.of(
        r,
        c == null ? null : c.code(),
        c == null ? null : c.name(),
        c == null ? null : c.departmentName());
  }
}
