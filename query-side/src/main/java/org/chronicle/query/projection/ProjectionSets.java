package org.chronicle.query.projection;

import java.util.List;
import java.util.Optional;
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
        return jdbc.query("SELECT active, rebuilding, rebuild_head FROM projection_set WHERE projection = ?",
                        (rs, n) -> new State(projection, TableSet.valueOf(rs.getString(1)),
                                Optional.ofNullable(rs.getString(2)).map(TableSet::valueOf).orElse(null),
                                rs.getLong(3)),
                        projection).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No table set recorded for projection " + projection));
    }

    /** Marks a rebuild of {@code projection} into {@code into}; false when one is already under way. */
    boolean beginRebuild(String projection, TableSet into, long head) {
        return jdbc.update("UPDATE projection_set SET rebuilding = ?, rebuild_head = ? WHERE projection = ?"
                + " AND rebuilding IS NULL", into.name(), head, projection) == 1;
    }

    /** Readers move to the rebuilt set. */
    void switchTo(String projection, TableSet rebuilt) {
        jdbc.update("UPDATE projection_set SET active = ?, rebuilding = NULL, rebuild_head = NULL WHERE projection = ?"
                + " AND rebuilding = ?", rebuilt.name(), projection, rebuilt.name());
    }

    /** A projection's sets: the one readers use and the one being rebuilt, if any. */
    record State(String projection, TableSet active, TableSet rebuilding, long rebuildHead) {
    }
}
