package org.chronicle.api.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReinstateReport(@TargetAggregateIdentifier ReportKey key, String reason, Long expectedVersion) {
}
