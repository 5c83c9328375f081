package org.chronicle.command.imports;

import java.util.List;
import org.chronicle.api.Violation;

/**
 * What an import did, row by row: the rows recorded, those refused with their line and reason,
 * and those already recorded by an earlier import of the same file. The first thousand
 * refusals are listed; {@code refused} counts them all. {@code position} is the
 * store's head when the import ended: a read given it as {@code consistentWith} sees every row.
 * {@code importId} is on every event the import recorded, as their {@code importId} metadata.
 */
public record ImportResult(String importId, String chronicleId, long accepted, long refused, long unchanged, long position,
                           List<RowRefusal> refusals) {

    /** One refused row: where it is in the file, which report it concerns, why, and each field at fault. */
    public record RowRefusal(int line, String reportId, String reason, List<Violation> errors) {
    }
}
