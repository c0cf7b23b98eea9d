package org.civic311.platform.shared.domain;

import jakarta.persistence.MappedSuperclass;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Wall 1 of tenant isolation: every entity that belongs to one city extends this class, and an
 * entity that does not is global, visible at a glance.
 *
 * <p>EclipseLink adds {@code tenant_id = :tenant} to every read, update and delete of a subclass
 * and writes the column on insert, taking the value from the EntityManager property {@link
 * #TENANT_PROPERTY}. An EntityManager without that property refuses to touch these entities (fails
 * closed). Because the tenant is set per EntityManager, EclipseLink keeps these entities out of the
 * shared cache, so two cities' rows with the same id can never be served to each other. Wall 2
 * (PostgreSQL row-level security) is set up by the migrations and bound per transaction by {@code
 * TenantTransactionInterceptor}.
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantOwned.TENANT_PROPERTY)
public abstract class TenantOwned {
  /** The EntityManager property that carries the current city's id. */
  public static final String TENANT_PROPERTY = "eclipselink.tenant-id";
}
