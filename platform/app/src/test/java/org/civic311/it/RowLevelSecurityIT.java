package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.civic311.devstack.DatabaseBootstrap;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wall 2, without the application in the way: plain SQL with no tenant filter, run as the role the
 * application connects with, sees and changes only the city set in its transaction, and nothing at
 * all when none is set.
 */
class RowLevelSecurityIT extends PlatformIT {
  private TestCity east;
  private TestCity west;
  private final UUID eastCategory = UUID.randomUUID();

  @BeforeEach
  void twoCities() throws Exception {
    east = Db.createCity("east");
    west = Db.createCity("west");
    Db.addCategory(east, eastCategory, "graffiti", "East Graffiti");
    Db.addCategory(west, UUID.randomUUID(), "graffiti", "West Graffiti");
  }

  @Test
  void withNoCitySetTheApplicationRoleSeesNoRowAtAll() throws Exception {
    try (Connection app = Db.asApp()) {
      assertThat(count(app, "select count(*) from service_category")).isZero();
      assertThat(count(app, "select count(*) from service_request")).isZero();
    }
  }

  @Test
  void anUnfilteredQuerySeesOnlyTheCitySetInTheTransaction() throws Exception {
    try (Connection app = Db.asApp()) {
      app.setAutoCommit(false);
      Db.bind(app, west);
      List<String> tenants = new ArrayList<>();
      try (ResultSet rs =
          app.createStatement()
              .executeQuery("select distinct tenant_id::text from service_category")) {
        while (rs.next()) {
          tenants.add(rs.getString(1));
        }
      }
      app.commit();
      assertThat(tenants).containsExactly(west.id().toString());
    }
  }

  @Test
  void theCityDoesNotOutliveItsTransactionOnAPooledConnection() throws Exception {
    try (Connection app = Db.asApp()) {
      app.setAutoCommit(false);
      Db.bind(app, east);
      assertThat(count(app, "select count(*) from service_category")).isPositive();
      app.commit();
      assertThat(count(app, "select count(*) from service_category")).isZero();
      app.rollback();
    }
  }

  @Test
  void anotherCitysRowsCannotBeUpdatedOrDeleted() throws Exception {
    try (Connection app = Db.asApp()) {
      app.setAutoCommit(false);
      Db.bind(app, west);
      try (PreparedStatement update =
              app.prepareStatement("update service_category set name = 'hijacked' where id = ?");
          PreparedStatement delete =
              app.prepareStatement("delete from service_category where id = ?")) {
        update.setObject(1, eastCategory);
        delete.setObject(1, eastCategory);
        assertThat(update.executeUpdate()).isZero();
        assertThat(delete.executeUpdate()).isZero();
      }
      app.commit();
    }
    assertThat(Db.count(east, "service_category")).isEqualTo(1);
  }

  @Test
  void aRowCannotBeWrittenForAnotherCity() throws Exception {
    try (Connection app = Db.asApp()) {
      app.setAutoCommit(false);
      Db.bind(app, west);
      try (PreparedStatement insert =
          app.prepareStatement(
              "insert into service_category (tenant_id, id, code, name) values (?, ?, 'planted', 'Planted')")) {
        insert.setObject(1, east.id());
        insert.setObject(2, UUID.randomUUID());
        assertThatThrownBy(insert::executeUpdate)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("row-level security");
      }
      app.rollback();
    }
    assertThat(Db.count(east, "service_category")).isEqualTo(1);
  }

  /** Every tenant-owned table, found in the catalogue: tables added later are covered too. */
  @Test
  void everyTenantOwnedTableShowsTheApplicationRoleOnlyTheBoundCity() throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection owner = Db.asOwner();
        ResultSet rs =
            owner
                .createStatement()
                .executeQuery(
                    "select c.relname from pg_class c join pg_attribute a on a.attrelid = c.oid"
                        + " where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace"
                        + " and a.attname = 'tenant_id' order by 1")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    assertThat(tables).contains("service_request_event", "outbox_event", "open311_api_key");
    try (Connection app = Db.asApp()) {
      for (String table : tables) {
        assertThat(count(app, "select count(*) from " + table))
            .as(table + " with no city")
            .isZero();
      }
      app.setAutoCommit(false);
      Db.bind(app, west);
      for (String table : tables) {
        assertThat(
                count(
                    app,
                    "select count(*) from " + table + " where tenant_id <> '" + west.id() + "'"))
            .as(table + " rows of other cities")
            .isZero();
      }
      app.commit();
    }
  }

  @Test
  void theApplicationRoleIsNeitherSuperuserNorBypassNorOwner() throws Exception {
    try (Connection owner = Db.asOwner();
        PreparedStatement role =
            owner.prepareStatement(
                "select rolsuper, rolbypassrls, rolcreaterole from pg_roles where rolname = ?");
        PreparedStatement owned =
            owner.prepareStatement(
                "select count(*) from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = ?")) {
      role.setString(1, DatabaseBootstrap.APP);
      try (ResultSet rs = role.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBoolean("rolsuper")).as("superuser").isFalse();
        assertThat(rs.getBoolean("rolbypassrls")).as("bypassrls").isFalse();
        assertThat(rs.getBoolean("rolcreaterole")).as("createrole").isFalse();
      }
      owned.setString(1, DatabaseBootstrap.APP);
      try (ResultSet rs = owned.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).as("relations owned by the application role").isZero();
      }
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
