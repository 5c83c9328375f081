package org.chronicle.query.control;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportType;
import org.chronicle.query.projection.RowBatch;
import org.chronicle.query.projection.Supersession;
import org.chronicle.query.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes control changes and clashes into one table set, version by version. */
final class ControlRows {

    private static final List<String> TABLES = List.of("control_change", "clash_day");

    private final JdbcTemplate jdbc;
    private final TableSet set;

    ControlRows(JdbcTemplate jdbc, TableSet set) {
        this.jdbc = jdbc;
        this.set = set;
    }

    void originate(String chronicleId, String reportId, long position) {
        if (jdbc.queryForObject(set.sql("SELECT COUNT(*) FROM {report_origin} WHERE chronicle_id = ? AND report_id = ?"),
                Long.class, chronicleId, reportId) == 0) {
            update("INSERT INTO {report_origin} (chronicle_id, report_id, first_position) VALUES (?, ?, ?)",
                    chronicleId, reportId, position);
        }
    }

    /** Writes one version: a dated control change or clash, replacing what the report said before. */
    void put(String chronicleId, String reportId, long version, ReportContent report, Instant recordedAt,
             LocalDate reportedOn) {
        replace(chronicleId, reportId, version, recordedAt, reportedOn);
        for (String table : TABLES) {
            update("DELETE FROM {" + table + "} WHERE chronicle_id = ? AND report_id = ? AND version = ?",
                    chronicleId, reportId, version);
        }
        if (report.date() == null) {
            return;
        }
        if (report.type() == ReportType.CONTROL_CHANGE && report.control() != null) {
            update("""
                            INSERT INTO {control_change} (chronicle_id, report_id, version, area, on_day, to_side, extent,
                                first_position, recorded_at, reported_on)
                            SELECT chronicle_id, report_id, ?, ?, ?, ?, ?, first_position, ?, ?
                            FROM {report_origin} WHERE chronicle_id = ? AND report_id = ?""",
                    version, report.area(), Date.valueOf(report.date()), report.control().to(),
                    report.control().extent().name(), Timestamp.from(recordedAt), Date.valueOf(reportedOn),
                    chronicleId, reportId);
        } else if (report.type() == ReportType.CLASH) {
            update("""
                            INSERT INTO {clash_day} (chronicle_id, report_id, version, area, on_day, recorded_at,
                                reported_on)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    chronicleId, reportId, version, report.area(), Date.valueOf(report.date()), Timestamp.from(recordedAt),
                    Date.valueOf(reportedOn));
        }
    }

    /**
     * An event on the report at {@code version}: what the report said stops counting at
     * {@code at} (replaced, retracted or a duplicate), and the event is kept for the other time axes.
     */
    void replace(String chronicleId, String reportId, long version, Instant at, LocalDate reportedOn) {
        Supersession.record(jdbc, set, ControlBook.EVENTS, TABLES, chronicleId, reportId, version, at, reportedOn);
    }

    RowBatch origins() {
        return new RowBatch(jdbc, set.table("report_origin"), List.of("chronicle_id", "report_id", "first_position"));
    }

    RowBatch controlChanges() {
        return new RowBatch(jdbc, set.table("control_change"), List.of("chronicle_id", "report_id", "version", "area",
                "on_day", "to_side", "extent", "first_position", "recorded_at", "reported_on"));
    }

    RowBatch clashDays() {
        return new RowBatch(jdbc, set.table("clash_day"), List.of("chronicle_id", "report_id", "version", "area",
                "on_day", "recorded_at", "reported_on"));
    }

    RowBatch events() {
        return new RowBatch(jdbc, set.table(ControlBook.EVENTS), Supersession.EVENT_COLUMNS);
    }

    /** The first positions of the reports named, of one chronicle, as {@link #originate} kept them. */
    Map<String, Long> origins(String chronicleId, Collection<String> reportIds) {
        Map<String, Long> found = new HashMap<>();
        List<String> ids = List.copyOf(reportIds);
        for (int from = 0; from < ids.size(); from += 1_000) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + 1_000));
            List<Object> args = new ArrayList<>();
            args.add(chronicleId);
            args.addAll(some);
            jdbc.query(set.sql("SELECT report_id, first_position FROM {report_origin} WHERE chronicle_id = ? AND report_id IN ("
                            + String.join(", ", Collections.nCopies(some.size(), "?")) + ")"),
                    rs -> {
                        found.put(rs.getString(1), rs.getLong(2));
                    }, args.toArray());
        }
        return found;
    }

    /** After a bulk load: each version's rows replaced when the next event on the report came. */
    void replaceAll() {
        TABLES.forEach(table -> Supersession.replaceAll(jdbc, set, ControlBook.EVENTS, table));
    }

    void clear() {
        TABLES.forEach(table -> update("DELETE FROM {" + table + "}"));
        update("DELETE FROM {report_origin}");
        update("DELETE FROM {" + ControlBook.EVENTS + "}");
    }

    private void update(String sql, Object... args) {
        jdbc.update(set.sql(sql), args);
    }
}
