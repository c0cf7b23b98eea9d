package org.civic311.platform.shared.application;

/**
 * The realm roles of the {@code civic311} Keycloak realm, as MicroProfile JWT's {@code groups}
 * claim carries them (docs/security.md has what each may do).
 */
public final class Roles {
  /** The SaaS provider: the provider API only, never a city's own endpoints. */
  public static final String OPERATOR = "operator";

  /** Configures the cities of their organizations. */
  public static final String CITY_ADMIN = "city-admin";

  /** Answers calls and handles any request of the cities of their organizations. */
  public static final String AGENT = "agent";

  /** Works their department's queue in the cities of their organizations. */
  public static final String DEPARTMENT_STAFF = "department-staff";

  /** A signed-in resident: follows their own requests. */
  public static final String RESIDENT = "resident";

  private Roles() {}
}
