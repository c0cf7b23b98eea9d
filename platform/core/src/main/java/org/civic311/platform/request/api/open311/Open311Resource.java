package org.civic311.platform.request.api.open311;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.catalogue.application.CategorySummary;
import org.civic311.platform.request.application.DuplicateRequestException;
import org.civic311.platform.request.application.HistoryView;
import org.civic311.platform.request.application.IdempotentSubmission;
import org.civic311.platform.request.application.RequestIntakeService;
import org.civic311.platform.request.application.RequestLifecycleService;
import org.civic311.platform.request.application.RequestSummary;
import org.civic311.platform.request.application.RequestUpdate;
import org.civic311.platform.request.application.SearchRequests;
import org.civic311.platform.request.application.SubmitServiceRequest;
import org.civic311.platform.request.application.UnknownServiceCode;
import org.civic311.platform.request.domain.RequestMedia;
import org.civic311.platform.shared.api.Open311Wire;
import org.civic311.platform.shared.api.Open311Wire.Format;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.shared.application.DatabaseUnavailableException;
import org.civic311.platform.shared.domain.Sha256;
import org.civic311.platform.tenancy.application.ApiKeys;
import org.civic311.platform.tenancy.application.TenantDirectory;

/**
 * Open311 GeoReport v2 for third-party apps, in XML and JSON. The city was resolved from {@code
 * jurisdiction_id} (or the host name) by the tenancy filter; every rule lives in the same
 * application services the native API uses. Errors are the standard's error list.
 */
@RequestScoped
@PermitAll
@Path("open311/v2")
public class Open311Resource {
  static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
  static final int DEFAULT_LIMIT = 1000;
  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 500;

  /** The error code Open311 servers use for a duplicate report. */
  static final int DUPLICATE = 100;

