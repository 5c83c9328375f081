package org.chronicle.api.report;

import org.axonframework.serialization.Revision;
import org.chronicle.api.ChronicleEvent;

/** The report tells of the same incident as {@code duplicateOf} and counts nothing itself. */
@Revision("1")
public record ReportMarkedDuplicate(String chronicleId, String reportId, long version, String duplicateOf,
                                    String reason) implements ChronicleEvent {
}
