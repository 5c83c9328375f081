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
 * the rows of the report's earlier versions replaced at the instant of the event that followed.
 */
public final class Supersession {

    /** The columns of a projection's table of events on reports. */
    public static final List<String> EVENT_COLUMNS =
            List.of("chronicle_id", "report_id", "version", "recorded_at", "reported_on");

    private Supersession() {
    }

    /** The row kept for an event, for a {@link RowBatch} of {@link #EVENT_COLUMNS}. */
    public static Object[] event(String chronicleId, String reportId, long version, Instant at, LocalDate reportedOn) {
        return new Object[] {chronicleId, reportId, version, Timestamp.from(at), Date.valueOf(reportedOn)};
    }

    /**
     * Each version in {@code table} replaced at the earliest instant of a later event on its
     * report (the next event's, unless clocks disagreed), and from the earliest day in the news
     * of a later event (not always the next one's: a correction may cite an older source). A
     * version counts at an instant exactly when it was recorded by then and that earliest
     * instant is later, and on a day of the news likewise: a read along one axis tests a column
     * instead of looking for later events (see {@link org.chronicle.query.AsOf#counts}). The
     * later events are found in {@code events} (which may be {@code table} itself, when every
     * event makes a row there); done for the reports written, or for every report when
     * {@code written} is null.
     */
    public static void replaceAll(JdbcTemplate jdbc, TableSet set, String events, String table, WrittenReports written) {
        String later = "FROM {" + events + "} e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id"
                + " AND e.version > r.version";
        String update = "UPDATE {" + table + "} r SET (replaced_at, replaced_on) = (SELECT MIN(e.recorded_at),"
                + " MIN(e.reported_on) " + later + ") WHERE EXISTS (SELECT 1 " + later + ")";
        if (written == null) {
            jdbc.update(set.sql(update));
        } else {
            written.forEach((chronicleId, reportIds) -> jdbc.update(set.sql(update + " AND r.chronicle_id = ? AND "
                    + WrittenReports.in("r.report_id", reportIds)), WrittenReports.arguments(chronicleId, reportIds)));
        }
    }

}
