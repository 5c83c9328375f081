package org.chronicle.api.chronicle;

import org.axonframework.serialization.Revision;
import org.chronicle.api.ChronicleEvent;

/** A chronicle's definition was replaced as a whole; the event carries all of it, never a diff. */
@Revision("1")
public record ChronicleAmended(String chronicleId, ChronicleDefinition definition) implements ChronicleEvent {
}
