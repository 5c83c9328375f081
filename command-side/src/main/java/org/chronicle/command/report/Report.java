package org.chronicle.command.report;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.chronicle.api.Refusal;
import org.chronicle.api.Violation;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.report.RecordReport;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportKey;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.command.chronicle.ChronicleCatalog;

/**
 * One report and its versions. Each report is an aggregate of its own, so a command on it reads a
 * handful of events however large its chronicle grows.
 */
@Aggregate
class Report {

    @AggregateIdentifier
    private String key;
    private ReportContent recorded;
    private long version;

    Report() {
        // For Axon, which rebuilds the aggregate from its events.
    }

    /**
     * Records the report, or, when a report with this id exists, answers whether it is the same
     * one: a client that retries after a lost answer must not get a second report or an error.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RecordingOutcome handle(RecordReport command, ChronicleCatalog catalog) {
        if (recorded != null) {
            if (recorded.equals(command.content())) {
                return RecordingOutcome.ALREADY_RECORDED;
            }
            throw new Refusal.Conflict("Report '" + command.key().reportId()
                    + "' is already recorded with another content; send a correction to change it.");
        }
        ReportKey key = command.key();
        ChronicleDefinition chronicle = catalog.definition(key.chronicleId())
                .orElseThrow(() -> new Refusal.NotFound("No chronicle '" + key.chronicleId() + "'."));
        List<Violation> violations = ReportRules.check(chronicle, command.content(), "");
        if (!violations.isEmpty()) {
            throw new Refusal.Invalid(violations);
        }
        apply(new ReportRecorded(key.chronicleId(), key.reportId(), command.content()));
        return RecordingOutcome.RECORDED;
    }

    @EventSourcingHandler
    void on(ReportRecorded event) {
        key = new ReportKey(event.chronicleId(), event.reportId()).toString();
        recorded = event.content();
        version = 1;
    }
}
