package org.civic311.platform.app;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The application role's connection pool, configured from MicroProfile Config (environment
 * variables override). It starts empty so the deployment comes up while the database is away;
 * connections are validated on borrow, at most once every 5 s each (a validation is a round trip to
 * the database, and a request borrows a connection per transaction), so a restarted database is
 * picked up again within seconds. {@code stringtype=unspecified} lets PostgreSQL type text
 * parameters (uuid columns).
 */
@DataSourceDefinition(
    name = "java:app/jdbc/civic311",
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=civic311.db.url}",
    user = "${MPCONFIG=civic311.db.user}",
    password = "${MPCONFIG=civic311.db.password}",
    initialPoolSize = 0,
    minPoolSize = 0,
    maxPoolSize = 32,
    loginTimeout = 5,
    properties = {
      "stringType=unspecified",
      "connectTimeout=5",
      "ApplicationName=civic311",
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
      "fish.payara.validate-atmost-once-period-in-seconds=5",
      "fish.payara.fail-all-connections=true"
    })
@WebListener
public class DataSources implements ServletContextListener {}
