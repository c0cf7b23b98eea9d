package org.civic311.platform.shared.infrastructure;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.shared.application.TenantTransactional;
import org.civic311.platform.shared.domain.TenantId;
import org.civic311.platform.shared.domain.TenantOwned;

/**
 * Binds the running JTA transaction to the current city, inside the transaction that
 * {@code @Transactional} opened (this interceptor's priority is after the transactional one).
 *
 * <p>{@code set_config(..., true)} is transaction-local: it is gone at commit or rollback, so a
 * pooled connection never carries a city into the next transaction. The setting is made on
 * EclipseLink's own connection for the transaction, so every JPA statement of it is filtered.
 */
@TenantTransactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class TenantTransactionInterceptor {
  /** Binds the city and reads its configuration version for {@link VersionedCityCache}. */
  static final String BIND_SQL =
      "select set_config('app.tenant_id', ?, true), (select coalesce(v.version, 0) from tenant t"
          + " left join city_config_version v on v.city_id = t.id where t.id = ?::uuid)";

  @Inject EntityManager em;

  @Resource TransactionSynchronizationRegistry transactions;

  @AroundInvoke
  public Object bind(InvocationContext invocation) throws Exception {
    TenantId tenant = CurrentTenant.require();
    requireActiveTransaction();
    Object bound = transactions.getResource(TenantTransactionInterceptor.class);
    if (bound == null) {
      em.setProperty(TenantOwned.TENANT_PROPERTY, tenant.toString());
      // EclipseLink's own connection for this transaction (unwrap starts its early transaction
      // and keeps this connection for every statement of the unit of work). The connection
      // belongs to EclipseLink: it is not closed here.
      Connection connection = em.unwrap(Connection.class);
      if (connection.getAutoCommit()) {
        // Not enlisted: a transaction-local setting would vanish with this statement.
        throw new IllegalStateException(
            "The connection is not enlisted in the JTA transaction; run background work through"
                + " Transactions.inNewTransaction");
      }
      try (PreparedStatement statement = connection.prepareStatement(BIND_SQL)) {
        statement.setString(1, tenant.toString());
        statement.setString(2, tenant.toString());
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          long version = row.getLong(2);
          if (!row.wasNull()) {
            // the same round trip: no city row (being created) means no cache for this transaction
            transactions.putResource(VersionedCityCache.VERSION, version);
          }
        }
      }
      transactions.putResource(TenantTransactionInterceptor.class, tenant);
    } else if (!bound.equals(tenant)) {
      throw new IllegalStateException(
          "This transaction is bound to city " + bound + " and cannot switch to " + tenant);
    }
    return invocation.proceed();
  }

  private void requireActiveTransaction() throws SystemException, SQLException {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("@TenantTransactional needs an active JTA transaction");
    }
  }
}
