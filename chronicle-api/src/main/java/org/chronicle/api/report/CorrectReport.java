package org.chronicle.api.report;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a report's content with a corrected whole; {@code expectedVersion} guards against a stale view. */
public record CorrectReport(@TargetAggregateIdentifier ReportKey key, ReportContent report, String reason,
                            List<SourceRef> sources, Long expectedVersion) {

    public CorrectReport {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
