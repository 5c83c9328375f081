package org.chronicle.query.control;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportCorrected;
import org.chronicle.api.report.ReportMarkedDuplicate;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.api.report.ReportReinstated;
import org.chronicle.api.report.ReportRetracted;
import org.chronicle.api.report.ReportType;
import org.chronicle.query.ReportStreams;
import org.chronicle.query.ReportedOn;
import org.chronicle.query.projection.BulkLoad;
import org.chronicle.query.projection.RowBatch;
import org.chronicle.query.projection.Supersession;
import org.chronicle.query.projection.WrittenReports;

/**
 * The control changes and clashes of a round of events. Like the casualties, only a report's
 * current version counts, and retracted and duplicate reports count nothing (counting rule 1):
 * when each version was replaced is worked out at the end of a rebuild for every report, after
 * a live batch for the reports it wrote. A later version of a control change carries its
 * report's first position, looked up once per round.
 */
final class ControlBulkLoad implements BulkLoad {

    /** Where a control change row holds its report's first position. */
    private static final int FIRST_POSITION = 7;

    private final ControlRows book;
    private final EventStore store;
    private final RowBatch origins;
    private final RowBatch changes;
    private final RowBatch clashes;
    private final RowBatch events;
    /** Control changes of later versions, waiting for their reports' first positions. */
    private final List<Object[]> unplaced = new ArrayList<>();
    private final WrittenReports written;

    /** @param live whether the load follows the store's live batches, which may come again after a crash */
    ControlBulkLoad(ControlRows book, EventStore store, boolean live) {
        this.book = book;
        this.store = store;
        this.origins = book.origins(live);
        this.changes = book.controlChanges(live);
        this.clashes = book.clashDays(live);
        this.events = book.events(live);
        this.written = live ? new WrittenReports() : null;
    }

    @Override
    public List<String> tables() {
        return ControlRows.ALL;
    }

    @Override
    public void add(EventMessage<?> message, long position) {
        Instant at = message.getTimestamp();
        Object payload = message.getPayload();
        if (payload instanceof ReportRecorded e) {
            origins.add(e.chronicleId(), e.reportId(), position);
            version(e.chronicleId(), e.reportId(), 1, e.report(), at, ReportedOn.of(e, at), position);
        } else if (payload instanceof ReportCorrected e) {
            version(e.chronicleId(), e.reportId(), e.version(), e.report(), at, ReportedOn.of(e, at), null);
        } else if (payload instanceof ReportRetracted e) {
            event(e.chronicleId(), e.reportId(), e.version(), at, ReportedOn.recorded(at));
        } else if (payload instanceof ReportMarkedDuplicate e) {
            event(e.chronicleId(), e.reportId(), e.version(), at, ReportedOn.recorded(at));
        } else if (payload instanceof ReportReinstated e) {
            ReportStreams.latestContentBefore(store, e.chronicleId(), e.reportId(), e.version())
                    .ifPresent(latest -> version(e.chronicleId(), e.reportId(), e.version(), latest, at,
                            ReportedOn.recorded(at), null));
        }
    }

    /** @param firstPosition the report's, when this event is its first; null when it is to be looked up */
    private void version(String chronicleId, String reportId, long version, ReportContent report, Instant at,
                         LocalDate reportedOn, Long firstPosition) {
        event(chronicleId, reportId, version, at, reportedOn);
        if (report.date() == null) {
            return;
        }
        if (report.type() == ReportType.CONTROL_CHANGE && report.control() != null) {
            Object[] row = {chronicleId, reportId, version, report.area(), Date.valueOf(report.date()),
                    report.control().to(), report.control().extent().name(), firstPosition, Timestamp.from(at),
                    Date.valueOf(reportedOn)};
            if (firstPosition == null) {
                unplaced.add(row);
            } else {
                changes.add(row);
            }
        } else if (report.type() == ReportType.CLASH) {
            clashes.add(chronicleId, reportId, version, report.area(), Date.valueOf(report.date()), Timestamp.from(at),
                    Date.valueOf(reportedOn));
        }
    }

    /** Every event on a report is kept, for the time axes, and ends what the report said before. */
    private void event(String chronicleId, String reportId, long version, Instant at, LocalDate reportedOn) {
        events.add(Supersession.event(chronicleId, reportId, version, at, reportedOn));
        if (written != null) {
            written.add(chronicleId, reportId);
        }
    }

    @Override
    public void write() {
        origins.write();
        place();
        changes.write();
        clashes.write();
        events.write();
    }

    /** The waiting control changes get their reports' first positions; one without an origin is dropped, as the handler drops it. */
    private void place() {
        Map<String, Set<String>> reports = new LinkedHashMap<>();
        unplaced.forEach(row -> reports.computeIfAbsent((String) row[0], c -> new LinkedHashSet<>()).add((String) row[1]));
        Map<String, Map<String, Long>> found = new LinkedHashMap<>();
        reports.forEach((chronicleId, ids) -> found.put(chronicleId, book.origins(chronicleId, ids)));
        for (Object[] row : unplaced) {
            Long first = found.get((String) row[0]).get((String) row[1]);
            if (first != null) {
                row[FIRST_POSITION] = first;
                changes.add(row);
            }
        }
        unplaced.clear();
    }

    @Override
    public void complete() {
        book.settle(null);
    }

    @Override
    public void completeWritten() {
        if (!written.isEmpty()) {
            book.settle(written);
            written.clear();
        }
    }
}
