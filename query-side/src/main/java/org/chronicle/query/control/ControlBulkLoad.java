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
import org.axonframework.eventhandling.TrackedEventMessage;
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

/**
 * The control changes and clashes of a rebuild, written in rounds: each event's rows as
 * {@link ControlProjector} writes them, with the replacements worked out at the end. A later
 * version of a control change carries its report's first position, looked up once per round.
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

    ControlBulkLoad(ControlRows book, EventStore store) {
        this.book = book;
        this.store = store;
        this.origins = book.origins();
        this.changes = book.controlChanges();
        this.clashes = book.clashDays();
        this.events = book.events();
    }

    @Override
    public void clear() {
        book.clear();
    }

    @Override
    public void add(TrackedEventMessage<?> message) {
        Instant at = message.getTimestamp();
        Object payload = message.getPayload();
        if (payload instanceof ReportRecorded e) {
            long position = message.trackingToken().position().orElseThrow();
            origins.add(e.chronicleId(), e.reportId(), position);
            version(e.chronicleId(), e.reportId(), 1, e.report(), at, ReportedOn.of(e, at), position);
        } else if (payload instanceof ReportCorrected e) {
            version(e.chronicleId(), e.reportId(), e.version(), e.report(), at, ReportedOn.of(e, at), null);
        } else if (payload instanceof ReportRetracted e) {
            events.add(Supersession.event(e.chronicleId(), e.reportId(), e.version(), at, ReportedOn.recorded(at)));
        } else if (payload instanceof ReportMarkedDuplicate e) {
            events.add(Supersession.event(e.chronicleId(), e.reportId(), e.version(), at, ReportedOn.recorded(at)));
        } else if (payload instanceof ReportReinstated e) {
            ReportStreams.latestContentBefore(store, e.chronicleId(), e.reportId(), e.version())
                    .ifPresent(latest -> version(e.chronicleId(), e.reportId(), e.version(), latest, at,
                            ReportedOn.recorded(at), null));
        }
    }

    /** @param firstPosition the report's, when this event is its first; null when it is to be looked up */
    private void version(String chronicleId, String reportId, long version, ReportContent report, Instant at,
                         LocalDate reportedOn, Long firstPosition) {
        events.add(Supersession.event(chronicleId, reportId, version, at, reportedOn));
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
        book.replaceAll();
    }
}
