package org.chronicle.query.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * A projection's table of events on reports ({@link Supersession}), gathered a round at a time,
 * and, for a live load, the reports those events wrote: the ones to settle after the batch.
 */
public final class ReportEvents {

    private final RowBatch rows;
    private final WrittenReports written = new WrittenReports();
    private final boolean live;

    /** @param rows a batch of {@link Supersession#EVENT_COLUMNS} */
    public ReportEvents(RowBatch rows, boolean live) {
        this.rows = rows;
        this.live = live;
    }

    /** Every event on a report is kept, for the time axes, and ends what the report said before. */
    public void add(String chronicleId, String reportId, long version, Instant at, LocalDate reportedOn) {
        rows.add(Supersession.event(chronicleId, reportId, version, at, reportedOn));
        if (live) {
            written.add(chronicleId, reportId);
        }
    }

    public void write() {
        rows.write();
    }

    /** Hands the reports written since the last call to {@code settle}, if any, then forgets them. */
    public void settleWritten(Consumer<WrittenReports> settle) {
        if (!written.isEmpty()) {
            settle.accept(written);
            written.clear();
        }
    }
}