  private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z/!?]");
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,}");
  private static final OffsetDateTime STARTED = OffsetDateTime.now(ZoneOffset.UTC);

  @Inject CatalogueService catalogue;
  @Inject RequestIntakeService intake;
  @Inject RequestLifecycleService lifecycle;
  @Inject ApiKeys apiKeys;
  @Inject TenantDirectory directory;
  @Inject IdempotentSubmission idempotent;
  @Inject KeyedIntake keyedIntake;
  @Inject Clock clock;

  @Context UriInfo uri;
  @Context HttpServletRequest servlet;

  @GET
  @Path("discovery.{format:xml|json}")
  public Response discovery(@PathParam("format") String format) {
    String base = uri.getBaseUriBuilder().path("open311/v2").build().toString();
    // a city's discovery (named by jurisdiction_id or host) changes with its catalogue
    java.time.OffsetDateTime changeset =
        CurrentTenant.get().isPresent()
            ? catalogue.changedAt().filter(t -> t.isAfter(STARTED)).orElse(STARTED)
            : STARTED;
    List<Map<String, Object>> endpoints = new ArrayList<>();
    for (String type : List.of("production", "test")) {
      Map<String, Object> endpoint = Open311Wire.record();
      endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
      endpoint.put("url", base);
      endpoint.put("changeset", Open311Wire.time(changeset));
      endpoint.put("type", type);
      endpoint.put("formats", List.of("text/xml", "application/json"));
      endpoints.add(endpoint);
    }
    Map<String, Object> discovery = Open311Wire.record();
    discovery.put("changeset", Open311Wire.time(changeset));
    discovery.put(
        "contact", "Each city's 311 centre; see GET /api/v1/cities for the cities served.");
    discovery.put("key_service", "API keys are issued by each city's administrator.");
    discovery.put("endpoints", endpoints);
    return Open311Wire.object(Format.of(format), "discovery", discovery);
  }

  /**
   * The OpenAPI 3 document of this API, written from the standard's text: what a client developer
   * reads, and what the integration tests check every JSON answer against.
   */
  @GET
  @Path("openapi.yaml")
  @Produces("application/yaml")
  public Response openapi() {
    return Response.ok(
            Open311Resource.class
                .getClassLoader()
                .getResourceAsStream("META-INF/resources/open311/v2/openapi.yaml"))
        .type("application/yaml; charset=utf-8")
        .header("Cache-Control", "public, max-age=3600")
        .build();
  }

  @GET
  @Path("services.{format:xml|json}")
  public Response services(@PathParam("format") String format) {
    return guarded(
        format,
        () -> {
          List<Map<String, Object>> services = new ArrayList<>();
          for (CategorySummary c :
              catalogue.publicCategories(decimal("lat"), decimal("long"), param("locale"))) {
            services.add(service(c));
          }
          return Open311Wire.list(Response.Status.OK, Format.of(format), "services", services);
        });
  }

  @GET
  @Path("services/{code}.{format:xml|json}")
  public Response definition(@PathParam("code") String code, @PathParam("format") String format) {
    return guarded(
        format,
        () -> {
          Optional<CategorySummary> category =
              catalogue.byCode(code).filter(c -> c.active() && !c.staffOnly());
          if (category.isEmpty()) {
            return Open311Wire.error(
                Response.Status.NOT_FOUND,
                Format.of(format),
                "service_code '" + code + "' was not found.");
          }
          Map<String, Object> definition = Open311Wire.record();
          definition.put("service_code", category.get().code());
          List<Map<String, Object>> attributes = new ArrayList<>();
          for (var a : category.get().attributes()) {
            Map<String, Object> attribute = Open311Wire.record();
            attribute.put("variable", !Boolean.FALSE.equals(a.variable()));
            attribute.put("code", a.code());
            attribute.put("datatype", a.datatype());
            attribute.put("required", Boolean.TRUE.equals(a.required()));
            attribute.put("datatype_description", a.datatypeDescription());
            attribute.put("order", a.order() == null ? 0 : a.order());
            attribute.put("description", a.description());
            if (a.values() != null) {
              List<Map<String, Object>> values = new ArrayList<>();
              for (var v : a.values()) {
                Map<String, Object> value = Open311Wire.record();
                value.put("key", v.key());
                value.put("name", v.name());
                values.add(value);
              }
              attribute.put("values", values);
            }
            attributes.add(attribute);
          }
          definition.put("attributes", attributes);
          return Open311Wire.object(Format.of(format), "service_definition", definition);
        });
  }

  @GET
  @Path("requests.{format:xml|json}")
  public Response requests(@PathParam("format") String format) {
    return guarded(
        format,
        () -> {
          List<String> ids = list(param("service_request_id"));
          Set<String> codes = new LinkedHashSet<>(list(param("service_code")));
          Set<String> statuses = new LinkedHashSet<>(list(param("status")));
          for (String status : statuses) {
            if (!status.equals("open") && !status.equals("closed")) {
              throw new IllegalArgumentException("status: '" + status + "' must be open or closed");
            }
          }
          OffsetDateTime start = date("start_date");
          OffsetDateTime end = date("end_date");
          if (ids.isEmpty()) {
            if (start == null && end == null) {
              end = OffsetDateTime.now(clock);
              start = end.minus(DEFAULT_WINDOW);
            } else if (start == null) {
              start = end.minus(DEFAULT_WINDOW);
            } else if (end == null) {
              end = OffsetDateTime.now(clock);
            }
            if (start.isAfter(end)) {
              throw new IllegalArgumentException("start_date: must not be after end_date");
            }
            if (Duration.between(start, end).compareTo(DEFAULT_WINDOW) > 0) {
              throw new IllegalArgumentException(
                  "end_date: the range may not span more than 90 days");
            }
          }
          int offset = 0;
          int limit = DEFAULT_LIMIT;
          String page = param("page");
          String pageSize = param("page_size");
          if (page != null || pageSize != null) {
            limit =
                pageSize == null
                    ? DEFAULT_PAGE_SIZE
                    : positive("page_size", pageSize, MAX_PAGE_SIZE);
            offset = (page == null ? 0 : positive("page", page, 1_000_000) - 1) * limit;
          }
          List<RequestSummary> found =
              intake.search(new SearchRequests(ids, codes, statuses, start, end, offset, limit));
          return Open311Wire.list(
              Response.Status.OK,
              Format.of(format),
              "service_requests",
              records(publicOnly(found)));
        });
  }

  @GET
  @Path("requests/{id}.{format:xml|json}")
  public Response request(@PathParam("id") String id, @PathParam("format") String format) {
    return guarded(
        format,
        () -> {
          Optional<RequestSummary> found = publicRequest(id);
          if (found.isEmpty()) {
            return unknownRequest(format, id);
          }
          return Open311Wire.list(
              Response.Status.OK,
              Format.of(format),
              "service_requests",
              records(List.of(found.get())));
        });
  }

  /**
   * FixMyStreet's {@code servicerequestupdates}: the city's public updates (status changes and
   * public notes) in a window of at most 90 days (default: the last 24 hours), with its extended
   * statuses.
   */
  @GET
  @Path("servicerequestupdates.{format:xml|json}")
  public Response updates(@PathParam("format") String format) {
    return guarded(
        format,
        () -> {
          OffsetDateTime end =
              Optional.ofNullable(date("end_date")).orElse(OffsetDateTime.now(clock));
          OffsetDateTime start = Optional.ofNullable(date("start_date")).orElse(end.minusDays(1));
          if (start.isAfter(end)) {
            throw new IllegalArgumentException("start_date: must not be after end_date");
          }
          if (Duration.between(start, end).compareTo(DEFAULT_WINDOW) > 0) {
            throw new IllegalArgumentException(
                "end_date: the range may not span more than 90 days");
          }
          Set<String> hidden = staffOnlyCodes();
          List<Map<String, Object>> records = new ArrayList<>();
          for (RequestUpdate u : intake.updates(start, end, DEFAULT_LIMIT)) {
            if (hidden.contains(u.categoryCode())) {
              continue;
            }
            Map<String, Object> m = Open311Wire.record();
            m.put("update_id", u.updateId());
            m.put("service_request_id", u.requestId());
            m.put("status", u.fixMyStreetStatus());
            m.put("description", u.publicNote() == null ? "" : u.publicNote());
            m.put("updated_datetime", Open311Wire.time(u.at()));
            records.add(m);
          }
          return Open311Wire.list(
              Response.Status.OK, Format.of(format), "service_request_updates", records);
        });
  }

  /**
   * FixMyStreet posts a resident's update: a public note on the request, and with {@code status}
   * {@code OPEN} or {@code reopen} on a closed request, a reopening. Needs the city's api_key.
   */
  @POST
  @Path("servicerequestupdates.{format:xml|json}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response postUpdate(@PathParam("format") String format) {
    return guarded(
        format,
        () -> {
          if (!apiKeys.isValid(param("api_key"))) {
            return wrongKey(format);
          }
          String id = param("service_request_id");
          if (id == null) {
            throw new IllegalArgumentException("service_request_id: was not provided");
          }
          String description = param("description");
          if (description == null) {
            throw new IllegalArgumentException("description: was not provided");
          }
          if (description.length() > 4000) {
            throw new IllegalArgumentException("description: at most 4000 characters");
          }
          if (MARKUP.matcher(description).find()) {
            throw new IllegalArgumentException("description: must not contain HTML or code");
          }
          String status = Optional.ofNullable(param("status")).orElse("").toLowerCase(Locale.ROOT);
          if (!status.isEmpty() && !UPDATE_STATUSES.contains(status)) {
            throw new IllegalArgumentException(
                "status: '" + param("status") + "' must be OPEN, CLOSED or reopen");
          }
          Optional<RequestSummary> found = publicRequest(id);
          if (found.isEmpty()) {
            return unknownRequest(format, id);
          }
          boolean reopen =
              !found.get().status().isOpen() && (status.equals("open") || status.equals("reopen"));
          String next = reopen ? "reopened" : found.get().status().wireName();
          lifecycle.changeStatus(id, next, "open311", description, null);
          List<HistoryView> history = intake.history(id);
          Map<String, Object> m = Open311Wire.record();
          m.put("update_id", id + "-" + history.get(history.size() - 1).seq());
          return Open311Wire.list(
              Response.Status.OK, Format.of(format), "service_request_updates", List.of(m));
        });
  }

  private static final Set<String> UPDATE_STATUSES = Set.of("open", "closed", "reopen");

  private static Response wrongKey(String format) {
    return Open311Wire.error(
        Response.Status.FORBIDDEN,
        Format.of(format),
        "Invalid or missing api_key; ask the city for a key.");
  }

  private static Response unknownRequest(String format, String id) {
    return Open311Wire.error(
        Response.Status.NOT_FOUND,
        Format.of(format),
        "service_request_id '" + id + "' was not found.");
  }

  /** The singular spelling some published OpenAPI files use. */
  @GET
  @Path("request/{id}.{format:xml|json}")
  public Response requestSingular(@PathParam("id") String id, @PathParam("format") String format) {
    return request(id, format);
  }

  /** Requests are created in real time, so a token is the request's own id. */
  @GET
  @Path("tokens/{token}.{format:xml|json}")
  public Response token(@PathParam("token") String token, @PathParam("format") String format) {
    return guarded(
        format,
        () -> {
          Optional<RequestSummary> found = publicRequest(token);
          if (found.isEmpty()) {
            return Open311Wire.error(
                Response.Status.NOT_FOUND,
                Format.of(format),
                "token '" + token + "' was not found.");
          }
          Map<String, Object> record = Open311Wire.record();
          record.put("service_request_id", found.get().id());
          record.put("token", token);
          return Open311Wire.list(
              Response.Status.OK, Format.of(format), "service_requests", List.of(record));
        });
  }

  @POST
  @Path("requests.{format:xml|json}")
  @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
  public Response create(@PathParam("format") String format) {
    return guarded(
        format,
        () -> {
          for (Map.Entry<String, String[]> p : servlet.getParameterMap().entrySet()) {
            for (String value : p.getValue()) {
              if (value.indexOf('\uFFFD') >= 0) {
                throw new IllegalArgumentException(p.getKey() + ": is not valid UTF-8");
              }
            }
          }
          String apiKey = param("api_key");
          if (param("me_too") != null) {
            return apiKeys.isValid(apiKey) ? meToo(format, param("me_too")) : wrongKey(format);
          }
          SubmitServiceRequest submission;
          try {
            submission = submission();
          } catch (RuntimeException badInput) {
            // a caller without a valid key learns nothing about its input: 403 comes first
            if (!apiKeys.isValid(apiKey)) {
              return wrongKey(format);
            }
            throw badInput;
          }
          String idempotencyKey = servlet.getHeader("Idempotency-Key");
          RequestSummary created;
          if (idempotencyKey == null) {
            // the key check and the submission in one transaction: one round of BEGIN, bind and
            // COMMIT fewer than checking the key on its own
            Optional<RequestSummary> submitted = keyedIntake.submit(apiKey, submission);
            if (submitted.isEmpty()) {
              return wrongKey(format);
            }
            created = submitted.get();
          } else {
            if (!apiKeys.isValid(apiKey)) {
              return wrongKey(format);
            }
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
              throw new IllegalArgumentException("Idempotency-Key: must be 1 to 255 characters");
            }
            IdempotentSubmission.Outcome outcome =
                idempotent.submit(
                    idempotencyKey.strip(),
                    fingerprint(
                        submission.photo() == null ? "" : Sha256.hex(submission.photo().content())),
                    submission);
            switch (outcome.kind()) {
              case OTHER_BODY:
                return Open311Wire.error(
                    422,
                    Format.of(format),
                    "Idempotency-Key was already used with a different request.");
              case IN_FLIGHT:
                return Open311Wire.error(
                    Response.Status.CONFLICT,
                    Format.of(format),
                    "A request with this Idempotency-Key is still being handled; retry shortly.");
              default:
                created = outcome.request();
            }
          }
          Map<String, Object> record = Open311Wire.record();
          record.put("service_request_id", created.id());
          return Open311Wire.list(
              Response.Status.OK, Format.of(format), "service_requests", List.of(record));
        });
  }

  /**
   * The report a POST describes, checked at the edge (markup, e-mail form, photo type and size);
   * the submission checks the rest.
   */
  private SubmitServiceRequest submission() {
    String code = param("service_code");
    if (code == null) {
      throw new IllegalArgumentException("service_code: was not provided");
    }
    // an unknown, withdrawn or staff-only code is refused by the submission itself (404)
    String description = param("description");
    if (description != null && MARKUP.matcher(description).find()) {
      throw new IllegalArgumentException("description: must not contain HTML or code");
    }
    String email = param("email");
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw new IllegalArgumentException("email: is not an e-mail address");
    }
    String address = Optional.ofNullable(param("address_string")).orElse(param("address_id"));
    if (address != null && MARKUP.matcher(address).find()) {
      throw new IllegalArgumentException("address_string: must not contain HTML or code");
    }
    SubmitServiceRequest.Photo photo = photo();
    return new SubmitServiceRequest(
        code,
        description,
        decimal("lat"),
        decimal("long"),
        address,
        "open311",
        acknowledged(),
        null,
        email,
        answers(),
        false,
        "true".equalsIgnoreCase(param("email_alerts_requested")),
        param("locale"),
        photo,
        param("media_url"),
        fullName(param("first_name"), param("last_name")));
  }

  /**
   * "Me too" (an extension): instead of a new report, the resident's support goes to the open
   * request {@code id} (typically the one a duplicate error named), and their {@code email} follows
   * it once confirmed. The answer names that request, with a notice.
   */
  private Response meToo(String format, String id) {
    Optional<RequestSummary> found = publicRequest(id);
    if (found.isEmpty()) {
      return unknownRequest(format, id);
    }
    String email = param("email");
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw new IllegalArgumentException("email: is not an e-mail address");
    }
    RequestSummary supported = lifecycle.support(id, email, param("locale"), "open311");
    Map<String, Object> record = Open311Wire.record();
    record.put("service_request_id", supported.id());
    record.put(
        "service_notice",
        "Your support was added to request "
            + supported.id()
            + "; confirm the message sent to your e-mail to follow it.");
    return Open311Wire.list(
        Response.Status.OK, Format.of(format), "service_requests", List.of(record));
  }

  /** GeoReport v2's {@code first_name} and {@code last_name}, as one name (null when neither). */
  private static String fullName(String first, String last) {
    String name =
        ((first == null ? "" : first.strip()) + " " + (last == null ? "" : last.strip())).strip();
    return name.isEmpty() ? null : name;
  }

  /** FixMyStreet-style clients acknowledge with a header; others with a parameter. */
  private boolean acknowledged() {
    return "true".equalsIgnoreCase(servlet.getHeader("X-Acknowledge-Duplicate"))
        || "true".equalsIgnoreCase(param("acknowledge_duplicate"));
  }

  /**
   * The photo of a {@code multipart/form-data} POST (GeoReport v2.1 draft: the part {@code media}),
   * if there is one. The container parses the parts (the application's multipart configuration).
   */
  private SubmitServiceRequest.Photo photo() {
    String type = servlet.getContentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return null;
    }
    try {
      jakarta.servlet.http.Part part = servlet.getPart("media");
      if (part == null || part.getSize() == 0) {
        return null;
      }
      if (part.getSize() > RequestMedia.MAX_BYTES) {
        throw new RequestMedia.Refused(
            413, "media: the photo is larger than 10 MB; send a smaller one");
      }
      try (java.io.InputStream in = part.getInputStream()) {
        return new SubmitServiceRequest.Photo(part.getContentType(), in.readAllBytes());
      }
    } catch (IllegalStateException e) {
      throw new RequestMedia.Refused(413, "media: the upload is larger than 10 MB");
    } catch (java.io.IOException | jakarta.servlet.ServletException e) {
      throw new IllegalArgumentException("media: the upload could not be read");
    }
  }

  /** The body as the client sent it (and its photo's digest), less the key that authorised it. */
  private String fingerprint(String photoDigest) {
    StringBuilder canonical =
        new StringBuilder(photoDigest.isEmpty() ? "" : "media=" + photoDigest + "\n");
    new TreeMap<>(servlet.getParameterMap())
        .forEach(
            (name, values) -> {
              if (!name.equals("api_key")) {
                for (String value : values) {
                  canonical.append(name).append('=').append(value).append('\n');
                }
              }
            });
    return Sha256.hex(canonical.toString());
  }

  // ---- records

  private static Map<String, Object> service(CategorySummary c) {
    Map<String, Object> s = Open311Wire.record();
    s.put("service_code", c.code());
    s.put("service_name", c.name());
    s.put("description", c.description());
    s.put("metadata", !c.attributes().isEmpty()); // true: fetch services/{code} for questions
    s.put("type", "realtime");
    s.put("keywords", String.join(", ", c.keywords()));
    s.put("group", c.group());
    return s;
  }

  /** Open311's {@code attribute[code]=value} and {@code attribute[code][]=value} parameters. */
  private Map<String, List<String>> answers() {
    Map<String, List<String>> answers = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, String[]> p : servlet.getParameterMap().entrySet()) {
      java.util.regex.Matcher m = ATTRIBUTE.matcher(p.getKey());
      if (m.matches()) {
        answers.computeIfAbsent(m.group(1), k -> new ArrayList<>()).addAll(List.of(p.getValue()));
      } else if (p.getKey().startsWith("attribute")) {
        throw new IllegalArgumentException(p.getKey() + ": is not attribute[code]");
      }
    }
    return answers;
  }

  private static final jakarta.json.bind.Jsonb JSONB = jakarta.json.bind.JsonbBuilder.create();

  /** A request's stored answers, as the extended attributes show them (code → values). */
  private static List<Map<String, Object>> answersOf(String json) {
    Map<String, List<String>> stored =
        JSONB.fromJson(
            json,
            new java.util.HashMap<String, List<String>>() {}.getClass().getGenericSuperclass());
    List<Map<String, Object>> out = new ArrayList<>();
    new java.util.TreeMap<>(stored)
        .forEach(
            (code, values) -> {
              Map<String, Object> a = Open311Wire.record();
              a.put("code", code);
              a.put("value", String.join(",", values));
              out.add(a);
            });
    return out;
  }

  private static final java.util.regex.Pattern ATTRIBUTE =
      java.util.regex.Pattern.compile("attribute\\[([A-Za-z0-9_-]{1,60})](?:\\[])?");

  /** A request of the city that the public may see (not of a staff-only category). */
  private Optional<RequestSummary> publicRequest(String id) {
    return intake.findPublic(id);
  }

  /** Codes of the categories kept for staff: their requests are not in the public feed. */
  private java.util.Set<String> staffOnlyCodes() {
    return catalogue.allCategories().stream()
        .filter(CategorySummary::staffOnly)
        .map(CategorySummary::code)
        .collect(java.util.stream.Collectors.toSet());
  }

  private List<RequestSummary> publicOnly(List<RequestSummary> requests) {
    java.util.Set<String> hidden = staffOnlyCodes();
    return hidden.isEmpty()
        ? requests
        : requests.stream().filter(r -> !hidden.contains(r.categoryCode())).toList();
  }

  private List<Map<String, Object>> records(List<RequestSummary> requests) {
    boolean extensions = "true".equalsIgnoreCase(param("extensions"));
    // one read for every request's notes, not one per request
    Map<String, List<HistoryView>> histories =
        extensions
            ? intake.histories(requests.stream().map(RequestSummary::id).toList())
            : Map.of();
    List<Map<String, Object>> records = new ArrayList<>();
    for (RequestSummary r : requests) {
      Map<String, Object> m = Open311Wire.record();
      m.put("service_request_id", r.id());
      m.put("status", r.status().open311());
      m.put("service_name", r.categoryName());
      m.put("service_code", r.categoryCode());
      m.put("description", r.description());
      m.put("agency_responsible", r.agency());
      m.put("requested_datetime", Open311Wire.time(r.createdAt()));
      m.put("updated_datetime", Open311Wire.time(r.updatedAt()));
      m.put("expected_datetime", Open311Wire.time(r.expectedAt()));
      m.put("address", r.address());
      m.put("lat", r.latitude());
      m.put("long", r.longitude());
      m.put("media_url", mediaUrl(r));
      if (extensions) {
        Map<String, Object> extended = Open311Wire.record();
        extended.put("channel", r.channel());
        extended.put("detailed_status", r.status().fixMyStreet());
        extended.put("duplicate", r.parentId() != null);
        extended.put("parent_service_request_id", r.parentId());
        extended.put(
            "attributes", r.attributesJson() == null ? null : answersOf(r.attributesJson()));
        m.put("extended_attributes", extended);
        List<Map<String, Object>> notes = new ArrayList<>();
        for (HistoryView h : histories.getOrDefault(r.id(), List.of())) {
          Map<String, Object> note = Open311Wire.record();
          note.put("datetime", Open311Wire.time(h.at()));
          note.put("status", h.status());
          note.put("summary", h.publicNote());
          notes.add(note);
        }
        m.put("notes", notes);
      }
      records.add(m);
    }
    return records;
  }

  /** The request's photo: the one sent with it (served by the API), or the client's own link. */
  private String mediaUrl(RequestSummary r) {
    if (r.mediaId() != null) {
      return uri.getBaseUriBuilder()
          .path("api/v1/cities/{city}/media/{id}")
          .build(directory.currentCity().slug(), r.mediaId())
          .toString();
    }
    return r.mediaUrl();
  }

  // ---- parameters: an empty parameter is an absent one

  private String param(String name) {
    String value = servlet.getParameter(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static List<String> list(String value) {
    return value == null
        ? List.of()
        : Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  private OffsetDateTime date(String name) {
    String value = param(name);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + ": must be a W3 date-time with a zone, e.g. 2026-01-01T00:00:00Z");
    }
  }

  private BigDecimal decimal(String name) {
    String value = param(name);
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": '" + value + "' is not a number");
    }
  }

  private static int positive(String name, String value, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + ": must be a whole number from 1 to " + max);
  }

  /** Runs {@code work}, answering the standard's error list for what a caller can get wrong. */
  private Response guarded(String format, java.util.function.Supplier<Response> work) {
    try {
      return work.get();
    } catch (UnknownServiceCode e) {
      return Open311Wire.error(
          Response.Status.NOT_FOUND,
          Format.of(format),
          "service_code '" + param("service_code") + "' was not found.");
    } catch (org.civic311.platform.shared.application.RuleViolations e) {
      return Open311Wire.errors(
          Response.Status.BAD_REQUEST,
          Format.of(format),
          e.violations().stream().map(v -> v.field() + " " + v.message()).toList());
    } catch (IllegalArgumentException e) {
      String message =
          e.getMessage() == null
              ? "The request is invalid."
              : e.getMessage().replaceFirst(": ", " ");
      return Open311Wire.error(Response.Status.BAD_REQUEST, Format.of(format), message);
    } catch (RequestMedia.Refused e) {
      return Open311Wire.error(
          e.status(), Format.of(format), e.getMessage().replaceFirst(": ", " "));
    } catch (DuplicateRequestException e) {
      return Open311Wire.error(
          400,
          DUPLICATE,
          Format.of(format),
          "Duplicate: open request "
              + e.existing().get(0).id()
              + " reports this nearby. Send me_too="
              + e.existing().get(0).id()
              + " (with email) to support it, or X-Acknowledge-Duplicate: true to report it"
              + " anyway.");
    } catch (DatabaseUnavailableException e) {
      return Response.fromResponse(
              Open311Wire.error(
                  Response.Status.SERVICE_UNAVAILABLE,
                  Format.of(format),
                  "The service is unavailable; try again shortly."))
          .header("Retry-After", "10")
          .build();
    }
  }
}
