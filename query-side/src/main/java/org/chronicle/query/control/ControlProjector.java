package org.chronicle.query.control;

import java.time.Instant;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.chronicle.api.report.ReportCorrected;
import org.chronicle.api.report.ReportMarkedDuplicate;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.api.report.ReportReinstated;
import org.chronicle.api.report.ReportRetracted;
import org.chronicle.query.Projections;
import org.chronicle.query.ReportStreams;
import org.chronicle.query.ReportedOn;
import org.chronicle.query.projection.Projection;
import org.chronicle.query.projection.TableSet;

/**
 * Projects control changes and clashes, version by version. Like the casualties, only a report's
 * current version counts, and retracted and duplicate reports count nothing (counting rule 1).
 */
class ControlProjector implements Projection.Handler {

    private final ControlRows book;
    private final TableSet set;
    private final EventStore events;

    ControlProjector(ControlRows book, TableSet set, EventStore events) {
        this.book = book;
        this.set = set;
        this.events = events;
    }

    @Override
    public String projection() {
        return Projections.CONTROL;
    }

    @Override
    public TableSet set() {
        return set;
    }

    @EventHandler
    void on(ReportRecorded event, @Timestamp Instant recordedAt, TrackingToken token) {
        book.originate(event.chronicleId(), event.reportId(), token.position().orElseThrow());
        book.put(event.chronicleId(), event.reportId(), 1, event.report(), recordedAt,
                ReportedOn.of(event, recordedAt));
    }

    @EventHandler
    void on(ReportCorrected event, @Timestamp Instant recordedAt) {
        book.put(event.chronicleId(), event.reportId(), event.version(), event.report(), recordedAt,
                ReportedOn.of(event, recordedAt));
    }

    @EventHandler
    void on(ReportRetracted event, @Timestamp Instant recordedAt) {
        book.replace(event.chronicleId(), event.reportId(), event.version(), recordedAt,
                ReportedOn.recorded(recordedAt));
    }

    @EventHandler
    void on(ReportMarkedDuplicate event, @Timestamp Instant recordedAt) {
        book.replace(event.chronicleId(), event.reportId(), event.version(), recordedAt,
                ReportedOn.recorded(recordedAt));
    }

    @EventHandler
    void on(ReportReinstated event, @Timestamp Instant recordedAt) {
        ReportStreams.latestContentBefore(events, event.chronicleId(), event.reportId(), event.version())
                .ifPresent(latest -> book.put(event.chronicleId(), event.reportId(), event.version(), latest,
                        recordedAt, ReportedOn.recorded(recordedAt)));
    }
}
