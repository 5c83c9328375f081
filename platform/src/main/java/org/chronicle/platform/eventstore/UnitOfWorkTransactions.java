package org.chronicle.platform.eventstore;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Axon's units of work (a command, a batch of a processor) run in a transaction of their own, or,
 * inside a transaction already open, in a savepoint of it. An import runs hundreds of commands in
 * one transaction: a refused command rolls back to its savepoint, and the others stay. Without
 * an open transaction, this is Axon's default.
 */
@AutoConfiguration(after = DataSourceTransactionManagerAutoConfiguration.class,
        before = org.axonframework.springboot.autoconfig.TransactionAutoConfiguration.class)
public class UnitOfWorkTransactions {

    @Bean
    @ConditionalOnSingleCandidate(PlatformTransactionManager.class)
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new Savepoints(transactions);
    }

    /**
     * Axon's manager ends only a transaction it began; a savepoint is not one, so it would be
     * neither released nor, when the command fails, rolled back to. This one ends both.
     */
    static final class Savepoints extends SpringTransactionManager {

        private final PlatformTransactionManager transactions;

        Savepoints(PlatformTransactionManager transactions) {
            super(transactions, new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
            this.transactions = transactions;
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
