package org.chronicle.api.report;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.chronicle.api.ChronicleEvent;

/**
 * A new version of a report: the whole corrected report, why it was corrected, and the sources
 * that justify the correction (their publication days date it on the "as reported by" axis).
 */
@Revision("1")
public record ReportCorrected(String chronicleId, String reportId, long version, ReportContent report,
                              String reason, List<SourceRef> sources) implements ChronicleEvent {

    public ReportCorrected {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
