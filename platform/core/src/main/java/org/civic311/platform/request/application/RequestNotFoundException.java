package org.civic311.platform.request.application;

/** The current city has no request with this id (another city's id included). */
public class RequestNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RequestNotFoundException(String id) {
    super("This city has no service request '" + id + "'.", null, false, false);
  }
}
