package org.chronicle.query.casualties;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.chronicle.api.Figure;
import org.chronicle.api.report.Casualties;
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
    void put(String chronicleId, String reportId, long version, LocalDate day, Iterable<Casualties> casualties,
             Instant recordedAt) {
        replace(chronicleId, reportId, version, recordedAt);
        jdbc.update("DELETE FROM casualty_figure WHERE chronicle_id = ? AND report_id = ? AND version = ?",
                chronicleId, reportId, version);
        if (day == null) {
            return;
        }
        for (Casualties c : casualties) {
            jdbc.update("""
                            INSERT INTO casualty_figure (chronicle_id, report_id, version, party, on_day,
                                killed_low, killed_best, killed_high, wounded_low, wounded_best, wounded_high,
                                recorded_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    chronicleId, reportId, version, c.party().id(), Date.valueOf(day),
                    low(c.killed()), best(c.killed()), high(c.killed()),
                    low(c.wounded()), best(c.wounded()), high(c.wounded()),
                    Timestamp.from(recordedAt));
        }
    }

    /** The report's current figures stop counting at {@code at}: replaced, retracted or a duplicate. */
    void replace(String chronicleId, String reportId, long version, Instant at) {
        jdbc.update("""
                        UPDATE casualty_figure SET replaced_at = ?
                        WHERE chronicle_id = ? AND report_id = ? AND version < ? AND replaced_at IS NULL""",
                Timestamp.from(at), chronicleId, reportId, version);
    }

    void clear() {
        jdbc.update("DELETE FROM casualty_figure");
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
