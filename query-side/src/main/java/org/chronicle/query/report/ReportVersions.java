package org.chronicle.query.report;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportStatus;
import org.chronicle.platform.eventstore.StoredJson;
import org.chronicle.query.AsOf;
import org.chronicle.query.Projections;
import org.chronicle.query.projection.ProjectionSets;
import org.chronicle.query.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every report as it stood after each event on it: for the reports of a day, the claims over it
 * and the search, now or as known and reported by an earlier moment.
 */
@Component
public class ReportVersions {

    private static final String COLUMNS = "report_id, version, status, content";

    private final JdbcTemplate jdbc;
    private final StoredJson json;
    private final ProjectionSets sets;

    ReportVersions(JdbcTemplate jdbc, StoredJson json, ProjectionSets sets) {
        this.jdbc = jdbc;
        this.json = json;
        this.sets = sets;
    }

    /** The reports dated {@code day}, whatever their status, in the order they were first recorded. */
    public List<DayReport> datedOn(String chronicleId, LocalDate day, AsOf asOf) {
        TableSet set = sets.active(Projections.REPORTS);
        AsOf.Condition state = asOf.counts("r", set.table("report_version"));
        return jdbc.query(set.sql("""
                        SELECT %s FROM {report_version} r WHERE chronicle_id = ? AND on_day = ? AND %s
                        ORDER BY first_recorded_at, first_position, report_id""".formatted(COLUMNS, state.sql())),
                this::dayReport, state.around(List.of(chronicleId, Date.valueOf(day))));
    }

    /** The period claims whose period holds {@code day}, whatever their status. */
    public List<DayReport> claimsOver(String chronicleId, LocalDate day, AsOf asOf) {
        TableSet set = sets.active(Projections.REPORTS);
        AsOf.Condition state = asOf.counts("r", set.table("report_version"));
        return jdbc.query(set.sql("""
                        SELECT %s FROM {report_version} r
                        WHERE chronicle_id = ? AND period_start <= ? AND period_end >= ? AND %s
                        ORDER BY period_end, period_start DESC, first_recorded_at, first_position, report_id"""
                        .formatted(COLUMNS, state.sql())),
                this::dayReport, state.around(List.of(chronicleId, Date.valueOf(day), Date.valueOf(day))));
    }

    /** How many reports are dated on each day of the chronicle. */
    public Map<LocalDate, Integer> countsByDay(String chronicleId, AsOf asOf) {
        TableSet set = sets.active(Projections.REPORTS);
        AsOf.Condition state = asOf.counts("r", set.table("report_version"));
        return jdbc.query(set.sql("""
                        SELECT on_day, COUNT(*) FROM {report_version} r
                        WHERE chronicle_id = ? AND on_day IS NOT NULL AND %s GROUP BY on_day"""
                        .formatted(state.sql())),
                (rs, n) -> Map.entry(rs.getDate(1).toLocalDate(), rs.getInt(2)), state.around(List.of(chronicleId)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** One page of the reports that match, newest first (the last first recorded). */
    public ReportPage search(String chronicleId, ReportSearch search, AsOf asOf) {
        TableSet set = sets.active(Projections.REPORTS);
        AsOf.Condition state = asOf.counts("r", set.table("report_version"));
        List<Object> params = new ArrayList<>(List.of(chronicleId));
        params.addAll(state.params());
        String where = "chronicle_id = ? AND " + state.sql() + search.conditions(params);
        Object[] args = params.toArray();
        long total = jdbc.queryForObject(set.sql("SELECT COUNT(*) FROM {report_version} r WHERE " + where), Long.class,
                args);
        List<DayReport> reports = jdbc.query(set.sql("SELECT " + COLUMNS + " FROM {report_version} r WHERE " + where
                        + " ORDER BY first_recorded_at DESC, first_position DESC, report_id DESC"
                        + " OFFSET " + search.offset() + " ROWS FETCH NEXT " + search.size() + " ROWS ONLY"),
                this::dayReport, args);
        return new ReportPage(chronicleId, search.page(), search.size(), total, reports);
    }

    /**
     * Each report that counts now (neither retracted nor a duplicate), with its effective content,
     * in the order reports were first recorded; rows are streamed, not held.
     */
    public void forEachEffective(String chronicleId, java.util.function.BiConsumer<String, ReportContent> report) {
        TableSet set = sets.active(Projections.REPORTS);
        jdbc.query(set.sql("""
                        SELECT report_id, content FROM {report_version}
                        WHERE chronicle_id = ? AND replaced_at IS NULL AND status IN ('ACTIVE', 'CORRECTED')
                        ORDER BY first_recorded_at, first_position, report_id"""),
                rs -> {
                    report.accept(rs.getString(1), json.read(rs.getString(2), ReportContent.class));
                }, chronicleId);
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
