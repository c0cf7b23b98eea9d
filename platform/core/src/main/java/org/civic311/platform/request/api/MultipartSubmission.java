package org.civic311.platform.request.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.civic311.platform.request.application.SubmitServiceRequest;
import org.civic311.platform.request.domain.RequestMedia;
import org.civic311.platform.shared.api.Problem;
import org.civic311.platform.shared.api.ProblemException;

/**
 * A native submission sent as {@code multipart/form-data}: the JSON payload in the part {@code
 * request}, the photo in the file part {@code media}. The container parses the parts (the
 * application's multipart configuration in web.xml, which Open311's photos use too).
 */
final class MultipartSubmission {
  /** The JSON part is a few kilobytes; anything this large is not a submission. */
  static final int MAX_REQUEST_PART = 256 * 1024;

  private static final Jsonb JSON = JsonbBuilder.create();

  private MultipartSubmission() {}

  /**
   * The payload of the part {@code request}: 400 naming {@code request} when absent or not JSON.
   */
  static SubmitServiceRequestPayload payload(HttpServletRequest servlet) {
    Part part = part(servlet, "request");
    if (part == null || part.getSize() == 0) {
      throw ProblemException.invalid("request", "is required: the report as JSON");
    }
    if (part.getSize() > MAX_REQUEST_PART) {
      throw ProblemException.invalid("request", "at most 256 KB");
    }
    try (InputStream in = part.getInputStream()) {
      SubmitServiceRequestPayload payload =
          JSON.fromJson(
              new String(in.readAllBytes(), StandardCharsets.UTF_8),
              SubmitServiceRequestPayload.class);
      if (payload == null) {
        throw ProblemException.invalid("request", "is required: the report as JSON");
      }
      return payload;
    } catch (JsonbException e) {
      throw ProblemException.invalid("request", "is not valid JSON of the expected shape");
    } catch (IOException e) {
      throw ProblemException.invalid("request", "could not be read");
    }
  }

  /** The photo of the part {@code media}, or null when there is none (or it is empty). */
  static SubmitServiceRequest.Photo photo(HttpServletRequest servlet) {
    Part part = part(servlet, "media");
    if (part == null || part.getSize() == 0) {
      return null;
    }
    if (part.getSize() > RequestMedia.MAX_BYTES) {
      throw refused(
          new RequestMedia.Refused(
              413, "media: the photo is larger than 10 MB; send a smaller one"));
    }
    try (InputStream in = part.getInputStream()) {
      return new SubmitServiceRequest.Photo(part.getContentType(), in.readAllBytes());
    } catch (IOException e) {
      throw ProblemException.invalid("media", "the upload could not be read");
    }
  }

  /** A refused photo as a problem naming {@code media}, with its status (400, 413 or 415). */
  static ProblemException refused(RequestMedia.Refused e) {
    String message = e.getMessage();
    int colon = message.indexOf(": ");
    String text = colon > 0 ? message.substring(colon + 2) : message;
    return new ProblemException(
        Problem.of(
            Response.Status.fromStatusCode(e.status()),
            "media " + text,
            List.of(new Problem.FieldError("media", text))));
  }

  private static Part part(HttpServletRequest servlet, String name) {
    try {
      return servlet.getPart(name);
    } catch (IllegalStateException e) {
      // the container's multipart limits (above the 10 MB a photo may have)
      throw refused(new RequestMedia.Refused(413, "media: the upload is larger than 10 MB"));
    } catch (IOException | ServletException e) {
      throw ProblemException.invalid(name, "the upload could not be read");
    }
  }
}
