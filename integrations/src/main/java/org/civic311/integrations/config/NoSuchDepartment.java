package org.civic311.integrations.config;

/** The current city has no department with this code. */
public class NoSuchDepartment extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NoSuchDepartment(String code) {
    super("This city has no department '" + code + "'.", null, false, false);
  }
}
