package org.chronicle.query.casualties;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chronicle.api.Figure;
import org.chronicle.api.Period;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.query.AsOf;
import org.chronicle.query.Projections;
import org.chronicle.query.projection.ProjectionSets;
import org.chronicle.query.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The casualty figures of dated reports, and their sums per party for a day (counting rule 2). */
@Component
public class CasualtyLedger {

    /** Every event on every report, as this projection saw it: it ends the versions before it. */
    static final String EVENTS = "casualty_report_event";

    private final JdbcTemplate jdbc;
    private final ProjectionSets sets;

    CasualtyLedger(JdbcTemplate jdbc, ProjectionSets sets) {
        this.jdbc = jdbc;
        this.sets = sets;
    }

    /**
     * Sums per party the figures of the reports dated {@code day}. Low, best and high add up
     * separately; a sum with one unknown high has an unknown high.
     */
    public Map<String, PartyCasualties> day(String chronicleId, LocalDate day, AsOf asOf) {
        Map<String, PartyCasualties> byParty = new TreeMap<>();
        TableSet set = sets.active(Projections.CASUALTIES);
        AsOf.Condition counts = asOf.counts("f", set.table(EVENTS));
        jdbc.query(set.sql("""
                        SELECT party,
                               SUM(killed_low), SUM(killed_best), SUM(killed_high),
                               COUNT(killed_best), COUNT(killed_high),
                               SUM(wounded_low), SUM(wounded_best), SUM(wounded_high),
                               COUNT(wounded_best), COUNT(wounded_high)
                        FROM {casualty_figure} f WHERE chronicle_id = ? AND on_day = ? AND %s
                        GROUP BY party""".formatted(counts.sql())),
                rs -> {
                    byParty.put(rs.getString(1), new PartyCasualties(sum(rs, 2), sum(rs, 7)));
                }, counts.around(List.of(chronicleId, Date.valueOf(day))));
        return byParty;
    }

    /**
     * The cumulative figures through {@code day} (counting rule 3): the day figures up to it,
     * raised by the period claims that end by it.
     */
    public Map<String, PartyCasualties> cumulative(String chronicleId, LocalDate day, ChronicleDefinition chronicle,
                                                   AsOf asOf) {
        TableSet set = sets.active(Projections.CASUALTIES);
        AsOf.Condition counts = asOf.counts("f", set.table(EVENTS));
        List<Reconciliation.DayFigure> days = jdbc.query(set.sql("""
                        SELECT on_day, area, party,
                               SUM(killed_low), SUM(killed_best), SUM(killed_high),
                               COUNT(killed_best), COUNT(killed_high),
                               SUM(wounded_low), SUM(wounded_best), SUM(wounded_high),
                               COUNT(wounded_best), COUNT(wounded_high)
                        FROM {casualty_figure} f WHERE chronicle_id = ? AND on_day <= ? AND %s
                        GROUP BY on_day, area, party""".formatted(counts.sql())),
                (rs, n) -> new Reconciliation.DayFigure(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
                        new PartyCasualties(sum(rs, 4), sum(rs, 9))),
                counts.around(List.of(chronicleId, Date.valueOf(day))));
        List<Reconciliation.Claim> claims = jdbc.query(set.sql("""
                        SELECT period_start, period_end, area, party,
                               killed_low, killed_best, killed_high, wounded_low, wounded_best, wounded_high
                        FROM {period_claim} f WHERE chronicle_id = ? AND period_end <= ? AND %s
                        ORDER BY period_end, period_start DESC, recorded_position, party""".formatted(counts.sql())),
                (rs, n) -> new Reconciliation.Claim(
                        new Period(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()), rs.getString(3),
                        rs.getString(4), new PartyCasualties(figure(rs, 5), figure(rs, 8))),
                counts.around(List.of(chronicleId, Date.valueOf(day))));
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

}
