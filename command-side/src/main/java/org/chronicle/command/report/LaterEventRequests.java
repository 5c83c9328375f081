package org.chronicle.command.report;

import java.util.List;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.SourceRef;

/** The bodies of the requests that add a later event to a report. */
final class LaterEventRequests {

    private LaterEventRequests() {
    }

    /** {@code POST .../corrections}: the whole corrected report, why, and the sources that justify it. */
    record Correction(String reason, List<SourceRef> sources, ReportContent report, Long expectedVersion) {
    }

    /** {@code POST .../retraction} and {@code .../reinstatement}. */
    record Reasoned(String reason, Long expectedVersion) {
    }

    /** {@code POST .../duplicate-of}. */
    record Duplicate(String duplicateOf, String reason, Long expectedVersion) {
    }
}
