package org.chronicle.api.report;

import org.axonframework.serialization.Revision;
import org.chronicle.api.ChronicleEvent;

/** The report counts nothing from now on; it stays in the record with all its versions. */
@Revision("1")
public record ReportRetracted(String chronicleId, String reportId, long version, String reason)
        implements ChronicleEvent {
}
