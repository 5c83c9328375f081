package org.chronicle.platform.schema;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.chronicle.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Lets the service start before its database answers. The migrations run when the process starts,
 * as they always have; when the database cannot be reached (the failures a request would answer
 * with a 503), the start goes on and a background thread tries again every {@link #PAUSE} until
 * they have run, telling each new reason for a failure once. Start-up work that needs the tables
 * waits behind the gate: {@link #whenOpen} runs it at once when the gate is open, and otherwise
 * queues it for that thread, which runs it after the migrations (the first administrator, the
 * seed); the query side's processors ask {@link #isOpen} before they start. The gate opens once
 * the migrations and the queued work are done, and health answers DOWN until then. A migration
 * that fails at start for another reason still stops the start: a broken script is not a database
 * that is away.
 */
public class SchemaGate implements InitializingBean, DisposableBean {

    static final Duration PAUSE = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(SchemaGate.class);

    private final SchemaMigrations migrations;
    private final List<Waiting> waiting = new ArrayList<>();
    private volatile boolean open;
    private volatile boolean closing;
    private Thread awaiting;

    public SchemaGate(SchemaMigrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public void afterPropertiesSet() {
        try {
            migrations.migrate();
            open = true;
        } catch (RuntimeException e) {
            if (!Problems.databaseUnreachable(e)) {
                throw e;
            }
            log.warn("The database cannot be reached ({}): the service starts without it, answers 503 meanwhile, "
                    + "and migrates the schema once it answers", reason(e));
            awaiting = new Thread(this::await, "schema-gate");
            awaiting.setDaemon(true);
            awaiting.start();
        }
    }

    /** True once the schema is migrated and the start-up work that waited for it has run. */
    public boolean isOpen() {
        return open;
    }

    /** Runs {@code work} now if the gate is open, or after the migrations if it is not. */
    public void whenOpen(String name, Runnable work) {
        synchronized (waiting) {
            if (!open) {
                waiting.add(new Waiting(name, work));
                log.info("{} waits for the database", name);
                return;
            }
        }
        work.run();
    }

    private void await() {
        String lastReason = null;
        while (!closing) {
            try {
                migrations.migrate();
                break;
            } catch (RuntimeException e) {
                String reason = reason(e);
                if (!Objects.equals(reason, lastReason)) {
                    log.warn("The schema is not migrated yet: {}; trying again every {} s", reason, PAUSE.toSeconds());
                    lastReason = reason;
                }
                if (!pause()) {
                    return;
                }
            }
        }
        while (!closing) {
            List<Waiting> due;
            synchronized (waiting) {
                if (waiting.isEmpty()) {
                    open = true;
                    log.info("The database answers and the schema is migrated: the service is up");
                    return;
                }
                due = List.copyOf(waiting);
                waiting.clear();
            }
            due.forEach(Waiting::run);
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public void destroy() {
        closing = true;
        if (awaiting != null) {
            awaiting.interrupt();
        }
    }

    private record Waiting(String name, Runnable work) {

        void run() {
            try {
                work.run();
            } catch (RuntimeException e) {
                // The service is already serving: the failure is told, not thrown into an empty thread.
                log.error("{} failed after the database came: {}", name, e.getMessage(), e);
            }
        }
    }
}
