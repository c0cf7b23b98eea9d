package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.civic311.devstack.DatabaseBootstrap;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.PlatformIT;
import org.civic311.it.support.TestStack;
import org.civic311.platform.catalogue.domain.ServiceCategory;
import org.civic311.platform.shared.domain.TenantOwned;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wall 1 through JPA: the production entities and EclipseLink settings, connected as the
 * application role, each unit of work bound to a city the way TenantTransactionInterceptor binds
 * it. Rows written as one city can be neither found, queried, updated nor deleted as another, and
 * one EntityManagerFactory (one shared cache) never hands one city's row to another city even when
 * both rows have the same id.
 */
class JpaTenantIsolationIT extends PlatformIT {
  private EntityManagerFactory emf;
  private TestCity lethbridgeLike;
  private TestCity calgaryLike;
  private final UUID sameId = UUID.randomUUID();
  private final UUID onlyFirst = UUID.randomUUID();

  @BeforeEach
  void citiesAndFactory() throws Exception {
    lethbridgeLike = Db.createCity("jpa-a");
    calgaryLike = Db.createCity("jpa-b");
    Db.addCategory(lethbridgeLike, sameId, "tree", "A tree");
    Db.addCategory(calgaryLike, sameId, "tree", "B tree");
    Db.addCategory(lethbridgeLike, onlyFirst, "only-a", "Only in A");
    emf =
        Persistence.createEntityManagerFactory(
            "civic311-se",
            Map.of(
                "jakarta.persistence.jdbc.url", TestStack.jdbcUrl() + "?stringtype=unspecified",
                "jakarta.persistence.jdbc.user", DatabaseBootstrap.APP,
                "jakarta.persistence.jdbc.password", DatabaseBootstrap.APP));
  }

  @AfterEach
  void closeFactory() {
    emf.close();
  }

  @Test
  void findReturnsTheCitysOwnRowForAnIdentifierBothCitiesUse() {
    assertThat(nameAs(lethbridgeLike, sameId)).isEqualTo("A tree");
    assertThat(nameAs(calgaryLike, sameId)).isEqualTo("B tree");
    assertThat(nameAs(lethbridgeLike, sameId)).isEqualTo("A tree");
  }

  @Test
  void findOfAnotherCitysRowIsEmpty() {
    assertThat(nameAs(calgaryLike, onlyFirst)).isNull();
  }

  @Test
  void queriesSeeOnlyTheCitysRows() {
    List<String> names =
        this.<List<String>>as(
            calgaryLike,
            em ->
                em.createQuery("select c.name from ServiceCategory c", String.class)
                    .getResultList());
    assertThat(names).containsExactly("B tree");
  }

  @Test
  void bulkUpdateAndDeleteCannotReachAnotherCitysRow() throws Exception {
    int updated =
        this.<Integer>as(
            calgaryLike,
            em ->
                em.createQuery("update ServiceCategory c set c.name = 'hijacked' where c.id = :id")
                    .setParameter("id", onlyFirst)
                    .executeUpdate());
    int deleted =
        this.<Integer>as(
            calgaryLike,
            em ->
                em.createQuery("delete from ServiceCategory c where c.id = :id")
                    .setParameter("id", onlyFirst)
                    .executeUpdate());
    assertThat(updated).isZero();
    assertThat(deleted).isZero();
    assertThat(nameAs(lethbridgeLike, onlyFirst)).isEqualTo("Only in A");
  }

  @Test
  void aChangeThroughFindStaysInTheCity() {
    as(
        calgaryLike,
        em -> {
          em.find(ServiceCategory.class, sameId).rename("B tree, renamed");
          return null;
        });
    assertThat(nameAs(lethbridgeLike, sameId)).isEqualTo("A tree");
    assertThat(nameAs(calgaryLike, sameId)).isEqualTo("B tree, renamed");
  }

  @Test
  void anEntityManagerWithNoCityFailsClosed() {
    EntityManager em = emf.createEntityManager();
    try {
      assertThatThrownBy(
              () ->
                  em.createQuery("select c from ServiceCategory c", ServiceCategory.class)
                      .getResultList())
          .isInstanceOf(RuntimeException.class);
    } finally {
      em.close();
    }
  }

  /** The name of category {@code id} as {@code city} sees it, or null when it sees none. */
  private String nameAs(TestCity city, UUID id) {
    return this.<String>as(
        city,
        em -> {
          ServiceCategory found = em.find(ServiceCategory.class, id);
          return found == null ? null : found.name();
        });
  }

  /** One unit of work as {@code city}: the tenant property and app.tenant_id, as in production. */
  private <T> T as(TestCity city, Function<EntityManager, T> work) {
    EntityManager em =
        emf.createEntityManager(Map.of(TenantOwned.TENANT_PROPERTY, city.id().toString()));
    try {
      em.getTransaction().begin();
      Connection connection = em.unwrap(Connection.class);
      try (PreparedStatement bind =
          connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
        bind.setString(1, city.id().toString());
        bind.execute();
      }
      T result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }
}
