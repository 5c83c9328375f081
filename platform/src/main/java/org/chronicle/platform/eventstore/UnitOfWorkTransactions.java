package org.chronicle.platform.eventstore;

import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's units of work (a command, a batch of a processor) run in a transaction of their own, or,
 * inside a transaction already open, in a savepoint of it, so that a failed command takes back
 * what it wrote and the others stay. Without an open transaction, this is Axon's default.
 *
 * <p>A transaction marked with {@link #joinWithoutSavepoints()} is joined instead: each
 * savepoint costs two round trips, and PostgreSQL keeps every one that wrote as a subtransaction
 * until the commit. A refused command writes nothing (the rules run before any event is
 * applied), so it needs no savepoint; a command that fails once it may have written (while its
 * events are published and appended) marks the whole transaction for rollback, and its owner
 * runs the work again another way.
 */
@AutoConfiguration(after = DataSourceTransactionManagerAutoConfiguration.class,
        before = org.axonframework.springboot.autoconfig.TransactionAutoConfiguration.class)
public class UnitOfWorkTransactions {

    private static final Object JOINING = new Object();

    @Bean
    @ConditionalOnSingleCandidate(PlatformTransactionManager.class)
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new Savepoints(transactions);
    }

    /**
     * The units of work run in the current transaction until it ends join it, without a
     * savepoint each. The caller must be ready for the commit to fail when one of them failed
     * after it may have written.
     */
    public static void joinWithoutSavepoints() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("No transaction to join");
        }
        TransactionResources.inCurrentTransaction(JOINING, () -> Boolean.TRUE);
    }

    /**
     * Axon's manager ends only a transaction it began; a savepoint is not one, so it would be
     * neither released nor, when the command fails, rolled back to. This one ends both.
     */
    static final class Savepoints extends SpringTransactionManager {

        private static final TransactionDefinition JOIN =
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_MANDATORY);

        private final PlatformTransactionManager transactions;

        Savepoints(PlatformTransactionManager transactions) {
            super(transactions, new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
            this.transactions = transactions;
        }

        @Override
        public Transaction startTransaction() {
            if (!TransactionSynchronizationManager.hasResource(JOINING)) {
                return super.startTransaction();
            }
            TransactionStatus joined = transactions.getTransaction(JOIN);
            AtomicBoolean publishing = new AtomicBoolean();
            CurrentUnitOfWork.ifStarted(unit -> unit.onPrepareCommit(u -> publishing.set(true)));
            return new Transaction() {
                @Override
                public void commit() {
                }

                @Override
                public void rollback() {
                    if (publishing.get()) {
                        // A participant's rollback marks the whole transaction rollback-only.
                        transactions.rollback(joined);
                    }
                }
            };
        }

        @Override
        protected void commitTransaction(TransactionStatus status) {
            if ((status.isNewTransaction() || status.hasSavepoint()) && !status.isCompleted()) {
                transactions.commit(status);
            }
        }

        @Override
        protected void rollbackTransaction(TransactionStatus status) {
            if ((status.isNewTransaction() || status.hasSavepoint()) && !status.isCompleted()) {
                transactions.rollback(status);
            }
        }
    }
}
