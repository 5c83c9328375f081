package org.chronicle.api.report;

import org.axonframework.serialization.Revision;
import org.chronicle.api.ChronicleEvent;

/**
 * The first version of a report, as its recorder entered it.
 *
 * <p>Revision 2 names the content {@code report}, as the API does; revision 1 called it
 * {@code content} and is read through {@link org.chronicle.api.upcasting.ReportRecordedRevision2}.
 */
@Revision("2")
public record ReportRecorded(String chronicleId, String reportId, ReportContent report) implements ChronicleEvent {
}
