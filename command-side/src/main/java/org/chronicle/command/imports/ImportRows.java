package org.chronicle.command.imports;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.chronicle.api.Refusal;
import org.chronicle.api.Violation;

/** The rows of one import and what became of each: recorded, refused with a reason, or already there. */
final class ImportRows {

    /** What a row does: true when it appended an event, false when it was recorded before. */
    @FunctionalInterface
    interface Row {
        boolean record() throws Exception;
    }

    private final String chronicleId;
    private final List<ImportResult.RowRefusal> refusals = new ArrayList<>();
    private int accepted;
    private int refused;
    private int unchanged;

    ImportRows(String chronicleId) {
        this.chronicleId = chronicleId;
    }

    /** Judges one row alone: a refusal is kept with its line, and the import goes on. */
    void take(int line, String reportId, Row row) {
        try {
            if (row.record()) {
                accepted++;
            } else {
                unchanged++;
            }
        } catch (Refusal refusal) {
            refuse(line, reportId, refusal);
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof Refusal refusal) {
                refuse(line, reportId, refusal);
            } else {
                throw e;
            }
        } catch (AggregateNotFoundException e) {
            refuse(line, reportId, new Refusal.NotFound("No report '" + reportId + "' recorded before this row."));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            refuse(line, reportId, new Refusal.Invalid("body", e.getMessage()));
        }
    }

    void refuse(int line, String reportId, Refusal refusal) {
        List<Violation> errors = refusal instanceof Refusal.Invalid invalid ? invalid.violations() : List.of();
        String reason = errors.isEmpty() ? refusal.getMessage()
                : String.join("; ", errors.stream().map(v -> v.field() + ": " + v.message()).toList());
        refusals.add(new ImportResult.RowRefusal(line, reportId, reason, errors));
        refused++;
    }

    ImportResult result(long position) {
        return new ImportResult(chronicleId, accepted, refused, unchanged, position, List.copyOf(refusals));
    }
}
