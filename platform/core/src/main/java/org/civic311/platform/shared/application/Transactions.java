package org.civic311.platform.shared.application;

import java.util.concurrent.Callable;

/**
 * Runs work in a new JTA transaction owned by the container. Background work (start-up tasks,
 * pollers, Camel threads) goes through here: outside a request or container-managed invocation,
 * connections are not enlisted in a transaction that {@code @Transactional} opens, and a
 * transaction-local city setting would be lost. {@link TenantTransactional} refuses that case.
 */
public interface Transactions {
  <T> T inNewTransaction(Callable<T> work) throws Exception;
}
