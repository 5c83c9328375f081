package org.chronicle.query.casualties;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chronicle.api.Figure;
import org.chronicle.api.report.Casualties;
import org.chronicle.api.report.ReportContent;
import org.chronicle.query.projection.RowBatch;
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
        daySums(chronicleId, reportId, "version = ?", version, -1);
        update("DELETE FROM {casualty_figure} WHERE chronicle_id = ? AND report_id = ? AND version = ?",
                chronicleId, reportId, version);
        update("DELETE FROM {period_claim} WHERE chronicle_id = ? AND report_id = ? AND version = ?",
                chronicleId, reportId, version);
        RowBatch rows = report.isPeriodClaim() ? claims() : figures();
        version(rows, chronicleId, reportId, version, report, recordedAt, reportedOn, position);
        rows.write();
        if (!report.isPeriodClaim()) {
            daySums(chronicleId, reportId, "version = ?", version, +1);
        }
    }

    RowBatch figures() {
        return new RowBatch(jdbc, set.table("casualty_figure"), List.of("chronicle_id", "report_id", "version", "party",
                "on_day", "area", "killed_low", "killed_best", "killed_high", "wounded_low", "wounded_best",
                "wounded_high", "recorded_at", "reported_on"));
    }

    RowBatch claims() {
        return new RowBatch(jdbc, set.table("period_claim"), List.of("chronicle_id", "report_id", "version", "party",
                "period_start", "period_end", "area", "killed_low", "killed_best", "killed_high", "wounded_low",
                "wounded_best", "wounded_high", "recorded_position", "recorded_at", "reported_on"));
    }

    RowBatch events() {
        return new RowBatch(jdbc, set.table(CasualtyLedger.EVENTS), Supersession.EVENT_COLUMNS);
    }

    /**
     * The rows of one version, added to {@code rows}: the {@link #claims()} of a period claim
     * (which is in no day, counting rule 3), or else the {@link #figures()} of its day.
     */
    static void version(RowBatch rows, String chronicleId, String reportId, long version, ReportContent report,
                        Instant recordedAt, LocalDate reportedOn, long position) {
        for (Casualties c : report.casualties()) {
            if (report.isPeriodClaim()) {
                rows.add(chronicleId, reportId, version, c.party().id(),
                        Date.valueOf(report.period().start()), Date.valueOf(report.period().end()), report.area(),
                        low(c.killed()), best(c.killed()), high(c.killed()),
                        low(c.wounded()), best(c.wounded()), high(c.wounded()),
                        position, Timestamp.from(recordedAt), Date.valueOf(reportedOn));
            } else {
                rows.add(chronicleId, reportId, version, c.party().id(), Date.valueOf(report.date()), report.area(),
                        low(c.killed()), best(c.killed()), high(c.killed()),
                        low(c.wounded()), best(c.wounded()), high(c.wounded()),
                        Timestamp.from(recordedAt), Date.valueOf(reportedOn));
            }
        }
    }

    /**
     * An event on the report at {@code version}: its current figures stop counting at {@code at}
     * (replaced, retracted or a duplicate), and the event is kept for the other time axes.
     */
    void replace(String chronicleId, String reportId, long version, Instant at, LocalDate reportedOn) {
        daySums(chronicleId, reportId, "version < ?", version, -1);
        Supersession.record(jdbc, set, CasualtyLedger.EVENTS, List.of("casualty_figure", "period_claim"), chronicleId, reportId, version, at, reportedOn);
    }

    /** After a bulk load: each version's figures and claims replaced when the next event on the report came. */
    void replaceAll() {
        for (String table : List.of("casualty_figure", "period_claim")) {
            Supersession.replaceAll(jdbc, set, CasualtyLedger.EVENTS, table);
        }
    }

    /**
     * After a bulk load: the day sums of the figures that count now, from nothing. What the event
     * handler adds and takes away row by row; it also leaves rows of zeros, which reads skip.
     */
    void sumAllDays() {
        update("DELETE FROM {casualty_day_sum}");
        update("""
                INSERT INTO {casualty_day_sum} (chronicle_id, on_day, area, party, rows_n,
                    killed_low, killed_best, killed_high, killed_n, killed_high_n,
                    wounded_low, wounded_best, wounded_high, wounded_n, wounded_high_n)
                SELECT chronicle_id, on_day, area, party, COUNT(*),
                    COALESCE(SUM(killed_low), 0), COALESCE(SUM(killed_best), 0), COALESCE(SUM(killed_high), 0),
                    COUNT(killed_best), COUNT(killed_high),
                    COALESCE(SUM(wounded_low), 0), COALESCE(SUM(wounded_best), 0), COALESCE(SUM(wounded_high), 0),
                    COUNT(wounded_best), COUNT(wounded_high)
                FROM {casualty_figure} WHERE replaced_at IS NULL
                GROUP BY chronicle_id, on_day, area, party""");
    }

    void clear() {
        update("DELETE FROM {casualty_figure}");
        update("DELETE FROM {period_claim}");
        update("DELETE FROM {casualty_day_sum}");
        update("DELETE FROM {" + CasualtyLedger.EVENTS + "}");
    }

    /**
     * Adds to the day sums ({@code sign} +1) or takes from them (-1) the report's figures that
     * count now and match {@code versions}: before they are replaced or written again, and after
     * they are written. Rows that no longer count were taken out when they stopped counting.
     */
    private void daySums(String chronicleId, String reportId, String versions, long version, int sign) {
        List<Object[]> changes = jdbc.query(set.sql("""
                        SELECT on_day, area, party, killed_low, killed_best, killed_high,
                               wounded_low, wounded_best, wounded_high
                        FROM {casualty_figure}
                        WHERE chronicle_id = ? AND report_id = ? AND replaced_at IS NULL AND %s""".formatted(versions)),
                (rs, n) -> new Object[] {sign,
                        sign * rs.getLong(4), sign * rs.getLong(5), sign * rs.getLong(6),
                        rs.getObject(5) == null ? 0 : sign, rs.getObject(6) == null ? 0 : sign,
                        sign * rs.getLong(7), sign * rs.getLong(8), sign * rs.getLong(9),
                        rs.getObject(8) == null ? 0 : sign, rs.getObject(9) == null ? 0 : sign,
                        chronicleId, rs.getDate(1), rs.getString(2), rs.getString(3)},
                chronicleId, reportId, version);
        for (Object[] change : changes) {
            int changed = jdbc.update(set.sql("""
                            UPDATE {casualty_day_sum} SET rows_n = rows_n + ?,
                                killed_low = killed_low + ?, killed_best = killed_best + ?,
                                killed_high = killed_high + ?, killed_n = killed_n + ?,
                                killed_high_n = killed_high_n + ?,
                                wounded_low = wounded_low + ?, wounded_best = wounded_best + ?,
                                wounded_high = wounded_high + ?, wounded_n = wounded_n + ?,
                                wounded_high_n = wounded_high_n + ?
                            WHERE chronicle_id = ? AND on_day = ? AND area = ? AND party = ?"""), change);
            if (changed == 0) {
                jdbc.update(set.sql("""
                                INSERT INTO {casualty_day_sum} (rows_n, killed_low, killed_best, killed_high,
                                    killed_n, killed_high_n, wounded_low, wounded_best, wounded_high, wounded_n,
                                    wounded_high_n, chronicle_id, on_day, area, party)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""), change);
            }
        }
    }

    private void update(String sql, Object... args) {
        jdbc.update(set.sql(sql), args);
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
