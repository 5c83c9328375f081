package org.chronicle.query;

import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.EventMessage;
import org.chronicle.api.ChronicleEvent;

/** Events of one chronicle are handled in order, by one segment; chronicles go in parallel. */
enum ByChronicle implements SequencingPolicy<EventMessage<?>> {
    INSTANCE;

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        return event.getPayload() instanceof ChronicleEvent e ? e.chronicleId() : event.getIdentifier();
    }
}
