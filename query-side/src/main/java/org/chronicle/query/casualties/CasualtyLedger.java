package org.chronicle.query.casualties;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chronicle.api.Figure;
import org.chronicle.api.Period;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.query.AsOf;
import org.chronicle.query.Projections;
import org.chronicle.query.projection.Positions;
import org.chronicle.query.projection.ProjectionSets;
import org.chronicle.query.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The casualty figures of dated reports, and their sums per party for a day (counting rule 2). */
@Component
public class CasualtyLedger {

    /** Every event on every report, as this projection saw it: it ends the versions before it. */
    static final String EVENTS = "casualty_report_event";

    /** A day later than any a chronicle holds, for "every day" in SQL. */
    private static final LocalDate FAR = LocalDate.of(9999, 12, 31);

    /** Chronicles whose cumulative counts of now are kept; the least recently read goes first. */
    private static final int KEPT = 32;

    private final JdbcTemplate jdbc;
    private final ProjectionSets sets;
    private final Positions positions;
    private final Map<String, Kept> now = Collections.synchronizedMap(new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > KEPT;
        }
    });

    CasualtyLedger(JdbcTemplate jdbc, ProjectionSets sets, Positions positions) {
        this.jdbc = jdbc;
        this.sets = sets;
        this.positions = positions;
    }

    /**
     * Sums per party the figures of the reports dated {@code day}. Low, best and high add up
     * separately; a sum with one unknown high has an unknown high.
     */
    public Map<String, PartyCasualties> day(String chronicleId, LocalDate day, AsOf asOf) {
        Map<String, PartyCasualties> byParty = new TreeMap<>();
        TableSet set = sets.active(Projections.CASUALTIES);
        if (asOf.isNow()) {
            jdbc.query(set.sql("""
                            SELECT party,
                                   SUM(killed_low), SUM(killed_best), SUM(killed_high), SUM(killed_n), SUM(killed_high_n),
                                   SUM(wounded_low), SUM(wounded_best), SUM(wounded_high), SUM(wounded_n),
                                   SUM(wounded_high_n)
                            FROM {casualty_day_sum} WHERE chronicle_id = ? AND on_day = ? AND rows_n > 0
                            GROUP BY party"""),
                    rs -> {
                        byParty.put(rs.getString(1), new PartyCasualties(sum(rs, 2), sum(rs, 7)));
                    }, chronicleId, Date.valueOf(day));
            return byParty;
        }
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
     * raised by the period claims that end by it. Now, a day of the period is looked up in the
     * counts of every day, which are kept (see {@link #cumulativeEachDay}).
     */
    public Map<String, PartyCasualties> cumulative(String chronicleId, LocalDate day, ChronicleDefinition chronicle,
                                                   AsOf asOf) {
        if (asOf.isNow() && chronicle.period().contains(day)) {
            return cumulativeEachDay(chronicleId, chronicle, asOf).get(day);
        }
        return new Reconciliation(chronicle).eachDay(dayFigures(chronicleId, day, asOf), claims(chronicleId, day, asOf),
                List.of(day)).get(day);
    }

    /**
     * The cumulative figures through every day of the period, read once and swept in order. The
     * counts of now are kept per chronicle while the casualty tables stay as they were (the same
     * {@link Positions.Revision}) and the definition is the same: every later read of now is a
     * lookup, until the projection writes again.
     */
    public Map<LocalDate, Map<String, PartyCasualties>> cumulativeEachDay(String chronicleId,
                                                                         ChronicleDefinition chronicle, AsOf asOf) {
        if (!asOf.isNow()) {
            return sweep(chronicleId, chronicle, asOf);
        }
        Positions.Revision revision = positions.revision(Projections.CASUALTIES);
        Kept kept = now.get(chronicleId);
        if (kept != null && kept.revision().equals(revision) && kept.chronicle().equals(chronicle)) {
            return kept.byDay();
        }
        Map<LocalDate, Map<String, PartyCasualties>> byDay = new TreeMap<>();
        sweep(chronicleId, chronicle, asOf).forEach((day, parties) -> byDay.put(day, Collections.unmodifiableMap(parties)));
        Kept fresh = new Kept(chronicle, revision, Collections.unmodifiableMap(byDay));
        now.put(chronicleId, fresh);
        return fresh.byDay();
    }

    private Map<LocalDate, Map<String, PartyCasualties>> sweep(String chronicleId, ChronicleDefinition chronicle,
                                                               AsOf asOf) {
        LocalDate end = chronicle.period().end();
        return new Reconciliation(chronicle).eachDay(dayFigures(chronicleId, end, asOf), claims(chronicleId, end, asOf),
                chronicle.period().days().toList());
    }

    /** The cumulative counts of every day of a chronicle as they stood at a revision of the tables. */
    private record Kept(ChronicleDefinition chronicle, Positions.Revision revision,
                        Map<LocalDate, Map<String, PartyCasualties>> byDay) {
    }

    /** The day sums of every day of the period (counting rule 2), in one reading. */
    public Map<LocalDate, Map<String, PartyCasualties>> dayEachDay(String chronicleId, AsOf asOf) {
        Map<LocalDate, Map<String, PartyCasualties>> byDay = new TreeMap<>();
        for (Reconciliation.DayFigure figure : dayFigures(chronicleId, LocalDate.MAX, asOf)) {
            byDay.computeIfAbsent(figure.day(), d -> new TreeMap<>())
                    .merge(figure.party(), figure.casualties(), CasualtyLedger::plus);
        }
        return byDay;
    }

    private static PartyCasualties plus(PartyCasualties a, PartyCasualties b) {
        return new PartyCasualties(plus(a.killed(), b.killed()), plus(a.wounded(), b.wounded()));
    }

    private static Figure plus(Figure a, Figure b) {
        return a == null ? b : b == null ? a : a.plus(b);
    }

    /**
     * The day sums per day, area and party, up to {@code through}: now, from the sums the
     * projection keeps; as of an earlier moment, from the figures that counted then.
     */
    private List<Reconciliation.DayFigure> dayFigures(String chronicleId, LocalDate through, AsOf asOf) {
        TableSet set = sets.active(Projections.CASUALTIES);
        LocalDate until = through.isAfter(FAR) ? FAR : through;
        if (asOf.isNow()) {
            return jdbc.query(set.sql("""
                            SELECT on_day, area, party,
                                   killed_low, killed_best, killed_high, killed_n, killed_high_n,
                                   wounded_low, wounded_best, wounded_high, wounded_n, wounded_high_n
                            FROM {casualty_day_sum} WHERE chronicle_id = ? AND on_day <= ? AND rows_n > 0"""),
                    (rs, n) -> new Reconciliation.DayFigure(rs.getDate(1).toLocalDate(), rs.getString(2),
                            rs.getString(3), new PartyCasualties(sum(rs, 4), sum(rs, 9))),
                    chronicleId, Date.valueOf(until));
        }
        AsOf.Condition counts = asOf.counts("f", set.table(EVENTS));
        return jdbc.query(set.sql("""
                        SELECT on_day, area, party,
                               SUM(killed_low), SUM(killed_best), SUM(killed_high),
                               COUNT(killed_best), COUNT(killed_high),
                               SUM(wounded_low), SUM(wounded_best), SUM(wounded_high),
                               COUNT(wounded_best), COUNT(wounded_high)
                        FROM {casualty_figure} f WHERE chronicle_id = ? AND on_day <= ? AND %s
                        GROUP BY on_day, area, party""".formatted(counts.sql())),
                (rs, n) -> new Reconciliation.DayFigure(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
                        new PartyCasualties(sum(rs, 4), sum(rs, 9))),
                counts.around(List.of(chronicleId, Date.valueOf(until))));
    }

    /** The claims ending by {@code through}, in the order of application. */
    private List<Reconciliation.Claim> claims(String chronicleId, LocalDate through, AsOf asOf) {
        TableSet set = sets.active(Projections.CASUALTIES);
        AsOf.Condition counts = asOf.counts("f", set.table(EVENTS));
        return jdbc.query(set.sql("""
                        SELECT period_start, period_end, area, party,
                               killed_low, killed_best, killed_high, wounded_low, wounded_best, wounded_high
                        FROM {period_claim} f WHERE chronicle_id = ? AND period_end <= ? AND %s
                        ORDER BY period_end, period_start DESC, recorded_position, party""".formatted(counts.sql())),
                (rs, n) -> new Reconciliation.Claim(
                        new Period(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()), rs.getString(3),
                        rs.getString(4), new PartyCasualties(figure(rs, 5), figure(rs, 8))),
                counts.around(List.of(chronicleId, Date.valueOf(through))));
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
