package org.chronicle.api.report;

import org.chronicle.api.Figure;
import org.chronicle.api.Party;

/** Killed and wounded of one party, as one report counts them. Either figure may be absent. */
public record Casualties(Party party, Figure killed, Figure wounded) {
}
