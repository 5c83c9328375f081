package org.chronicle.api.chronicle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a chronicle, or amends the one with this id: the definition given replaces the old one. */
public record DefineChronicle(@TargetAggregateIdentifier String chronicleId, ChronicleDefinition definition) {
}
