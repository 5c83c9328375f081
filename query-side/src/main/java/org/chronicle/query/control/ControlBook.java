package org.chronicle.query.control;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.report.Extent;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Control changes and clashes, version by version, and who held what on a day. */
@Component
public class ControlBook {

    private static final List<String> TABLES = List.of("control_change", "clash_day");
    private final JdbcTemplate jdbc;

    ControlBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every area of the chronicle on {@code day}: its controller, extent, since when, and whether contested. */
    public List<AreaControl> on(String chronicleId, LocalDate day, ChronicleDefinition chronicle) {
        List<ControlRule.Change> changes = jdbc.query("""
                        SELECT report_id, area, on_day, to_side, extent, first_position FROM control_change
                        WHERE chronicle_id = ? AND on_day <= ? AND replaced_at IS NULL""",
                (rs, n) -> new ControlRule.Change(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getString(4), Extent.valueOf(rs.getString(5)), rs.getLong(6)),
                chronicleId, Date.valueOf(day));
        Set<String> clashes = new HashSet<>(jdbc.queryForList("""
                        SELECT DISTINCT area FROM clash_day WHERE chronicle_id = ? AND on_day = ? AND replaced_at IS NULL""",
                String.class, chronicleId, Date.valueOf(day)));
        return new ControlRule(chronicle).on(changes, clashes);
    }

    void originate(String chronicleId, String reportId, long position) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM report_origin WHERE chronicle_id = ? AND report_id = ?",
                Long.class, chronicleId, reportId) == 0) {
            jdbc.update("INSERT INTO report_origin (chronicle_id, report_id, first_position) VALUES (?, ?, ?)",
                    chronicleId, reportId, position);
        }
    }

    /** Writes one version: a dated control change or clash, replacing what the report said before. */
    void put(String chronicleId, String reportId, long version, ReportContent report, Instant recordedAt) {
        replace(chronicleId, reportId, version, recordedAt);
        for (String table : TABLES) {
            jdbc.update("DELETE FROM " + table + " WHERE chronicle_id = ? AND report_id = ? AND version = ?",
                    chronicleId, reportId, version);
        }
        if (report.date() == null) {
            return;
        }
        if (report.type() == ReportType.CONTROL_CHANGE && report.control() != null) {
            jdbc.update("""
                            INSERT INTO control_change (chronicle_id, report_id, version, area, on_day, to_side, extent,
                                first_position, recorded_at)
                            SELECT chronicle_id, report_id, ?, ?, ?, ?, ?, first_position, ?
                            FROM report_origin WHERE chronicle_id = ? AND report_id = ?""",
                    version, report.area(), Date.valueOf(report.date()), report.control().to(),
                    report.control().extent().name(), Timestamp.from(recordedAt), chronicleId, reportId);
        } else if (report.type() == ReportType.CLASH) {
            jdbc.update("""
                            INSERT INTO clash_day (chronicle_id, report_id, version, area, on_day, recorded_at)
                            VALUES (?, ?, ?, ?, ?, ?)""",
                    chronicleId, reportId, version, report.area(), Date.valueOf(report.date()), Timestamp.from(recordedAt));
        }
    }

    /** What the report said stops counting at {@code at}: replaced, retracted or a duplicate. */
    void replace(String chronicleId, String reportId, long version, Instant at) {
        for (String table : TABLES) {
            jdbc.update("UPDATE " + table + " SET replaced_at = ?"
                            + " WHERE chronicle_id = ? AND report_id = ? AND version < ? AND replaced_at IS NULL",
                    Timestamp.from(at), chronicleId, reportId, version);
        }
    }

    void clear() {
        TABLES.forEach(table -> jdbc.update("DELETE FROM " + table));
        jdbc.update("DELETE FROM report_origin");
    }
}
