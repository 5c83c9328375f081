package org.chronicle.platform.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * On an H2 file database, a commit is on disk before anyone is told it happened. H2's MVStore
 * keeps a committed transaction in memory and writes it to the file from a background thread
 * up to a second later, so a process killed in that second loses writes it had acknowledged.
 * After every committed transaction this runs {@code CHECKPOINT SYNC}, which stores what is
 * pending and forces the file to the device; only then does the commit return to its caller
 * (the answer to a write is sent after the commit returns). Commits that finish while a sync is
 * under way share the next one, as PostgreSQL's commits share a WAL flush; PostgreSQL itself
 * needs none of this, since its commit waits for that flush.
 *
 * <p>Only the transactions that record what a caller is told of are forced so: those that append
 * events or write accounts say so with {@link #required()}. The projections' own commits (a
 * batch of rows and its token) are left to H2's background writer: a crash loses at most their
 * last second, rows and token together, and the processors project those events again.
 */
@AutoConfiguration
@Conditional(DurableCommits.OnH2File.class)
public class DurableCommits {

    private static final Object REQUIRED = new Object();

    @Bean
    TransactionExecutionListener syncAfterCommit(DataSource dataSource) {
        return new SyncAfterCommit(dataSource);
    }

    /**
     * The current transaction is to be on disk before its commit returns (on H2; elsewhere the
     * database's commit is). Outside a transaction there is nothing to mark.
     */
    public static void required() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionResources.inCurrentTransaction(REQUIRED, () -> Boolean.TRUE);
        }
    }

    static final class SyncAfterCommit implements TransactionExecutionListener {

        private final DataSource dataSource;
        private final AtomicLong committed = new AtomicLong();
        private final Object syncing = new Object();
        private long synced;
        /**
         * Marked transactions between their commit's start and end: the mark lives in the
         * transaction's resources, which are gone by the time {@link #afterCommit} is called.
         */
        private final Set<TransactionExecution> marked = ConcurrentHashMap.newKeySet();

        SyncAfterCommit(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public void beforeCommit(TransactionExecution transaction) {
            if (transaction.isNewTransaction() && TransactionSynchronizationManager.hasResource(REQUIRED)) {
                marked.add(transaction);
            }
        }

        @Override
        public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
            if (marked.remove(transaction) && commitFailure == null) {
                onDisk(committed.incrementAndGet());
            }
        }

        @Override
        public void afterRollback(TransactionExecution transaction, Throwable rollbackFailure) {
            marked.remove(transaction);
        }

        /** Every commit counted up to the sync's start is in what the sync stores. */
        private void onDisk(long commit) {
            synchronized (syncing) {
                if (synced >= commit) {
                    return;
                }
                long upTo = committed.get();
                sync(dataSource);
                synced = upTo;
            }
        }
    }

    /**
     * Stores H2's pending changes and forces its file to disk, on the committed transaction's own
     * connection (still bound until the transaction is cleaned up): a second one from the pool
     * would deadlock a pool whose every connection is a commit waiting for its sync. A failure
     * reaches the committer, whose client then retries; the retry meets the first answer.
     */
    static void sync(DataSource dataSource) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("The commit could not be forced to disk", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A file database of H2's (an in-memory one has no disk to reach). */
    static final class OnH2File implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url", "");
            return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        }
    }
}
