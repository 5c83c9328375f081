package org.chronicle.api.chronicle;

import org.axonframework.serialization.Revision;
import org.chronicle.api.ChronicleEvent;

/** A chronicle came into being with this definition. */
@Revision("1")
public record ChronicleDefined(String chronicleId, ChronicleDefinition definition) implements ChronicleEvent {
}
