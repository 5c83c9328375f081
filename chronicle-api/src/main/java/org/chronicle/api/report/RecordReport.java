package org.chronicle.api.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a new report in a chronicle. */
public record RecordReport(
        @TargetAggregateIdentifier ReportKey key,
        ReportContent report) {
}
