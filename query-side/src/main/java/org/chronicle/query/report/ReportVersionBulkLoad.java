package org.chronicle.query.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.chronicle.api.report.ReportCorrected;
import org.chronicle.api.report.ReportMarkedDuplicate;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.api.report.ReportReinstated;
import org.chronicle.api.report.ReportRetracted;
import org.chronicle.api.report.ReportStatus;
import org.chronicle.query.ReportedOn;
import org.chronicle.query.projection.BulkLoad;
import org.chronicle.query.projection.RowBatch;
import org.chronicle.query.projection.WrittenReports;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every report as it stood after each event on it, a round of events at a time. A correction's
 * first-recorded instant is looked up once per round; retractions, reinstatements and duplicate
 * marks copy the row before them, so they are written after the round's contents, in their
 * order, as one batch. A reinstated report has a version above 1, so it reads CORRECTED, as the
 * contract defines it.
 */
final class ReportVersionBulkLoad implements BulkLoad {

    private final ReportVersionRows versions;
    private final JdbcTemplate jdbc;
    private final RowBatch contents;
    /** Corrections, waiting for when their reports were first recorded. */
    private final List<Object[]> corrections = new ArrayList<>();
    /** When the reports first recorded in this round were, and where. */
    private final Map<String, ReportVersionRows.First> recordedThisRound = new HashMap<>();
    private final List<Object[]> marks = new ArrayList<>();
    private final WrittenReports written;

    /** @param live whether the load follows the store's live batches, which may come again after a crash */
    ReportVersionBulkLoad(ReportVersionRows versions, JdbcTemplate jdbc, boolean live) {
        this.versions = versions;
        this.jdbc = jdbc;
        this.contents = versions.rows(live);
        this.written = live ? new WrittenReports() : null;
    }

    @Override
    public List<String> tables() {
        return List.of("report_version");
    }

    @Override
    public void add(EventMessage<?> message, long position) {
        Instant at = message.getTimestamp();
        Object payload = message.getPayload();
        if (payload instanceof ReportRecorded e) {
            wrote(e.chronicleId(), e.reportId());
            contents.add(versions.contentRow(e.chronicleId(), e.reportId(), 1, "RECORDED", e.report(),
                    ReportStatus.ACTIVE, at, at, ReportedOn.of(e, at), position));
            recordedThisRound.put(key(e.chronicleId(), e.reportId()),
                    new ReportVersionRows.First(Timestamp.from(at), position));
        } else if (payload instanceof ReportCorrected e) {
            wrote(e.chronicleId(), e.reportId());
            corrections.add(versions.contentRow(e.chronicleId(), e.reportId(), e.version(), "CORRECTED", e.report(),
                    ReportStatus.CORRECTED, at, at, ReportedOn.of(e, at), null));
        } else if (payload instanceof ReportRetracted e) {
            wrote(e.chronicleId(), e.reportId());
            marks.add(ReportVersionRows.markArgs(e.chronicleId(), e.reportId(), e.version(), "RETRACTED",
                    ReportStatus.RETRACTED, at, ReportedOn.recorded(at)));
        } else if (payload instanceof ReportReinstated e) {
            wrote(e.chronicleId(), e.reportId());
            marks.add(ReportVersionRows.markArgs(e.chronicleId(), e.reportId(), e.version(), "REINSTATED",
                    ReportStatus.CORRECTED, at, ReportedOn.recorded(at)));
        } else if (payload instanceof ReportMarkedDuplicate e) {
            wrote(e.chronicleId(), e.reportId());
            marks.add(ReportVersionRows.markArgs(e.chronicleId(), e.reportId(), e.version(), "MARKED_DUPLICATE",
                    ReportStatus.DUPLICATE, at, ReportedOn.recorded(at)));
        }
    }

    @Override
    public void write() {
        dateCorrections();
        contents.write();
        if (!marks.isEmpty()) {
            if (written != null) {
                versions.delete(marks.stream().map(mark -> List.of(mark[5], mark[6], mark[0])).toList());
            }
            jdbc.batchUpdate(versions.markSql(), marks);
            marks.clear();
        }
        recordedThisRound.clear();
    }

    /**
     * Each correction carries when and where its report was first recorded: this round's first
     * version, or the earliest row written before; failing both, its own instant and no position.
     */
    private void dateCorrections() {
        Map<String, Set<String>> earlier = new LinkedHashMap<>();
        for (Object[] row : corrections) {
            if (!recordedThisRound.containsKey(key((String) row[0], (String) row[1]))) {
                earlier.computeIfAbsent((String) row[0], c -> new LinkedHashSet<>()).add((String) row[1]);
            }
        }
        Map<String, ReportVersionRows.First> found = new HashMap<>(recordedThisRound);
        earlier.forEach((chronicleId, ids) -> versions.firstRecorded(chronicleId, ids)
                .forEach((reportId, first) -> found.put(key(chronicleId, reportId), first)));
        for (Object[] row : corrections) {
            ReportVersionRows.First first = found.get(key((String) row[0], (String) row[1]));
            if (first != null) {
                row[ReportVersionRows.FIRST_RECORDED_AT] = first.at();
                row[ReportVersionRows.FIRST_POSITION] = first.position();
            }
            contents.add(row);
        }
        corrections.clear();
    }

    private void wrote(String chronicleId, String reportId) {
        if (written != null) {
            written.add(chronicleId, reportId);
        }
    }

    private static String key(String chronicleId, String reportId) {
        return chronicleId + '\u0000' + reportId;
    }

    @Override
    public void complete() {
        versions.settle(null);
    }

    @Override
    public void completeWritten() {
        if (!written.isEmpty()) {
            versions.settle(written);
            written.clear();
        }
    }
}
