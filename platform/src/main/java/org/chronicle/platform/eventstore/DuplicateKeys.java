package org.chronicle.platform.eventstore;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon when an append lost a race: the store's unique key on (aggregate, sequence) refused a
 * second writer of the same version, which Axon then reports as a {@code ConcurrencyException} (or,
 * for an aggregate's first event, an {@code AggregateStreamCreationException}) that a caller can
 * retry. Axon's own JDBC resolver looks only for {@link java.sql.SQLIntegrityConstraintViolationException},
 * which H2 throws and PostgreSQL's driver never does, so on PostgreSQL every lost race was an
 * unexplained failure. The SQL state of a unique violation, 23505, is the same on both.
 */
final class DuplicateKeys implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    /** A batch reports its failed entry's state, and the entry itself as the next exception. */
    private static boolean isUniqueViolation(SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException() == e ? null : e.getNextException()) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
