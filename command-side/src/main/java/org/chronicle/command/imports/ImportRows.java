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

    /** Refusals kept in full; beyond them only counted, so a file of bad rows cannot fill the memory. */
    static final int KEPT_REFUSALS = 1_000;

    private final String importId;
    private final String chronicleId;
    private final ImportProgress progress;
    private final List<ImportResult.RowRefusal> refusals = new ArrayList<>();

    ImportRows(String importId, String chronicleId, ImportProgress progress) {
        this.importId = importId;
        this.chronicleId = chronicleId;
        this.progress = progress;
    }

    /** Judges one row alone and counts it: a refusal is kept with its line, and the import goes on. */
    void take(int line, String reportId, Row row) {
        count(judge(line, reportId, row));
    }

    /**
     * What becomes of a row, not yet counted: an import that runs rows in a batch counts them once
     * the batch has committed.
     */
    Outcome judge(int line, String reportId, Row row) {
        try {
            return new Outcome(line, reportId, row.record(), null);
        } catch (Refusal refusal) {
            return new Outcome(line, reportId, false, refusal);
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof Refusal refusal) {
                return new Outcome(line, reportId, false, refusal);
            }
            throw e;
        } catch (AggregateNotFoundException e) {
            return new Outcome(line, reportId, false,
                    new Refusal.NotFound("No report '" + reportId + "' recorded before this row."));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            return new Outcome(line, reportId, false, new Refusal.Invalid("body", e.getMessage()));
        }
    }

    void count(Outcome outcome) {
        if (outcome.refusal() != null) {
            refuse(outcome.line(), outcome.reportId(), outcome.refusal());
        } else if (outcome.appended()) {
            progress.countAccepted();
        } else {
            progress.countUnchanged();
        }
    }

    /** A row's fate: appended, already there, or refused. */
    record Outcome(int line, String reportId, boolean appended, Refusal refusal) {
    }

    void refuse(int line, String reportId, Refusal refusal) {
        List<Violation> errors = refusal instanceof Refusal.Invalid invalid ? invalid.violations() : List.of();
        String reason = reason(refusal);
        synchronized (refusals) {
            if (refusals.size() < KEPT_REFUSALS) {
                refusals.add(new ImportResult.RowRefusal(line, reportId, reason, errors));
            }
        }
        progress.countRefused();
    }

    /** A refusal in a line: each field at fault with what is wrong with it. */
    static String reason(Refusal refusal) {
        List<Violation> errors = refusal instanceof Refusal.Invalid invalid ? invalid.violations() : List.of();
        return errors.isEmpty() ? refusal.getMessage()
                : String.join("; ", errors.stream().map(v -> v.field() + ": " + v.message()).toList());
    }

    /** The result, refusals in the order of their lines whatever order the rows were judged in. */
    ImportResult result(long position) {
        List<ImportResult.RowRefusal> inOrder;
        synchronized (refusals) {
            inOrder = refusals.stream().sorted(java.util.Comparator.comparingInt(ImportResult.RowRefusal::line))
                    .toList();
        }
        return new ImportResult(importId, chronicleId, progress.accepted(), progress.refused(), progress.unchanged(), position,
                inOrder);
    }
}
