package org.chronicle.query.report;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.chronicle.api.report.ReportCorrected;
import org.chronicle.api.report.ReportMarkedDuplicate;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.api.report.ReportReinstated;
import org.chronicle.api.report.ReportRetracted;
import org.chronicle.api.report.ReportStatus;
import org.chronicle.query.Projections;
import org.springframework.stereotype.Component;

/** Keeps each report's current state. Idempotent: an event at or below the stored version changes nothing. */
@Component
@ProcessingGroup(Projections.REPORTS)
class ReportSummaryProjector {

    private final ReportSummaries summaries;

    ReportSummaryProjector(ReportSummaries summaries) {
        this.summaries = summaries;
    }

    @EventHandler
    void on(ReportRecorded event, @Timestamp Instant recordedAt) {
        summaries.record(event.chronicleId(), event.reportId(), 1, event.report(), ReportStatus.ACTIVE, recordedAt);
    }

    @EventHandler
    void on(ReportCorrected event, @Timestamp Instant recordedAt) {
        summaries.record(event.chronicleId(), event.reportId(), event.version(), event.report(),
                ReportStatus.CORRECTED, recordedAt);
    }

    @EventHandler
    void on(ReportRetracted event) {
        summaries.mark(event.chronicleId(), event.reportId(), event.version(), ReportStatus.RETRACTED);
    }

    /** A reinstated report has a version above 1, so it reads CORRECTED, as the contract defines it. */
    @EventHandler
    void on(ReportReinstated event) {
        summaries.mark(event.chronicleId(), event.reportId(), event.version(), ReportStatus.CORRECTED);
    }

    @EventHandler
    void on(ReportMarkedDuplicate event) {
        summaries.mark(event.chronicleId(), event.reportId(), event.version(), ReportStatus.DUPLICATE);
    }

    @ResetHandler
    void reset() {
        summaries.clear();
    }
}
