package org.chronicle.command.chronicle;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.chronicle.api.Refusal;
import org.chronicle.api.Violation;
import org.chronicle.api.chronicle.ChronicleAmended;
import org.chronicle.api.chronicle.ChronicleDefined;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.chronicle.DefineChronicle;

/**
 * A chronicle's definition: sides, areas, period. Kept apart from the reports, so that defining or
 * amending a chronicle reads a stream of a few events, whatever the number of its reports.
 */
@Aggregate
class Chronicle {

    @AggregateIdentifier
    private String chronicleId;
    private ChronicleDefinition definition;

    Chronicle() {
        // For Axon, which rebuilds the aggregate from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    DefinitionOutcome handle(DefineChronicle command, ChronicleCatalog catalog, DefinitionLimits limits) {
        List<Violation> violations = DefinitionRules.check(command.chronicleId(), command.definition(), limits);
        if (!violations.isEmpty()) {
            throw new Refusal.Invalid(violations);
        }
        if (definition == null) {
            apply(new ChronicleDefined(command.chronicleId(), command.definition()));
            return DefinitionOutcome.CREATED;
        }
        if (definition.equals(command.definition())) {
            return DefinitionOutcome.UNCHANGED;
        }
        refuseToDropWhatReportsUse(command.definition(), catalog.usage(chronicleId));
        apply(new ChronicleAmended(chronicleId, command.definition()));
        return DefinitionOutcome.AMENDED;
    }

    private void refuseToDropWhatReportsUse(ChronicleDefinition amended, ChronicleCatalog.Usage usage) {
        List<String> problems = new ArrayList<>();
        dropped(definition.areaIds(), amended.areaIds(), usage.areas())
                .forEach(area -> problems.add("area '" + area + "' is used by a report"));
        dropped(definition.sideIds(), amended.sideIds(), usage.sides())
                .forEach(side -> problems.add("side '" + side + "' is used by a report"));
        usage.days().filter(days -> !amended.period().contains(days)).ifPresent(days ->
                problems.add("the period must cover the reports' days " + days.start() + " to " + days.end()));
        if (!problems.isEmpty()) {
            throw new Refusal.Conflict("The amendment would orphan recorded reports: " + String.join("; ", problems));
        }
    }

    private static Set<String> dropped(Set<String> before, Set<String> after, Set<String> used) {
        Set<String> gone = new HashSet<>(before);
        gone.removeAll(after);
        gone.retainAll(used);
        return gone;
    }

    @EventSourcingHandler
    void on(ChronicleDefined event) {
        chronicleId = event.chronicleId();
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(ChronicleAmended event) {
        definition = event.definition();
    }
}
