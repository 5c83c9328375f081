package org.chronicle.query.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.chronicle.api.Recorded;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportCorrected;
import org.chronicle.api.report.ReportMarkedDuplicate;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.api.report.ReportReinstated;
import org.chronicle.api.report.ReportRetracted;
import org.chronicle.api.report.ReportStatus;
import org.chronicle.api.report.SourceRef;

/**
 * A report as its events tell it: the current content and status, and one history entry per
 * event. Built from the report's own short stream, so it is right the moment a write returns.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReportHistory(String chronicleId, String reportId, ReportStatus status, long version,
                     ReportContent report, String duplicateOf, Instant asKnownAt, List<Entry> history) {

    enum Kind { RECORDED, CORRECTED, RETRACTED, REINSTATED, MARKED_DUPLICATE }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(long version, Kind kind, Instant recordedAt, String recordedBy, String reason,
                 ReportContent report, List<SourceRef> sources, String duplicateOf) {
    }

    static ReportHistory of(String chronicleId, String reportId, List<? extends DomainEventMessage<?>> events,
                            Instant asKnownAt) {
        ReportContent current = null;
        boolean retracted = false;
        String duplicateOf = null;
        List<Entry> history = new ArrayList<>();
        for (DomainEventMessage<?> event : events) {
            long version = event.getSequenceNumber() + 1;
            String by = (String) event.getMetaData().get(Recorded.BY);
            Instant at = event.getTimestamp();
            Object payload = event.getPayload();
            if (payload instanceof ReportRecorded recorded) {
                current = recorded.report();
                history.add(new Entry(version, Kind.RECORDED, at, by, null, current, null, null));
            } else if (payload instanceof ReportCorrected corrected) {
                current = corrected.report();
                history.add(new Entry(version, Kind.CORRECTED, at, by, corrected.reason(), current,
                        corrected.sources(), null));
            } else if (payload instanceof ReportRetracted retraction) {
                retracted = true;
                history.add(new Entry(version, Kind.RETRACTED, at, by, retraction.reason(), null, null, null));
            } else if (payload instanceof ReportReinstated reinstatement) {
                retracted = false;
                history.add(new Entry(version, Kind.REINSTATED, at, by, reinstatement.reason(), null, null, null));
            } else if (payload instanceof ReportMarkedDuplicate duplicate) {
                duplicateOf = duplicate.duplicateOf();
                history.add(new Entry(version, Kind.MARKED_DUPLICATE, at, by, duplicate.reason(), null, null,
                        duplicateOf));
            }
        }
        long version = history.size();
        ReportStatus status = retracted ? ReportStatus.RETRACTED
                : duplicateOf != null ? ReportStatus.DUPLICATE
                : version > 1 ? ReportStatus.CORRECTED
                : ReportStatus.ACTIVE;
        return new ReportHistory(chronicleId, reportId, status, version, current, duplicateOf, asKnownAt, history);
    }
}
