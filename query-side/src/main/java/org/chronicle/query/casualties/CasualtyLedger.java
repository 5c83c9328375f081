package org.chronicle.query.casualties;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chronicle.api.Figure;
import org.chronicle.api.Period;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.report.ReportContent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The casualty figures of dated reports, and their sums per party for a day (counting rule 2). */
@Component
public class CasualtyLedger {

    private final JdbcTemplate jdbc;

    CasualtyLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Sums per party the figures of the reports dated {@code day}. Low, best and high add up
     * separately; a sum with one unknown high has an unknown high.
     */
    public Map<String, PartyCasualties> day(String chronicleId, LocalDate day) {
        Map<String, PartyCasualties> byParty = new TreeMap<>();
        jdbc.query("""
                        SELECT party,
                               SUM(killed_low), SUM(killed_best), SUM(killed_high),
                               COUNT(killed_best), COUNT(killed_high),
                               SUM(wounded_low), SUM(wounded_best), SUM(wounded_high),
                               COUNT(wounded_best), COUNT(wounded_high)
                        FROM casualty_figure WHERE chronicle_id = ? AND on_day = ? AND replaced_at IS NULL
                        GROUP BY party""",
                rs -> {
                    byParty.put(rs.getString(1), new PartyCasualties(sum(rs, 2), sum(rs, 7)));
                }, chronicleId, Date.valueOf(day));
        return byParty;
    }

    /**
     * The cumulative figures through {@code day} (counting rule 3): the day figures up to it,
     * raised by the period claims that end by it.
     */
    public Map<String, PartyCasualties> cumulative(String chronicleId, LocalDate day, ChronicleDefinition chronicle) {
        List<Reconciliation.DayFigure> days = jdbc.query("""
                        SELECT on_day, area, party,
                               SUM(killed_low), SUM(killed_best), SUM(killed_high),
                               COUNT(killed_best), COUNT(killed_high),
                               SUM(wounded_low), SUM(wounded_best), SUM(wounded_high),
                               COUNT(wounded_best), COUNT(wounded_high)
                        FROM casualty_figure WHERE chronicle_id = ? AND on_day <= ? AND replaced_at IS NULL
                        GROUP BY on_day, area, party""",
                (rs, n) -> new Reconciliation.DayFigure(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
                        new PartyCasualties(sum(rs, 4), sum(rs, 9))),
                chronicleId, Date.valueOf(day));
        List<Reconciliation.Claim> claims = jdbc.query("""
                        SELECT period_start, period_end, area, party,
                               killed_low, killed_best, killed_high, wounded_low, wounded_best, wounded_high
                        FROM period_claim WHERE chronicle_id = ? AND period_end <= ? AND replaced_at IS NULL
                        ORDER BY period_end, period_start DESC, recorded_position, party""",
                (rs, n) -> new Reconciliation.Claim(
                        new Period(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()), rs.getString(3),
                        rs.getString(4), new PartyCasualties(figure(rs, 5), figure(rs, 8))),
                chronicleId, Date.valueOf(day));
        return new Reconciliation(chronicle).cumulative(days, claims);
    }

    /** Columns from {@code at}: low, best, high; a null best means the figure was not given. */
    private static Figure figure(ResultSet rs, int at) throws SQLException {
        long best = rs.getLong(at + 1);
        if (rs.wasNull()) {
            return null;
        }
        long high = rs.getLong(at + 2);
        return new Figure(rs.getLong(at), best, rs.wasNull() ? null : high);
    }

    /** Columns from {@code at}: low, best, high sums, then the counts of reported and of known highs. */
    private static Figure sum(ResultSet rs, int at) throws SQLException {
        long reported = rs.getLong(at + 3);
        if (reported == 0) {
            return null;
        }
        boolean allHighsKnown = rs.getLong(at + 4) == reported;
        return new Figure(rs.getLong(at), rs.getLong(at + 1), allHighsKnown ? rs.getLong(at + 2) : null);
    }

    /**
     * Writes one version's figures and marks the earlier versions replaced. Handling the same
     * event again (a batch replayed after a crash) writes the same rows.
     */
    void put(String chronicleId, String reportId, long version, ReportContent report, Instant recordedAt,
             long position) {
        replace(chronicleId, reportId, version, recordedAt);
        jdbc.update("DELETE FROM casualty_figure WHERE chronicle_id = ? AND report_id = ? AND version = ?",
                chronicleId, reportId, version);
        jdbc.update("DELETE FROM period_claim WHERE chronicle_id = ? AND report_id = ? AND version = ?",
                chronicleId, reportId, version);
        if (report.isPeriodClaim()) {
            jdbc.batchUpdate("""
                            INSERT INTO period_claim (chronicle_id, report_id, version, party, period_start, period_end,
                                area, killed_low, killed_best, killed_high, wounded_low, wounded_best, wounded_high,
                                recorded_position, recorded_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    report.casualties().stream().map(c -> new Object[] {chronicleId, reportId, version, c.party().id(),
                            Date.valueOf(report.period().start()), Date.valueOf(report.period().end()), report.area(),
                            low(c.killed()), best(c.killed()), high(c.killed()),
                            low(c.wounded()), best(c.wounded()), high(c.wounded()),
                            position, Timestamp.from(recordedAt)}).toList());
        } else {
            jdbc.batchUpdate("""
                            INSERT INTO casualty_figure (chronicle_id, report_id, version, party, on_day, area,
                                killed_low, killed_best, killed_high, wounded_low, wounded_best, wounded_high,
                                recorded_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    report.casualties().stream().map(c -> new Object[] {chronicleId, reportId, version, c.party().id(),
                            Date.valueOf(report.date()), report.area(),
                            low(c.killed()), best(c.killed()), high(c.killed()),
                            low(c.wounded()), best(c.wounded()), high(c.wounded()),
                            Timestamp.from(recordedAt)}).toList());
        }
    }

    /** The report's current figures stop counting at {@code at}: replaced, retracted or a duplicate. */
    void replace(String chronicleId, String reportId, long version, Instant at) {
        for (String table : new String[] {"casualty_figure", "period_claim"}) {
            jdbc.update("UPDATE " + table + " SET replaced_at = ?"
                            + " WHERE chronicle_id = ? AND report_id = ? AND version < ? AND replaced_at IS NULL",
                    Timestamp.from(at), chronicleId, reportId, version);
        }
    }

    void clear() {
        jdbc.update("DELETE FROM casualty_figure");
        jdbc.update("DELETE FROM period_claim");
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
