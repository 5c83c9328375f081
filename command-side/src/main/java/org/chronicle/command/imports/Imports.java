package org.chronicle.command.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.chronicle.api.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

/**
 * The imports of every format, at once or as a job. The body is first kept in a temporary file:
 * every format reads its file twice, and a job outlives its request.
 */
@Component
public class Imports {

    public static final java.util.List<String> FORMATS = java.util.List.of("json", "ucdp", "acled");
    private static final Logger log = LoggerFactory.getLogger(Imports.class);

    private final ChronicleFileImport json;
    private final UcdpImport ucdp;
    private final AcledImport acled;
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
    /** One job at a time: the rows of two would only contend for the same connections. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "import-jobs");
        thread.setDaemon(true);
        return thread;
    });

    private final CommandGateway commands;

    Imports(ChronicleFileImport json, UcdpImport ucdp, AcledImport acled, CommandGateway commands) {
        this.commands = commands;
        this.json = json;
        this.ucdp = ucdp;
        this.acled = acled;
    }

    /** Imports at once. */
    public ImportResult run(String chronicleId, String format, InputStream body, ImportProgress progress) {
        Path file = spool(format, body);
        try {
            return run(chronicleId, format, file, progress);
        } finally {
            file.toFile().delete();
        }
    }

    /** Imports a kept file at once, as an import of its own. */
    ImportResult run(String chronicleId, String format, Path file, ImportProgress progress) {
        return run(UUID.randomUUID().toString(), chronicleId, format, file, progress);
    }

    private ImportResult run(String importId, String chronicleId, String format, Path file,
                             ImportProgress progress) {
        ImportCommands stamped = new ImportCommands(commands, importId);
        return switch (format) {
            case "json" -> json.run(stamped, chronicleId, file, progress);
            case "ucdp" -> ucdp.run(stamped, chronicleId, file, progress);
            default -> acled.run(stamped, chronicleId, file, progress);
        };
    }

    /** Keeps the body in a temporary file, refusing an unknown format before it reads a byte. */
    Path spool(String format, InputStream body) {
        expectFormat(format);
        Path file = null;
        try {
            file = Files.createTempFile("chronicle-import-", "." + format);
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            // A body cut off or over its limit leaves nothing behind.
            if (file != null) {
                file.toFile().delete();
            }
            throw new UncheckedIOException(e);
        }
    }

    static void expectFormat(String format) {
        if (!FORMATS.contains(format)) {
            throw new Refusal.Invalid("format", "must be one of " + String.join(", ", FORMATS));
        }
    }

    /**
     * Imports a kept file as a job; its progress is read with {@link #job}. The file goes with the
     * job. The job's id is the import's, and it runs as the account that submitted it.
     */
    ImportJob submit(String chronicleId, String format, Path file) {
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), chronicleId, format, Instant.now());
        jobs.put(job.id(), job);
        worker.execute(new DelegatingSecurityContextRunnable(() -> {
            try {
                job.done(run(job.id(), chronicleId, format, file, job.progress()));
            } catch (Refusal refusal) {
                job.failed(ImportRows.reason(refusal));
            } catch (RuntimeException e) {
                log.error("Import job {} failed", job.id(), e);
                job.failed("The import stopped on an unexpected error; the rows recorded before it stay recorded.");
            } finally {
                file.toFile().delete();
            }
        }));
        return job;
    }

    public Optional<ImportJob> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        worker.shutdownNow();
    }
}
