package org.chronicle.command.imports;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Runs rows on a few threads, with at most a bounded number waiting, so that a file of a million
 * rows is never held in memory. Closing waits for every row submitted, and throws what stopped a
 * row other than a refusal (a lost database, say), so that no row goes uncounted in silence.
 */
final class InFlight implements AutoCloseable {

    private final ExecutorService threads;
    private final Semaphore room;
    /** The first row that failed other than by a refusal: the import stops with it. */
    private final AtomicReference<RuntimeException> failed = new AtomicReference<>();

    InFlight(int parallelism) {
        this.threads = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "import-rows");
            thread.setDaemon(true);
            return thread;
        });
        this.room = new Semaphore(parallelism * 16);
    }

    void submit(Runnable row) {
        RuntimeException failure = failed.get();
        if (failure != null) {
            throw failure;
        }
        room.acquireUninterruptibly();
        try {
            // The row runs as the caller: its events are recorded by the account that posted the file.
            threads.execute(new DelegatingSecurityContextRunnable(() -> {
                try {
                    row.run();
                } catch (RuntimeException e) {
                    failed.compareAndSet(null, e);
                } finally {
                    room.release();
                }
            }));
        } catch (RuntimeException e) {
            room.release();
            throw e;
        }
    }

    @Override
    public void close() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(1, TimeUnit.DAYS)) {
                throw new IllegalStateException("The rows of the import did not finish");
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
        RuntimeException failure = failed.get();
        if (failure != null) {
            throw failure;
        }
    }
}
