package org.chronicle.query.casualties;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chronicle.api.Figure;
import org.chronicle.api.report.ReportContent;
import org.chronicle.query.projection.Supersession;
import org.chronicle.query.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes the casualty figures and claims into one table set, version by version. */
final class CasualtyRows {

    private final JdbcTemplate jdbc;
    private final TableSet set;

    CasualtyRows(JdbcTemplate jdbc, TableSet set) {
        this.jdbc = jdbc;
        this.set = set;
    }

    /**
     * Writes one version's figures and marks the earlier versions replaced. Handling the same
     * event again (a batch replayed after a crash) writes the same rows.
     */
    void put(String chronicleId, String reportId, long version, ReportContent report, Instant recordedAt,
             LocalDate reportedOn, long position) {
        replace(chronicleId, reportId, version, recordedAt, reportedOn);
        update("DELETE FROM {casualty_figure} WHERE chronicle_id = ? AND report_id = ? AND version = ?",
                chronicleId, reportId, version);
        update("DELETE FROM {period_claim} WHERE chronicle_id = ? AND report_id = ? AND version = ?",
                chronicleId, reportId, version);
        if (report.isPeriodClaim()) {
            batch("""
                            INSERT INTO {period_claim} (chronicle_id, report_id, version, party, period_start, period_end,
                                area, killed_low, killed_best, killed_high, wounded_low, wounded_best, wounded_high,
                                recorded_position, recorded_at, reported_on)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    report.casualties().stream().map(c -> new Object[] {chronicleId, reportId, version, c.party().id(),
                            Date.valueOf(report.period().start()), Date.valueOf(report.period().end()), report.area(),
                            low(c.killed()), best(c.killed()), high(c.killed()),
                            low(c.wounded()), best(c.wounded()), high(c.wounded()),
                            position, Timestamp.from(recordedAt), Date.valueOf(reportedOn)}).toList());
        } else {
            batch("""
                            INSERT INTO {casualty_figure} (chronicle_id, report_id, version, party, on_day, area,
                                killed_low, killed_best, killed_high, wounded_low, wounded_best, wounded_high,
                                recorded_at, reported_on)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    report.casualties().stream().map(c -> new Object[] {chronicleId, reportId, version, c.party().id(),
                            Date.valueOf(report.date()), report.area(),
                            low(c.killed()), best(c.killed()), high(c.killed()),
                            low(c.wounded()), best(c.wounded()), high(c.wounded()),
                            Timestamp.from(recordedAt), Date.valueOf(reportedOn)}).toList());
        }
    }

    /**
     * An event on the report at {@code version}: its current figures stop counting at {@code at}
     * (replaced, retracted or a duplicate), and the event is kept for the other time axes.
     */
    void replace(String chronicleId, String reportId, long version, Instant at, LocalDate reportedOn) {
        Supersession.record(jdbc, set, CasualtyLedger.EVENTS, List.of("casualty_figure", "period_claim"), chronicleId, reportId, version, at, reportedOn);
    }

    void clear() {
        update("DELETE FROM {casualty_figure}");
        update("DELETE FROM {period_claim}");
        update("DELETE FROM {" + CasualtyLedger.EVENTS + "}");
    }

    private void update(String sql, Object... args) {
        jdbc.update(set.sql(sql), args);
    }

    private void batch(String sql, List<Object[]> rows) {
        jdbc.batchUpdate(set.sql(sql), rows);
    }

    private static Long low(Figure f) {
        return f == null ? null : f.low();
    }

    private static Long best(Figure f) {
        return f == null ? null : f.best();
    }

    private static Long high(Figure f) {
        return f == null ? null : f.high();
    }
}
