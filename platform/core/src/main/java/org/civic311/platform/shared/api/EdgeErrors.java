package org.civic311.platform.shared.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * One error, in the language of the address it answers: the standard's error list on Open311 paths,
 * a problem detail everywhere else.
 */
final class EdgeErrors {
  private EdgeErrors() {}

  static Response respond(UriInfo uri, Response.StatusType status, String detail) {
    String path = uri == null ? "" : uri.getPath();
    if (path.startsWith("open311/") || path.startsWith("/open311/")) {
      return Open311Wire.error(status, Open311Wire.formatOf(path), detail);
    }
    return Problem.of(status, detail).toResponse();
  }
}
