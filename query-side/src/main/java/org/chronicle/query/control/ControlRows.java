package org.chronicle.query.control;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportType;
import org.chronicle.query.projection.RowBatch;
import org.chronicle.query.projection.Supersession;
import org.chronicle.query.projection.TableSet;
import org.chronicle.query.projection.WrittenReports;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The control changes and clashes of one table set, version by version, written a batch at a
 * time; when each version was replaced is worked out after, for the reports written or for all.
 */
final class ControlRows {

    /** The tables of versions, each ended by the report's next event. */
    private static final List<String> TABLES = List.of("control_change", "clash_day");
    static final List<String> ALL = List.of("control_change", "clash_day", "report_origin", ControlBook.EVENTS);
    /** The key of a version's rows: chronicle, report, version. */
    private static final int KEY = 3;

    private final JdbcTemplate jdbc;
    private final TableSet set;

    ControlRows(JdbcTemplate jdbc, TableSet set) {
        this.jdbc = jdbc;
        this.set = set;
    }

    /** The position of each report's first event; a later version of a control change carries it. */
    RowBatch origins(boolean replacing) {
        return new RowBatch(jdbc, set.table("report_origin"), List.of("chronicle_id", "report_id", "first_position"),
                replacing ? 2 : 0);
    }

    RowBatch controlChanges(boolean replacing) {
        return new RowBatch(jdbc, set.table("control_change"), List.of("chronicle_id", "report_id", "version", "area",
                "on_day", "to_side", "extent", "first_position", "recorded_at", "reported_on"), replacing ? KEY : 0);
    }

    RowBatch clashDays(boolean replacing) {
        return new RowBatch(jdbc, set.table("clash_day"), List.of("chronicle_id", "report_id", "version", "area",
                "on_day", "recorded_at", "reported_on"), replacing ? KEY : 0);
    }

    RowBatch events(boolean replacing) {
        return new RowBatch(jdbc, set.table(ControlBook.EVENTS), Supersession.EVENT_COLUMNS, replacing ? KEY : 0);
    }

    /** The first positions of the reports named, of one chronicle. */
    Map<String, Long> origins(String chronicleId, Collection<String> reportIds) {
        Map<String, Long> found = new HashMap<>();
        WrittenReports reports = new WrittenReports();
        reportIds.forEach(id -> reports.add(chronicleId, id));
        reports.forEach((chronicle, ids) -> jdbc.query(set.sql("SELECT report_id, first_position FROM {report_origin}"
                        + " WHERE chronicle_id = ? AND " + WrittenReports.in("report_id", ids)),
                rs -> {
                    found.put(rs.getString(1), rs.getLong(2));
                }, WrittenReports.arguments(chronicle, ids)));
        return found;
    }

    /** Each version's rows replaced when the next event on the report came: of the reports {@code written}, or of all. */
    void settle(WrittenReports written) {
        TABLES.forEach(table -> Supersession.replaceAll(jdbc, set, ControlBook.EVENTS, table, written));
    }

    private void update(String sql, Object... args) {
        jdbc.update(set.sql(sql), args);
    }
}
