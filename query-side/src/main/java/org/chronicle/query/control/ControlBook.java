package org.chronicle.query.control;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.report.Extent;
import org.chronicle.query.AsOf;
import org.chronicle.query.Projections;
import org.chronicle.query.projection.ProjectionSets;
import org.chronicle.query.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Control changes and clashes, version by version, and who held what on a day. */
@Component
public class ControlBook {

    /** Every event on every report, as this projection saw it: it ends the versions before it. */
    static final String EVENTS = "control_report_event";
    private final JdbcTemplate jdbc;
    private final ProjectionSets sets;

    ControlBook(JdbcTemplate jdbc, ProjectionSets sets) {
        this.jdbc = jdbc;
        this.sets = sets;
    }

    /** Every area of the chronicle on {@code day}: its controller, extent, since when, and whether contested. */
    public List<AreaControl> on(String chronicleId, LocalDate day, ChronicleDefinition chronicle, AsOf asOf) {
        TableSet set = sets.active(Projections.CONTROL);
        AsOf.Condition counts = asOf.counts("c", set.table(EVENTS));
        List<ControlRule.Change> changes = jdbc.query(set.sql("""
                        SELECT report_id, area, on_day, to_side, extent, first_position FROM {control_change} c
                        WHERE chronicle_id = ? AND on_day <= ? AND %s""".formatted(counts.sql())),
                (rs, n) -> new ControlRule.Change(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getString(4), Extent.valueOf(rs.getString(5)), rs.getLong(6)),
                counts.around(List.of(chronicleId, Date.valueOf(day))));
        Set<String> clashes = new HashSet<>(jdbc.queryForList(set.sql("""
                        SELECT DISTINCT area FROM {clash_day} c WHERE chronicle_id = ? AND on_day = ? AND %s"""
                        .formatted(counts.sql())),
                String.class, counts.around(List.of(chronicleId, Date.valueOf(day)))));
        return new ControlRule(chronicle).on(changes, clashes);
    }

    /**
     * Every area on every day of the period, from one reading of the changes and one of the
     * clashes, the rule applied day by day in memory.
     */
    public Map<LocalDate, List<AreaControl>> eachDay(String chronicleId, ChronicleDefinition chronicle, AsOf asOf) {
        TableSet set = sets.active(Projections.CONTROL);
        AsOf.Condition counts = asOf.counts("c", set.table(EVENTS));
        LocalDate end = chronicle.period().end();
        List<ControlRule.Change> changes = jdbc.query(set.sql("""
                        SELECT report_id, area, on_day, to_side, extent, first_position FROM {control_change} c
                        WHERE chronicle_id = ? AND on_day <= ? AND %s ORDER BY on_day""".formatted(counts.sql())),
                (rs, n) -> new ControlRule.Change(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getString(4), Extent.valueOf(rs.getString(5)), rs.getLong(6)),
                counts.around(List.of(chronicleId, Date.valueOf(end))));
        Map<LocalDate, Set<String>> clashes = new HashMap<>();
        jdbc.query(set.sql("""
                        SELECT DISTINCT on_day, area FROM {clash_day} c WHERE chronicle_id = ? AND on_day <= ? AND %s"""
                        .formatted(counts.sql())),
                rs -> {
                    clashes.computeIfAbsent(rs.getDate(1).toLocalDate(), d -> new HashSet<>()).add(rs.getString(2));
                }, counts.around(List.of(chronicleId, Date.valueOf(end))));
        ControlRule.Standing standing = new ControlRule(chronicle).standing();
        Map<LocalDate, List<AreaControl>> byDay = new TreeMap<>();
        int known = 0;
        for (LocalDate day : chronicle.period().days().toList()) {
            while (known < changes.size() && !changes.get(known).day().isAfter(day)) {
                standing.add(changes.get(known++));
            }
            byDay.put(day, standing.on(clashes.getOrDefault(day, Set.of())));
        }
        return byDay;
    }
}
