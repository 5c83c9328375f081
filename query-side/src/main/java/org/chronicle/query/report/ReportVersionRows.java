package org.chronicle.query.report;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportStatus;
import org.chronicle.platform.eventstore.StoredJson;
import org.chronicle.query.projection.RowBatch;
import org.chronicle.query.projection.Supersession;
import org.chronicle.query.projection.TableSet;
import org.chronicle.query.projection.WrittenReports;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes every report as it stood after each event on it into one table set. */
final class ReportVersionRows {

    private final JdbcTemplate jdbc;
    private final StoredJson json;
    private final TableSet set;

    ReportVersionRows(JdbcTemplate jdbc, StoredJson json, TableSet set) {
        this.jdbc = jdbc;
        this.json = json;
        this.set = set;
    }

    static final List<String> COLUMNS = List.of("chronicle_id", "report_id", "version", "kind", "status", "type",
            "on_day", "period_start", "period_end", "area", "content", "search_text", "first_recorded_at",
            "recorded_at", "reported_on", "first_position");
    /** Where a row of {@link #COLUMNS} holds the instant its report was first recorded. */
    static final int FIRST_RECORDED_AT = 12;
    /**
     * Where it holds the store position of its report's first event: the order of reports first
     * recorded in the same millisecond, as fine as the store keeps instants.
     */
    static final int FIRST_POSITION = 15;

    /** @param replacing whether a write first deletes the rows of the versions it writes (see {@link RowBatch}) */
    RowBatch rows(boolean replacing) {
        return new RowBatch(jdbc, set.table("report_version"), COLUMNS, replacing ? 3 : 0);
    }

    /** Deletes the rows of these versions (chronicle, report, version), before they are written again. */
    void delete(Collection<List<Object>> versions) {
        RowBatch.delete(jdbc, set.table("report_version"), COLUMNS.subList(0, 3), versions);
    }

    /** The row of a new content, in the order of {@link #COLUMNS}. */
    Object[] contentRow(String chronicleId, String reportId, long version, String kind, ReportContent report,
                        ReportStatus status, Instant firstRecordedAt, Instant recordedAt, LocalDate reportedOn,
                        Long firstPosition) {
        return new Object[] {chronicleId, reportId, version, kind, status.name(), report.type().name(),
                date(report.date()), date(report.isPeriodClaim() ? report.period().start() : null),
                date(report.isPeriodClaim() ? report.period().end() : null), report.area(), json.write(report),
                searchText(report), Timestamp.from(firstRecordedAt), Timestamp.from(recordedAt), Date.valueOf(reportedOn),
                firstPosition};
    }

    /**
     * A retraction, reinstatement or duplicate mark: a row with the content of the row before it
     * and another status. Its arguments are {@link #markArgs}; a batch runs many at once.
     */
    String markSql() {
        return set.sql("""
                INSERT INTO {report_version} (chronicle_id, report_id, version, kind, status, type, on_day,
                    period_start, period_end, area, content, search_text, first_recorded_at, recorded_at,
                    reported_on, first_position)
                SELECT chronicle_id, report_id, ?, ?, ?, type, on_day, period_start, period_end, area, content,
                    search_text, first_recorded_at, ?, ?, first_position
                FROM {report_version}
                WHERE chronicle_id = ? AND report_id = ? AND version = (SELECT MAX(version) FROM {report_version}
                    WHERE chronicle_id = ? AND report_id = ? AND version < ?)""");
    }

    static Object[] markArgs(String chronicleId, String reportId, long version, String kind, ReportStatus status,
                             Instant recordedAt, LocalDate reportedOn) {
        return new Object[] {version, kind, status.name(), Timestamp.from(recordedAt), Date.valueOf(reportedOn),
                chronicleId, reportId, chronicleId, reportId, version};
    }

    /** When a report was first recorded, and where its first event stands in the store. */
    record First(Timestamp at, Long position) {
    }

    /**
     * When each of the reports named, of one chronicle, was first recorded: what its earliest row
     * says.
     */
    Map<String, First> firstRecorded(String chronicleId, Collection<String> reportIds) {
        Map<String, First> found = new HashMap<>();
        List<String> ids = List.copyOf(reportIds);
        for (int from = 0; from < ids.size(); from += 1_000) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + 1_000));
            List<Object> args = new ArrayList<>();
            args.add(chronicleId);
            args.addAll(some);
            jdbc.query(set.sql("""
                            SELECT r.report_id, r.first_recorded_at, r.first_position FROM {report_version} r
                            WHERE r.chronicle_id = ? AND r.report_id IN (%s) AND r.version = (SELECT MIN(m.version)
                                FROM {report_version} m WHERE m.chronicle_id = r.chronicle_id AND m.report_id = r.report_id)"""
                            .formatted(String.join(", ", Collections.nCopies(some.size(), "?")))),
                    rs -> {
                        long position = rs.getLong(3);
                        found.put(rs.getString(1), new First(rs.getTimestamp(2), rs.wasNull() ? null : position));
                    }, args.toArray());
        }
        return found;
    }

    /**
     * Each row replaced when the next event on its report came, which made the next row: of the
     * reports {@code written}, or of all.
     */
    void settle(WrittenReports written) {
        Supersession.replaceAll(jdbc, set, "report_version", "report_version", written);
    }

    /** What the free-text search looks in: the summary and the sources' titles and publishers. */
    private static String searchText(ReportContent report) {
        return Stream.concat(Stream.of(report.summary()), report.sources().stream()
                        .flatMap(s -> Stream.of(s.name(), s.publisher())))
                .filter(text -> text != null && !text.isBlank())
                .collect(Collectors.joining("\n"))
                .toLowerCase(Locale.ROOT);
    }

    private void update(String sql, Object... args) {
        jdbc.update(set.sql(sql), args);
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
