package org.chronicle.command.chronicle;

import java.util.Optional;
import java.util.Set;
import org.chronicle.api.Period;
import org.chronicle.api.chronicle.ChronicleDefinition;

/**
 * The command side's lookup of chronicles: each one's current definition, its reports, and what
 * they refer to. Commands check against it instead of replaying streams; it changes only in the
 * transaction that appends the events it is derived from.
 */
public interface ChronicleCatalog {

    Optional<ChronicleDefinition> definition(String chronicleId);

    /** The areas and sides that the chronicle's reports refer to, and the days they cover. */
    Usage usage(String chronicleId);

    /** A report recorded in the chronicle, with the report it duplicates if it was marked so. */
    Optional<RegisteredReport> report(String chronicleId, String reportId);

    record Usage(Set<String> areas, Set<String> sides, Optional<Period> days) {

        public static final Usage NONE = new Usage(Set.of(), Set.of(), Optional.empty());
    }

    record RegisteredReport(String reportId, Optional<String> duplicateOf) {
    }
}
