package org.civic311.platform.shared.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the database is and which two roles reach it. The owner role runs the migrations and owns
 * every table; the application role (the connection pool) owns nothing and is subject to row-level
 * security. Environment variables override: {@code CIVIC311_DB_URL}, {@code CIVIC311_DB_USER},
 * {@code CIVIC311_DB_PASSWORD}, {@code CIVIC311_DB_OWNER_USER}, {@code CIVIC311_DB_OWNER_PASSWORD}.
 */
@ApplicationScoped
public class Database {
  /** The JNDI name of the application role's pool, declared in the WAR. */
  public static final String DATASOURCE = "java:app/jdbc/civic311";

  @Inject
  @ConfigProperty(name = "civic311.db.url")
  String url;

  @Inject
  @ConfigProperty(name = "civic311.db.user")
  String appUser;

  @Inject
  @ConfigProperty(name = "civic311.db.owner-user")
  String ownerUser;

  @Inject
  @ConfigProperty(name = "civic311.db.owner-password")
  Optional<String> ownerPassword;

  public String url() {
    return url;
  }

  /** The URL without credentials or parameters, safe to put in a log line or a health report. */
  public String displayUrl() {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  public String appUser() {
    return appUser;
  }

  public String ownerUser() {
    return ownerUser;
  }

  public String ownerPassword() {
    return ownerPassword.orElse("");
  }
}
