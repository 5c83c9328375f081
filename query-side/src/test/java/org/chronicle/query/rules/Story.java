package org.chronicle.query.rules;

import java.time.Instant;
import java.util.List;
import org.chronicle.api.chronicle.ChronicleDefinition;

/**
 * A generated chronicle and what was recorded in it, in the order it was recorded: the events
 * of every report, as the command side would have accepted them.
 */
record Story(ChronicleDefinition chronicle, Instant definedAt, List<Recorded> events) {

    /** One event on one report, with the instant it was recorded; the list keeps the recording order. */
    record Recorded(String reportId, long version, Object payload, Instant recordedAt) {
    }
}
