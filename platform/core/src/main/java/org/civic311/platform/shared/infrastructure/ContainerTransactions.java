package org.civic311.platform.shared.infrastructure;

import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;
import org.civic311.platform.shared.application.Transactions;

/** {@link Transactions} as an EJB, so that the container manages the transaction. */
@Stateless
@Local(Transactions.class)
public class ContainerTransactions implements Transactions {
  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public <T> T inNewTransaction(Callable<T> work) throws Exception {
    return work.call();
  }
}
