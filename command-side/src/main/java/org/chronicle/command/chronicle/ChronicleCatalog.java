package org.chronicle.command.chronicle;

import java.util.Optional;
import java.util.Set;
import org.chronicle.api.Period;
import org.chronicle.api.chronicle.ChronicleDefinition;

/**
 * The command side's lookup of chronicles: each one's current definition and what its reports
 * refer to. Commands check against it instead of replaying streams; it changes only in the
 * transaction that appends the events it is derived from.
 */
public interface ChronicleCatalog {

    Optional<ChronicleDefinition> definition(String chronicleId);

    /** The areas and sides that the chronicle's reports refer to, and the days they cover. */
    Usage usage(String chronicleId);

    record Usage(Set<String> areas, Set<String> sides, Optional<Period> days) {

        public static final Usage NONE = new Usage(Set.of(), Set.of(), Optional.empty());
    }
}
