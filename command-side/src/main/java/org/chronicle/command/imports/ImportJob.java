package org.chronicle.command.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An import that runs on after its request: large files are imported as jobs. Jobs live in the
 * process that runs them; a restart forgets them, but not the rows they recorded.
 */
public final class ImportJob {

    public enum Status { RUNNING, DONE, FAILED }

    private final String id;
    private final String chronicleId;
    private final String format;
    private final Instant startedAt;
    private final ImportProgress progress = new ImportProgress();
    private volatile Status status = Status.RUNNING;
    private volatile ImportResult result;
    private volatile String error;

    ImportJob(String id, String chronicleId, String format, Instant startedAt) {
        this.id = id;
        this.chronicleId = chronicleId;
        this.format = format;
        this.startedAt = startedAt;
    }

    public String id() {
        return id;
    }

    ImportProgress progress() {
        return progress;
    }

    void done(ImportResult result) {
        this.result = result;
        this.status = Status.DONE;
    }

    void failed(String error) {
        this.error = error;
        this.status = Status.FAILED;
    }

    /** What {@code GET /api/v1/imports/{jobId}} answers. */
    public View view() {
        ImportResult done = result;
        return new View(id, chronicleId, format, status, startedAt, progress.processed(), progress.total(),
                progress.accepted(), progress.refused(), progress.unchanged(),
                done == null ? null : done.position(), done == null ? List.of() : done.refusals(), error);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(String jobId, String chronicleId, String format, Status status, Instant startedAt,
                       long processed, long total, long accepted, long refused, long unchanged, Long position,
                       List<ImportResult.RowRefusal> refusals, String error) {
    }
}
