package org.chronicle.query.report;

import java.time.Instant;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.chronicle.api.report.ReportCorrected;
import org.chronicle.api.report.ReportMarkedDuplicate;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.api.report.ReportReinstated;
import org.chronicle.api.report.ReportRetracted;
import org.chronicle.api.report.ReportStatus;
import org.chronicle.query.Projections;
import org.chronicle.query.ReportedOn;
import org.chronicle.query.projection.Projection;
import org.chronicle.query.projection.TableSet;

/**
 * Keeps every report as it stood after each event on it. Idempotent: a redelivered event
 * rewrites its own row. A reinstatement keeps the content the report had before its retraction.
 */
class ReportVersionProjector implements Projection.Handler {

    private final ReportVersionRows versions;
    private final TableSet set;

    ReportVersionProjector(ReportVersionRows versions, TableSet set) {
        this.versions = versions;
        this.set = set;
    }

    @Override
    public String projection() {
        return Projections.REPORTS;
    }

    @Override
    public TableSet set() {
        return set;
    }

    @EventHandler
    void on(ReportRecorded event, @Timestamp Instant at) {
        versions.content(event.chronicleId(), event.reportId(), 1, "RECORDED", event.report(), ReportStatus.ACTIVE,
                at, ReportedOn.of(event, at));
    }

    @EventHandler
    void on(ReportCorrected event, @Timestamp Instant at) {
        versions.content(event.chronicleId(), event.reportId(), event.version(), "CORRECTED", event.report(),
                ReportStatus.CORRECTED, at, ReportedOn.of(event, at));
    }

    @EventHandler
    void on(ReportRetracted event, @Timestamp Instant at) {
        versions.mark(event.chronicleId(), event.reportId(), event.version(), "RETRACTED", ReportStatus.RETRACTED,
                at, ReportedOn.recorded(at));
    }

    /** A reinstated report has a version above 1, so it reads CORRECTED, as the contract defines it. */
    @EventHandler
    void on(ReportReinstated event, @Timestamp Instant at) {
        versions.mark(event.chronicleId(), event.reportId(), event.version(), "REINSTATED", ReportStatus.CORRECTED,
                at, ReportedOn.recorded(at));
    }

    @EventHandler
    void on(ReportMarkedDuplicate event, @Timestamp Instant at) {
        versions.mark(event.chronicleId(), event.reportId(), event.version(), "MARKED_DUPLICATE",
                ReportStatus.DUPLICATE, at, ReportedOn.recorded(at));
    }
}
