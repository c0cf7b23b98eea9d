package org.civic311.platform.shared.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TransactionRequiredException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.civic311.platform.shared.application.DatabaseUnavailableException;
import org.civic311.platform.shared.application.SchemaMigrated;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * The persistence unit, built by the application on first use rather than by the container at
 * deployment. GlassFish's deployer opens an EntityManager while deploying and EclipseLink then
 * connects, so a container-managed unit makes the whole application fail to deploy while the
 * database is away; built here, the application deploys, readiness says why it is not ready, and
 * the first use after the database appears builds the unit.
 *
 * <p>The descriptor is {@value #DESCRIPTOR}, a name the container does not scan. Its unit is a JTA
 * unit on {@link Database#DATASOURCE}. What is injected is one proxy that, like a container-managed
 * EntityManager, stands for "the EntityManager of the current transaction": the first use in a JTA
 * transaction creates one that joins it, and later uses in the same transaction get the same one.
 * It is dropped with the transaction (EclipseLink releases its unit of work and connection at
 * completion; closing it from a synchronization could run before EclipseLink's own completion).
 * Used outside a transaction it refuses.
 */
@ApplicationScoped
public class EntityManagers {
  static final String DESCRIPTOR = "META-INF/civic311-persistence.xml";
  static final String UNIT = "civic311";

  private volatile EntityManagerFactory factory;
  private volatile boolean schemaReady;

  /**
   * The schema is migrated, so the database is there: from now on the unit may be built. Runs
   * before any other observer of the event (the demo seed uses the database).
   */
  void schemaReady(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) SchemaMigrated event) {
    schemaReady = true;
  }

  /**
   * The factory, built on first call once the schema is migrated; before that, and after a failed
   * build (forgotten, so the next call tries again), {@link DatabaseUnavailableException}.
   */
  public EntityManagerFactory factory() {
    if (!schemaReady) {
      throw new DatabaseUnavailableException("the schema is not migrated yet");
    }
    EntityManagerFactory current = factory;
    if (current == null) {
      synchronized (this) {
        current = factory;
        if (current == null) {
          current = build();
          factory = current;
        }
      }
    }
    return current;
  }

  private EntityManagerFactory build() {
    EntityManagerFactory built =
        new PersistenceProvider()
            .createEntityManagerFactory(
                UNIT,
                Map.of(
                    PersistenceUnitProperties.ECLIPSELINK_PERSISTENCE_XML,
                    DESCRIPTOR,
                    PersistenceUnitProperties.CLASSLOADER,
                    EntityManagers.class.getClassLoader()));
    if (built == null) {
      throw new PersistenceException("No persistence unit '" + UNIT + "' in " + DESCRIPTOR);
    }
    try {
      built.createEntityManager().close(); // deploys the unit now, so a failure is seen here
      return built;
    } catch (RuntimeException e) {
      built.close();
      if (DatabaseUnavailableException.isUnreachable(e)) {
        throw new DatabaseUnavailableException("the persistence unit cannot connect yet");
      }
      throw e;
    }
  }

  @Resource TransactionSynchronizationRegistry transactions;

  private final EntityManager perTransaction =
      (EntityManager)
          Proxy.newProxyInstance(
              EntityManagers.class.getClassLoader(),
              new Class<?>[] {EntityManager.class},
              this::invoke);

  @Produces
  EntityManager entityManager() {
    return perTransaction;
  }

  private Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "EntityManager of the current transaction";
      };
    }
    try {
      return method.invoke(current(), args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private EntityManager current() {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new TransactionRequiredException(
          "The EntityManager is used inside a JTA transaction only");
    }
    EntityManager em = (EntityManager) transactions.getResource(EntityManagers.class);
    if (em == null) {
      em = factory().createEntityManager();
      // created inside the transaction: EclipseLink joins it
      transactions.putResource(EntityManagers.class, em);
    }
    return em;
  }

  @PreDestroy
  void shutDown() {
    EntityManagerFactory current = factory;
    if (current != null && current.isOpen()) {
      current.close();
    }
  }
}
