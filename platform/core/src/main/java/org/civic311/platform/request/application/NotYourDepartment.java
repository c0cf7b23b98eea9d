package org.civic311.platform.request.application;

/** Department staff tried to change a request of a department they are not a member of. */
public class NotYourDepartment extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotYourDepartment(String message) {
    super(message);
  }
}
