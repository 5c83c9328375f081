package org.chronicle.query.projection;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every projection of versioned rows does for each event on a report: keeps the event, with
 * its instant and its day in the news, for the "as known at" and "as reported by" reads, and marks
 * the rows of the report's earlier versions replaced at that instant. Handling the same event
 * again writes the same rows.
 */
public final class Supersession {

    /** The columns of a projection's table of events on reports. */
    public static final List<String> EVENT_COLUMNS =
            List.of("chronicle_id", "report_id", "version", "recorded_at", "reported_on");

    private Supersession() {
    }

    /** The row {@link #record} keeps for an event, for a {@link RowBatch} of {@link #EVENT_COLUMNS}. */
    public static Object[] event(String chronicleId, String reportId, long version, Instant at, LocalDate reportedOn) {
        return new Object[] {chronicleId, reportId, version, Timestamp.from(at), Date.valueOf(reportedOn)};
    }

    /**
     * What {@link #record} does to {@code table} event by event, done at once after a bulk load:
     * each version is replaced at the instant of the next event on its report, found in
     * {@code events} (which may be {@code table} itself, when every event makes a row there).
     */
    public static void replaceAll(JdbcTemplate jdbc, TableSet set, String events, String table) {
        String later = "FROM {" + events + "} e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id"
                + " AND e.version > r.version";
        jdbc.update(set.sql("UPDATE {" + table + "} r SET replaced_at = (SELECT e.recorded_at " + later
                + " ORDER BY e.version FETCH FIRST 1 ROWS ONLY) WHERE EXISTS (SELECT 1 " + later + ")"));
    }

    /**
     * @param events the projection's table of events on reports
     * @param rows   the projection's tables of versioned rows
     */
    public static void record(JdbcTemplate jdbc, TableSet set, String events, List<String> rows, String chronicleId,
                              String reportId, long version, Instant at, LocalDate reportedOn) {
        jdbc.update(set.sql("DELETE FROM {" + events + "} WHERE chronicle_id = ? AND report_id = ? AND version = ?"),
                chronicleId, reportId, version);
        jdbc.update(set.sql("INSERT INTO {" + events + "} (chronicle_id, report_id, version, recorded_at, reported_on)"
                        + " VALUES (?, ?, ?, ?, ?)"),
                chronicleId, reportId, version, Timestamp.from(at), Date.valueOf(reportedOn));
        for (String table : rows) {
            jdbc.update(set.sql("UPDATE {" + table + "} SET replaced_at = ?"
                            + " WHERE chronicle_id = ? AND report_id = ? AND version < ? AND replaced_at IS NULL"),
                    Timestamp.from(at), chronicleId, reportId, version);
        }
    }
}
