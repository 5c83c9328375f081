package org.chronicle.api.report;

import org.axonframework.serialization.Revision;
import org.chronicle.api.ChronicleEvent;

/** A retraction undone: the report counts again, with its latest version. */
@Revision("1")
public record ReportReinstated(String chronicleId, String reportId, long version, String reason)
        implements ChronicleEvent {
}
