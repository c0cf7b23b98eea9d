package org.civic311.platform.request.application;

/**
 * A staff member at work on the city's requests, as the edge found them in their token.
 *
 * @param username the identity server's user name; history entries and assignments name it
 * @param departmentOnly whether they act as department staff only (no agent or administrator role
 *     in this city): they may then change only the requests of their own departments
 */
public record Worker(String username, boolean departmentOnly) {
  public Worker {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("actor: is required");
    }
  }
}
