package org.chronicle.query.projection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which table set of each projection readers use, and which one a rebuild is filling. Kept in
 * the database, so every query-side process reads from the same set and sees a switch at once.
 */
@Component
public class ProjectionSets {

    private final JdbcTemplate jdbc;

    ProjectionSets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The set readers of {@code projection} use: always a complete one. */
    public TableSet active(String projection) {
        return state(projection).active();
    }

    /** The projections whose rebuild is under way. */
    public List<String> rebuilding() {
        return jdbc.queryForList("SELECT projection FROM projection_set WHERE rebuilding IS NOT NULL ORDER BY projection",
                String.class);
    }

    State state(String projection) {
        return jdbc.query("""
                                SELECT active, rebuilding, rebuild_head, loading_by, loading_until, loaded_position
                                FROM projection_set WHERE projection = ?""",
                        (rs, n) -> new State(projection, TableSet.valueOf(rs.getString(1)),
                                Optional.ofNullable(rs.getString(2)).map(TableSet::valueOf).orElse(null),
                                rs.getLong(3), rs.getString(4),
                                Optional.ofNullable(rs.getTimestamp(5)).map(Timestamp::toInstant).orElse(null),
                                rs.getLong(6)),
                        projection).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No table set recorded for projection " + projection));
    }

    /**
     * Marks a rebuild of {@code projection} into {@code into}, its bulk load held by {@code owner}
     * until {@code leaseEnd}; false when a rebuild is already under way.
     */
    boolean beginRebuild(String projection, TableSet into, long head, String owner, Instant leaseEnd) {
        return jdbc.update("""
                        UPDATE projection_set SET rebuilding = ?, rebuild_head = ?, loading_by = ?, loading_until = ?,
                            loaded_position = 0, loaded_token = NULL, loaded_token_type = NULL
                        WHERE projection = ? AND rebuilding IS NULL""",
                into.name(), head, owner, Timestamp.from(leaseEnd), projection) == 1;
    }

    /** {@code owner} takes over a bulk load whose lease ran out before {@code now}; false when another did. */
    boolean takeOver(String projection, String owner, Instant now, Instant leaseEnd) {
        return jdbc.update("""
                        UPDATE projection_set SET loading_by = ?, loading_until = ?
                        WHERE projection = ? AND rebuilding IS NOT NULL AND loading_by IS NOT NULL AND loading_until < ?""",
                owner, Timestamp.from(leaseEnd), projection, Timestamp.from(now)) == 1;
    }

    /** Extends {@code owner}'s lease on the bulk load; false when it is no longer the owner's. */
    boolean renew(String projection, String owner, Instant leaseEnd) {
        return jdbc.update("UPDATE projection_set SET loading_until = ? WHERE projection = ? AND loading_by = ?",
                Timestamp.from(leaseEnd), projection, owner) == 1;
    }

    /**
     * A round of the bulk load is written: where it ended goes into the same transaction, so that
     * whoever takes the load over goes on from there. False when the lease is no longer {@code owner}'s.
     */
    boolean loaded(String projection, String owner, long position, SerializedObject<byte[]> token, Instant leaseEnd) {
        return jdbc.update("""
                        UPDATE projection_set SET loaded_position = ?, loaded_token = ?, loaded_token_type = ?,
                            loading_until = ?
                        WHERE projection = ? AND loading_by = ?""",
                position, token.getData(), token.getType().getName(), Timestamp.from(leaseEnd), projection, owner) == 1;
    }

    /** Where the last round of the bulk load ended; empty before the first round. */
    Optional<SerializedObject<byte[]>> loadedToken(String projection) {
        return jdbc.query("SELECT loaded_token, loaded_token_type FROM projection_set WHERE projection = ?",
                (rs, n) -> rs.getBytes(1) == null ? null : (SerializedObject<byte[]>) new SimpleSerializedObject<>(
                        rs.getBytes(1), byte[].class, rs.getString(2), null),
                projection).stream().filter(token -> token != null).findFirst();
    }

    /** The bulk load is over; the set's processor carries on. False when the lease is no longer {@code owner}'s. */
    boolean finishLoading(String projection, String owner) {
        return jdbc.update("""
                        UPDATE projection_set SET loading_by = NULL, loading_until = NULL, loaded_token = NULL,
                            loaded_token_type = NULL
                        WHERE projection = ? AND loading_by = ?""", projection, owner) == 1;
    }

    /** Readers move to the rebuilt set. */
    void switchTo(String projection, TableSet rebuilt) {
        jdbc.update("UPDATE projection_set SET active = ?, rebuilding = NULL, rebuild_head = NULL WHERE projection = ?"
                + " AND rebuilding = ?", rebuilt.name(), projection, rebuilt.name());
    }

    /**
     * A projection's sets: the one readers use and the one being rebuilt, if any, with the bulk
     * load of the rebuild while it runs: who holds it, until when, and how far it has got.
     */
    record State(String projection, TableSet active, TableSet rebuilding, long rebuildHead, String loadingBy,
                 Instant loadingUntil, long loadedPosition) {

        /** The rebuild is filling its set in bulk; the set's processor waits for it. */
        boolean loading() {
            return rebuilding != null && loadingBy != null;
        }
    }
}
