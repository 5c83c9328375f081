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
import org.chronicle.query.projection.WrittenReports;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The casualty figures and claims of one table set, version by version. A batch's rows are
 * written many to a statement; what depends on a report's later events (when each version was
 * replaced) and the day sums are worked out after, for the reports written or for all.
 */
final class CasualtyRows {

    static final List<String> TABLES =
            List.of("casualty_figure", "period_claim", "casualty_day_sum", CasualtyLedger.EVENTS);
    /** The key of a version's rows: chronicle, report, version. */
    private static final int KEY = 3;
    private static final String SUMS = """
            INSERT INTO {casualty_day_sum} (chronicle_id, on_day, area, party, rows_n,
                killed_low, killed_best, killed_high, killed_n, killed_high_n,
                wounded_low, wounded_best, wounded_high, wounded_n, wounded_high_n)
            SELECT chronicle_id, on_day, area, party, COUNT(*),
                COALESCE(SUM(killed_low), 0), COALESCE(SUM(killed_best), 0), COALESCE(SUM(killed_high), 0),
                COUNT(killed_best), COUNT(killed_high),
                COALESCE(SUM(wounded_low), 0), COALESCE(SUM(wounded_best), 0), COALESCE(SUM(wounded_high), 0),
                COUNT(wounded_best), COUNT(wounded_high)
            FROM {casualty_figure} f WHERE replaced_at IS NULL%s
            GROUP BY chronicle_id, on_day, area, party""";

    private final JdbcTemplate jdbc;
    private final TableSet set;

    CasualtyRows(JdbcTemplate jdbc, TableSet set) {
        this.jdbc = jdbc;
        this.set = set;
    }

    /** @param replacing whether a write first deletes the rows of the versions it writes (see {@link RowBatch}) */
    RowBatch figures(boolean replacing) {
        return new RowBatch(jdbc, set.table("casualty_figure"), List.of("chronicle_id", "report_id", "version", "party",
                "on_day", "area", "killed_low", "killed_best", "killed_high", "wounded_low", "wounded_best",
                "wounded_high", "recorded_at", "reported_on"), replacing ? KEY : 0);
    }

    RowBatch claims(boolean replacing) {
        return new RowBatch(jdbc, set.table("period_claim"), List.of("chronicle_id", "report_id", "version", "party",
                "period_start", "period_end", "area", "killed_low", "killed_best", "killed_high", "wounded_low",
                "wounded_best", "wounded_high", "recorded_position", "recorded_at", "reported_on"), replacing ? KEY : 0);
    }

    RowBatch events(boolean replacing) {
        return new RowBatch(jdbc, set.table(CasualtyLedger.EVENTS), Supersession.EVENT_COLUMNS, replacing ? KEY : 0);
    }

    /**
     * The rows of one version, added to {@code rows}: the {@link #claims} of a period claim
     * (which is in no day, counting rule 3), or else the {@link #figures} of its day.
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
     * Each version's figures and claims replaced when the next event on the report came, and the
     * day sums of the figures that count now (rule 1): for the reports {@code written}, or for
     * every report when it is null. The sums of a day, area and party are summed again whole
     * when one of the reports written has a figure there, in any version.
     */
    void settle(WrittenReports written) {
        for (String table : List.of("casualty_figure", "period_claim")) {
            Supersession.replaceAll(jdbc, set, CasualtyLedger.EVENTS, table, written);
        }
        if (written == null) {
            update("DELETE FROM {casualty_day_sum}");
            update(SUMS.formatted(""));
            return;
        }
        written.forEach((chronicleId, reportIds) -> {
            // The keys first, then statements on one key each. One statement over "the keys these
            // reports touch" got a plan that scans the chronicle once the tables had statistics:
            // 16 ms a batch instead of well under one.
            List<Object[]> keys = jdbc.query(set.sql("SELECT DISTINCT on_day, area, party FROM {casualty_figure}"
                            + " WHERE chronicle_id = ? AND " + WrittenReports.in("report_id", reportIds)),
                    (rs, n) -> new Object[] {chronicleId, rs.getDate(1), rs.getString(2), rs.getString(3)},
                    WrittenReports.arguments(chronicleId, reportIds));
            if (!keys.isEmpty()) {
                String key = " AND chronicle_id = ? AND on_day = ? AND area = ? AND party = ?";
                jdbc.batchUpdate(set.sql("DELETE FROM {casualty_day_sum} WHERE 1 = 1" + key), keys);
                jdbc.batchUpdate(set.sql(SUMS.formatted(key)), keys);
            }
        });
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
