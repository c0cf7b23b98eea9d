package org.civic311.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a database administrator does once before Civic311's first start (docs/operations.md has the
 * same SQL, and the Keycloak database): a database, an owner role for the migrations, and an
 * application role that owns nothing and cannot bypass row-level security. Idempotent.
 */
public final class DatabaseBootstrap {
  public static final String DATABASE = "civic311";
  public static final String OWNER = "civic311_owner";
  public static final String APP = "civic311_app";

  private DatabaseBootstrap() {}

  /**
   * Runs as the server's superuser ({@code postgres}, no password on the local embedded server).
   */
  public static void ensure(int port) throws SQLException {
    try (Connection admin =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
        Statement sql = admin.createStatement()) {
      sql.execute(createRole(OWNER, OWNER));
      sql.execute(createRole(APP, APP));
      createDatabase(sql, DATABASE, OWNER);
      // Keycloak keeps its own data in its own database and role, apart from Civic311's
      sql.execute(createRole(KeycloakServer.DATABASE, KeycloakServer.DATABASE));
      createDatabase(sql, KeycloakServer.DATABASE, KeycloakServer.DATABASE);
    }
    try (Connection db =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/" + DATABASE, "postgres", "");
        Statement sql = db.createStatement()) {
      sql.execute("revoke create on schema public from public");
      sql.execute("alter schema public owner to " + OWNER);
      sql.execute("grant usage on schema public to " + APP);
    }
  }

  private static void createDatabase(Statement sql, String name, String owner) throws SQLException {
    var exists = sql.executeQuery("select 1 from pg_database where datname = '" + name + "'");
    if (!exists.next()) {
      sql.execute("create database " + name + " owner " + owner);
    }
  }

  private static String createRole(String name, String password) {
    return "do $$ begin if not exists (select from pg_roles where rolname = '"
        + name
        + "') then "
        + "create role "
        + name
        + " login password '"
        + password
        + "' nosuperuser nocreatedb nocreaterole nobypassrls; "
        + "end if; end $$";
  }
}
