package org.chronicle.query.casualties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
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
import org.chronicle.query.projection.WrittenReports;

/**
 * The casualty figures and claims of a round of events: each event's rows (a period claim is in
 * no day, counting rule 3), then the replacements and the day sums (rule 1): at the end of a
 * rebuild for every report, after a live batch for the reports it wrote.
 */
final class CasualtyBulkLoad implements BulkLoad {

    private final CasualtyRows ledger;
    private final EventStore store;
    private final RowBatch figures;
    private final RowBatch claims;
    private final RowBatch events;
    private final WrittenReports written;

    /** @param live whether the load follows the store's live batches, which may come again after a crash */
    CasualtyBulkLoad(CasualtyRows ledger, EventStore store, boolean live) {
        this.ledger = ledger;
        this.store = store;
        this.figures = ledger.figures(live);
        this.claims = ledger.claims(live);
        this.events = ledger.events(live);
        this.written = live ? new WrittenReports() : null;
    }

    @Override
    public List<String> tables() {
        return CasualtyRows.TABLES;
    }

    @Override
    public void add(EventMessage<?> message, long position) {
        Instant at = message.getTimestamp();
        Object payload = message.getPayload();
        if (payload instanceof ReportRecorded e) {
            version(e.chronicleId(), e.reportId(), 1, e.report(), at, ReportedOn.of(e, at), position);
        } else if (payload instanceof ReportCorrected e) {
            version(e.chronicleId(), e.reportId(), e.version(), e.report(), at, ReportedOn.of(e, at), position);
        } else if (payload instanceof ReportRetracted e) {
            event(e.chronicleId(), e.reportId(), e.version(), at, ReportedOn.recorded(at));
        } else if (payload instanceof ReportMarkedDuplicate e) {
            event(e.chronicleId(), e.reportId(), e.version(), at, ReportedOn.recorded(at));
        } else if (payload instanceof ReportReinstated e) {
            // Rare enough that reading the report's own stream, as the handler does, costs little.
            ReportStreams.latestContentBefore(store, e.chronicleId(), e.reportId(), e.version())
                    .ifPresent(latest -> version(e.chronicleId(), e.reportId(), e.version(), latest, at,
                            ReportedOn.recorded(at), position));
        }
    }

    private void version(String chronicleId, String reportId, long version, ReportContent report, Instant at,
                         LocalDate reportedOn, long position) {
        event(chronicleId, reportId, version, at, reportedOn);
        CasualtyRows.version(report.isPeriodClaim() ? claims : figures, chronicleId, reportId, version, report, at,
                reportedOn, position);
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
        events.write();
        figures.write();
        claims.write();
    }

    @Override
    public void complete() {
        ledger.settle(null);
    }

    @Override
    public void completeWritten() {
        if (!written.isEmpty()) {
            ledger.settle(written);
            written.clear();
        }
    }
}
