package org.chronicle.query.report;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportStatus;
import org.chronicle.platform.eventstore.StoredJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each report as it stands now: for the reports of a day, and the claims over it. */
@Component
public class ReportSummaries {

    private final JdbcTemplate jdbc;
    private final StoredJson json;

    ReportSummaries(JdbcTemplate jdbc, StoredJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The reports dated {@code day}, whatever their status, in the order they were recorded. */
    public List<DayReport> datedOn(String chronicleId, LocalDate day) {
        return jdbc.query("""
                        SELECT report_id, version, status, content FROM report_summary
                        WHERE chronicle_id = ? AND on_day = ? ORDER BY recorded_at, report_id""",
                this::dayReport, chronicleId, Date.valueOf(day));
    }

    /** The period claims whose period holds {@code day}, whatever their status. */
    public List<DayReport> claimsOver(String chronicleId, LocalDate day) {
        return jdbc.query("""
                        SELECT report_id, version, status, content FROM report_summary
                        WHERE chronicle_id = ? AND period_start <= ? AND period_end >= ?
                        ORDER BY period_end, period_start DESC, recorded_at, report_id""",
                this::dayReport, chronicleId, Date.valueOf(day), Date.valueOf(day));
    }

    /** How many reports are dated on each day of the chronicle. */
    public Map<LocalDate, Integer> countsByDay(String chronicleId) {
        return jdbc.query("""
                        SELECT on_day, COUNT(*) FROM report_summary
                        WHERE chronicle_id = ? AND on_day IS NOT NULL GROUP BY on_day""",
                (rs, n) -> Map.entry(rs.getDate(1).toLocalDate(), rs.getInt(2)), chronicleId)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void record(String chronicleId, String reportId, long version, ReportContent report, ReportStatus status,
                Instant recordedAt) {
        int updated = jdbc.update("""
                        UPDATE report_summary SET version = ?, status = ?, type = ?, on_day = ?, period_start = ?,
                            period_end = ?, area = ?, content = ?
                        WHERE chronicle_id = ? AND report_id = ? AND version < ?""",
                version, status.name(), report.type().name(), date(report.date()),
                date(report.isPeriodClaim() ? report.period().start() : null),
                date(report.isPeriodClaim() ? report.period().end() : null), report.area(), json.write(report),
                chronicleId, reportId, version);
        if (updated == 0 && version == 1 && count(chronicleId, reportId) == 0) {
            jdbc.update("""
                            INSERT INTO report_summary (chronicle_id, report_id, version, status, type, on_day,
                                period_start, period_end, area, content, recorded_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    chronicleId, reportId, version, status.name(), report.type().name(), date(report.date()),
                    date(report.isPeriodClaim() ? report.period().start() : null),
                    date(report.isPeriodClaim() ? report.period().end() : null), report.area(), json.write(report),
                    Timestamp.from(recordedAt));
        }
    }

    void mark(String chronicleId, String reportId, long version, ReportStatus status) {
        jdbc.update("UPDATE report_summary SET version = ?, status = ? WHERE chronicle_id = ? AND report_id = ? AND version < ?",
                version, status.name(), chronicleId, reportId, version);
    }

    void clear() {
        jdbc.update("DELETE FROM report_summary");
    }

    private long count(String chronicleId, String reportId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM report_summary WHERE chronicle_id = ? AND report_id = ?",
                Long.class, chronicleId, reportId);
    }

    private DayReport dayReport(ResultSet rs, int row) throws SQLException {
        ReportContent content = json.read(rs.getString(4), ReportContent.class);
        return new DayReport(rs.getString(1), content.type().name(), rs.getLong(2),
                ReportStatus.valueOf(rs.getString(3)), content.summary(), content.sources(), content.date(),
                content.period(), content.area(), content.casualties());
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }


}
