package org.chronicle.query;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportCorrected;
import org.chronicle.api.report.ReportKey;
import org.chronicle.api.report.ReportRecorded;

/**
 * A report's own stream, read where an event does not repeat what a projection needs: a
 * reinstatement brings back the latest content, which only the earlier events hold.
 */
public final class ReportStreams {

    private ReportStreams() {
    }

    /** The content of the report's latest version before {@code version}. */
    public static Optional<ReportContent> latestContentBefore(EventStore events, String chronicleId, String reportId,
                                                              long version) {
        ReportContent latest = null;
        for (DomainEventMessage<?> event : events.readEvents(new ReportKey(chronicleId, reportId).toString())
                .asStream().toList()) {
            if (event.getSequenceNumber() + 1 >= version) {
                break;
            }
            if (event.getPayload() instanceof ReportRecorded recorded) {
                latest = recorded.report();
            } else if (event.getPayload() instanceof ReportCorrected corrected) {
                latest = corrected.report();
            }
        }
        return Optional.ofNullable(latest);
    }
}
