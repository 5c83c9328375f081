package org.chronicle.api.report;

import org.axonframework.serialization.Revision;
import org.chronicle.api.ChronicleEvent;

/** The first version of a report, as its recorder entered it. */
@Revision("1")
public record ReportRecorded(String chronicleId, String reportId, ReportContent content) implements ChronicleEvent {
}
