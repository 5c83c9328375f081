package org.chronicle.command.imports;

import java.util.concurrent.atomic.AtomicLong;

/** How far an import has got, readable while it runs: rows processed of the total, and their fate. */
public final class ImportProgress {

    private final AtomicLong total = new AtomicLong(-1);
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();

    /** The number of rows, once the first reading of the file has counted them; -1 before. */
    public long total() {
        return total.get();
    }

    public long processed() {
        return processed.get();
    }

    public long accepted() {
        return accepted.get();
    }

    public long refused() {
        return refused.get();
    }

    public long unchanged() {
        return unchanged.get();
    }

    void total(long rows) {
        total.set(rows);
    }

    void countAccepted() {
        accepted.incrementAndGet();
        processed.incrementAndGet();
    }

    void countRefused() {
        refused.incrementAndGet();
        processed.incrementAndGet();
    }

    void countUnchanged() {
        unchanged.incrementAndGet();
        processed.incrementAndGet();
    }
}
