package org.civic311.platform.request.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A resident's new request, as any channel hands it in. {@code channel} is a wire name ({@code
 * phone}, {@code web}, {@code mobile_app}, {@code open311}, {@code chat}, {@code email}, {@code
 * counter}); empty means web. Unless {@code acknowledgeDuplicate}, an open request of the same
 * category nearby refuses the submission ({@link DuplicateRequestException}). The reporter's
 * account ({@code reporterSubject}) and contact e-mail are optional: anonymous is the default. With
 * {@code subscribe} and an e-mail, the reporter follows the request by e-mail in {@code locale} (a
 * language the city offers; empty means the city's first). A {@code photo} sent with it is kept
 * with the request; otherwise {@code mediaUrl} may link to one the client hosts. The reporter's
 * name ({@code reporterName}) is optional too, and shown only to the city's staff.
 */
public record SubmitServiceRequest(
    String categoryCode,
    String description,
    BigDecimal latitude,
    BigDecimal longitude,
    String address,
    String channel,
    boolean acknowledgeDuplicate,
    String reporterSubject,
    String reporterEmail,
    Map<String, List<String>> attributes,
    boolean byStaff,
    boolean subscribe,
    String locale,
    Photo photo,
    String mediaUrl,
    String reporterName) {

  /** A photo as the client sent it: its declared type and its bytes. */
  public record Photo(String contentType, byte[] content) {}

  /** A submission without a photo. */
  public SubmitServiceRequest(
      String categoryCode,
      String description,
      BigDecimal latitude,
      BigDecimal longitude,
      String address,
      String channel,
      boolean acknowledgeDuplicate,
      String reporterSubject,
      String reporterEmail,
      Map<String, List<String>> attributes,
      boolean byStaff,
      boolean subscribe,
      String locale) {
    this(
        categoryCode,
        description,
        latitude,
        longitude,
        address,
        channel,
        acknowledgeDuplicate,
        reporterSubject,
        reporterEmail,
        attributes,
        byStaff,
        subscribe,
        locale,
        null,
        null,
        null);
  }

  /** The same submission without e-mail updates. */
  public SubmitServiceRequest(
      String categoryCode,
      String description,
      BigDecimal latitude,
      BigDecimal longitude,
      String address,
      String channel,
      boolean acknowledgeDuplicate,
      String reporterSubject,
      String reporterEmail,
      Map<String, List<String>> attributes,
      boolean byStaff) {
    this(
        categoryCode,
        description,
        latitude,
        longitude,
        address,
        channel,
        acknowledgeDuplicate,
        reporterSubject,
        reporterEmail,
        attributes,
        byStaff,
        false,
        null,
        null,
        null,
        null);
  }
}
