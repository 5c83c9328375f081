package org.chronicle.api.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RetractReport(@TargetAggregateIdentifier ReportKey key, String reason, Long expectedVersion) {
}
