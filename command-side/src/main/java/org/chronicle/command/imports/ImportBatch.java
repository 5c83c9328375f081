package org.chronicle.command.imports;

import java.util.ArrayList;
import java.util.List;
import org.chronicle.platform.eventstore.UnitOfWorkTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * An import's rows run a batch at a time in one transaction: one commit for hundreds of rows,
 * where a commit per row made the import wait for the disk at every row. The rows' commands join
 * the batch's transaction without a savepoint each (see the platform's unit-of-work
 * transactions): a refused row has written nothing. Rows are counted once their batch has
 * committed. A batch that cannot commit (another writer got to one of its reports first, or a
 * command failed after it may have written) is run again row by row, each alone, as an import
 * without batches would: nothing is counted twice, and nothing acknowledged is lost.
 */
final class ImportBatch {

    private static final Logger log = LoggerFactory.getLogger(ImportBatch.class);

    private final ImportRows tally;
    private final PlatformTransactionManager transactions;
    private final int size;
    private final List<Taken> taken = new ArrayList<>();
    private TransactionStatus open;

    ImportBatch(ImportRows tally, PlatformTransactionManager transactions, int size) {
        this.tally = tally;
        this.transactions = transactions;
        this.size = Math.max(1, size);
    }

    /** Runs {@code row} in the batch's transaction; commits when the batch is full. */
    void take(int line, String reportId, ImportRows.Row row) {
        if (open == null) {
            open = transactions.getTransaction(TransactionDefinition.withDefaults());
            UnitOfWorkTransactions.joinWithoutSavepoints();
        }
        try {
            taken.add(new Taken(row, tally.judge(line, reportId, row)));
        } catch (RuntimeException e) {
            abandon();
            throw e;
        }
        if (taken.size() >= size) {
            commit();
        }
    }

    /** Commits what the batch holds and counts its rows; run at the end of the file too. */
    void commit() {
        if (open == null) {
            return;
        }
        TransactionStatus committing = open;
        open = null;
        List<Taken> rows = List.copyOf(taken);
        taken.clear();
        try {
            transactions.commit(committing);
        } catch (RuntimeException lost) {
            log.warn("A batch of {} imported rows could not commit ({}); running them again one by one", rows.size(),
                    lost.getMessage());
            rows.forEach(row -> tally.take(row.outcome().line(), row.outcome().reportId(), row.row()));
            return;
        }
        rows.forEach(row -> tally.count(row.outcome()));
    }

    /** The import failed: what the open batch wrote is rolled back, and none of it is counted. */
    void abandon() {
        if (open != null) {
            TransactionStatus abandoned = open;
            open = null;
            taken.clear();
            transactions.rollback(abandoned);
        }
    }

    private record Taken(ImportRows.Row row, ImportRows.Outcome outcome) {
    }
}
