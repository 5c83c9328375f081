package org.chronicle.query.casualties;

import java.time.Instant;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
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
 * Projects the casualty figures of dated reports, version by version. A report with a period is
 * a period claim and is in no day (counting rule 3). Only the current version of a report that
 * is neither retracted nor a duplicate counts (rule 1): earlier rows are marked replaced, never
 * deleted.
 */
class CasualtyProjector implements Projection.Handler {

    private final CasualtyRows ledger;
    private final TableSet set;
    private final EventStore events;

    CasualtyProjector(CasualtyRows ledger, TableSet set, EventStore events) {
        this.ledger = ledger;
        this.set = set;
        this.events = events;
    }

    @Override
    public String projection() {
        return Projections.CASUALTIES;
    }

    @Override
    public TableSet set() {
        return set;
    }

    @EventHandler
    void on(ReportRecorded event, @Timestamp Instant recordedAt, TrackingToken token) {
        ledger.put(event.chronicleId(), event.reportId(), 1, event.report(), recordedAt,
                ReportedOn.of(event, recordedAt), position(token));
    }

    /** A correction replaces: the report's earlier figures stop counting (counting rule 1). */
    @EventHandler
    void on(ReportCorrected event, @Timestamp Instant recordedAt, TrackingToken token) {
        ledger.put(event.chronicleId(), event.reportId(), event.version(), event.report(), recordedAt,
                ReportedOn.of(event, recordedAt), position(token));
    }

    @EventHandler
    void on(ReportRetracted event, @Timestamp Instant recordedAt) {
        ledger.replace(event.chronicleId(), event.reportId(), event.version(), recordedAt,
                ReportedOn.recorded(recordedAt));
    }

    @EventHandler
    void on(ReportMarkedDuplicate event, @Timestamp Instant recordedAt) {
        ledger.replace(event.chronicleId(), event.reportId(), event.version(), recordedAt,
                ReportedOn.recorded(recordedAt));
    }

    /**
     * A reinstated report counts again with its latest content, which the event does not repeat:
     * it is read from the report's own stream (a handful of events), up to this event.
     */
    @EventHandler
    void on(ReportReinstated event, @Timestamp Instant recordedAt, TrackingToken token) {
        ReportStreams.latestContentBefore(events, event.chronicleId(), event.reportId(), event.version())
                .ifPresent(latest -> ledger.put(event.chronicleId(), event.reportId(), event.version(), latest,
                        recordedAt, ReportedOn.recorded(recordedAt), position(token)));
    }

    /** The event's global position: it orders claims recorded on the same days. */
    private static long position(TrackingToken token) {
        return token.position().orElseThrow();
    }
}
