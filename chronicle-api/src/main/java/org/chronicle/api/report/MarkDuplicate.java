package org.chronicle.api.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MarkDuplicate(@TargetAggregateIdentifier ReportKey key, String duplicateOf, String reason,
                            Long expectedVersion) {
}
