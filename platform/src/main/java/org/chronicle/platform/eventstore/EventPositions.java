package org.chronicle.platform.eventstore;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where an event stands in the store. A write answers its event's global position, so that a
 * client can ask a read to wait until the projections have processed it.
 */
public class EventPositions {

    private final JdbcTemplate jdbc;

    EventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredEvent> find(String aggregateId, long sequenceNumber) {
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

    /** An event's place in the store: its global position and its aggregate's version (sequence + 1). */
    /** The global position of the newest event in the store; 0 when it is empty. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    public record StoredEvent(long position, long sequenceNumber, Instant recordedAt) {

        public long version() {
            return sequenceNumber + 1;
        }
    }
}
