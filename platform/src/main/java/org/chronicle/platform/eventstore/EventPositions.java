package org.chronicle.platform.eventstore;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where an event stands in the store. A write answers its event's global position, so that a
 * client can ask a read to wait until the projections have processed it.
 *
 * <p>A thread that {@link #watch watches} learns the positions of the events it appends from
 * their inserts, once their transaction has committed, and {@link #find} answers those without a
 * query; any other event, such as the first of a repeated report, is looked up.
 */
public class EventPositions {

    private static final ThreadLocal<Map<String, StoredEvent>> WATCHED = new ThreadLocal<>();

    private final JdbcTemplate jdbc;

    EventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers the events this thread appends and commits until the watch is closed. */
    public static Watch watch() {
        WATCHED.set(new HashMap<>());
        return WATCHED::remove;
    }

    /** Ends a watch; closing never fails. */
    @FunctionalInterface
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * An event this thread has just inserted: remembered, if the thread watches, once the
     * transaction commits (a rolled-back insert holds no position).
     */
    static void inserted(String aggregateId, long sequenceNumber, StoredEvent event) {
        Map<String, StoredEvent> watched = WATCHED.get();
        if (watched == null || aggregateId == null) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            watched.put(key(aggregateId, sequenceNumber), event);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                watched.put(key(aggregateId, sequenceNumber), event);
            }
        });
    }

    private static String key(String aggregateId, long sequenceNumber) {
        return sequenceNumber + "/" + aggregateId;
    }

    public Optional<StoredEvent> find(String aggregateId, long sequenceNumber) {
        Map<String, StoredEvent> watched = WATCHED.get();
        StoredEvent appended = watched == null ? null : watched.get(key(aggregateId, sequenceNumber));
        if (appended != null) {
            return Optional.of(appended);
        }
        return jdbc.query("""
                        SELECT global_index, sequence_number, time_stamp FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND sequence_number = ?""",
                EventPositions::stored, aggregateId, sequenceNumber).stream().findFirst();
    }

    /** The newest event of one aggregate. */
    public Optional<StoredEvent> latest(String aggregateId) {
        return jdbc.query("""
                        SELECT global_index, sequence_number, time_stamp FROM domain_event_entry
                        WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1""",
                EventPositions::stored, aggregateId).stream().findFirst();
    }

    private static StoredEvent stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredEvent(rs.getLong(1), rs.getLong(2), Instant.parse(rs.getString(3)));
    }

    /** The global position of the newest event in the store; 0 when it is empty. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** An event's place in the store: its global position and its aggregate's version (sequence + 1). */
    public record StoredEvent(long position, long sequenceNumber, Instant recordedAt) {

        public long version() {
            return sequenceNumber + 1;
        }
    }
}
