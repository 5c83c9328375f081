package org.chronicle.query.casualties;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportCorrected;
import org.chronicle.api.report.ReportMarkedDuplicate;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.api.report.ReportReinstated;
import org.chronicle.api.report.ReportRetracted;
import org.chronicle.query.ReportStreams;
import org.chronicle.query.ReportedOn;
import org.chronicle.query.projection.BulkLoad;
import org.chronicle.query.projection.RowBatch;
import org.chronicle.query.projection.Supersession;

/**
 * The casualty figures and claims of a rebuild, written in rounds: each event's rows as
 * {@link CasualtyProjector} writes them, with the replacements and the day sums worked out at the end.
 */
final class CasualtyBulkLoad implements BulkLoad {

    private final CasualtyRows ledger;
    private final EventStore store;
    private final RowBatch figures;
    private final RowBatch claims;
    private final RowBatch events;

    CasualtyBulkLoad(CasualtyRows ledger, EventStore store) {
        this.ledger = ledger;
        this.store = store;
        this.figures = ledger.figures();
        this.claims = ledger.claims();
        this.events = ledger.events();
    }

    @Override
    public void clear() {
        ledger.clear();
    }

    @Override
    public void add(TrackedEventMessage<?> message) {
        Instant at = message.getTimestamp();
        long position = message.trackingToken().position().orElseThrow();
        Object payload = message.getPayload();
        if (payload instanceof ReportRecorded e) {
            version(e.chronicleId(), e.reportId(), 1, e.report(), at, ReportedOn.of(e, at), position);
        } else if (payload instanceof ReportCorrected e) {
            version(e.chronicleId(), e.reportId(), e.version(), e.report(), at, ReportedOn.of(e, at), position);
        } else if (payload instanceof ReportRetracted e) {
            events.add(Supersession.event(e.chronicleId(), e.reportId(), e.version(), at, ReportedOn.recorded(at)));
        } else if (payload instanceof ReportMarkedDuplicate e) {
            events.add(Supersession.event(e.chronicleId(), e.reportId(), e.version(), at, ReportedOn.recorded(at)));
        } else if (payload instanceof ReportReinstated e) {
            // Rare enough that reading the report's own stream, as the handler does, costs little.
            ReportStreams.latestContentBefore(store, e.chronicleId(), e.reportId(), e.version())
                    .ifPresent(latest -> version(e.chronicleId(), e.reportId(), e.version(), latest, at,
                            ReportedOn.recorded(at), position));
        }
    }

    private void version(String chronicleId, String reportId, long version, ReportContent report, Instant at,
                         LocalDate reportedOn, long position) {
        events.add(Supersession.event(chronicleId, reportId, version, at, reportedOn));
        CasualtyRows.version(report.isPeriodClaim() ? claims : figures, chronicleId, reportId, version, report, at,
                reportedOn, position);
    }

    @Override
    public void write() {
        events.write();
        figures.write();
        claims.write();
    }

    @Override
    public void complete() {
        ledger.replaceAll();
        ledger.sumAllDays();
    }
}
