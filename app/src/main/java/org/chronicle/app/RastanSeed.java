package org.chronicle.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.chronicle.command.imports.ImportProgress;
import org.chronicle.command.imports.Imports;
import org.chronicle.command.imports.ImportResult;
import org.chronicle.platform.eventstore.EventPositions;
import org.chronicle.platform.schema.SchemaGate;
import org.chronicle.platform.web.StillWorking;
import org.chronicle.query.ProjectionProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The main job: a store without the Battle of Rastan gets it at start, through the normal
 * import, so that the first run shows a battle with nothing else to do. Switched off with
 * {@code chronicle.seed.enabled=false}. A store that has the chronicle is left as it is, whatever
 * was done to it since. The service is ready ({@link SeedReadiness}) once the seed is projected.
 */
@Component
@ConditionalOnProperty(name = "chronicle.seed.enabled", havingValue = "true", matchIfMissing = true)
class RastanSeed implements ApplicationRunner {

    static final String CHRONICLE = "rastan-2012";
    private static final String FILE = "seed/rastan-2012.json";
    private static final Logger log = LoggerFactory.getLogger(RastanSeed.class);

    private final Imports imports;
    private final EventPositions positions;
    private final SchemaGate schema;
    private final ProjectionProgress progress;
    private final SeedReadiness readiness;

    RastanSeed(Imports imports, EventPositions positions, SchemaGate schema, ProjectionProgress progress,
               SeedReadiness readiness) {
        this.imports = imports;
        this.positions = positions;
        this.schema = schema;
        this.progress = progress;
        this.readiness = readiness;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        schema.whenOpen("The Rastan seed", () -> {
            try {
                seed();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void seed() throws IOException {
        if (positions.latest(CHRONICLE).isPresent()) {
            // Recorded by an earlier start, but perhaps not yet projected (a projection's last
            // commits lost in a crash, a new query database): ready once the projections are there.
            awaitProjected(positions.head());
            return;
        }
        // The events name who recorded them: here the seed, not an anonymous caller.
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("seed", null, List.of()));
        try (InputStream file = new ClassPathResource(FILE).getInputStream()) {
            ImportResult result = imports.run(CHRONICLE, "json", file, new ImportProgress());
            log.info("Loaded the Battle of Rastan: {} events recorded, {} refused", result.accepted(), result.refused());
            result.refusals().forEach(refusal -> log.warn("Seed row refused at line {}: {}", refusal.line(),
                    refusal.reason()));
        } finally {
            SecurityContextHolder.clearContext();
        }
        awaitProjected(positions.head());
    }

    /**
     * The projections start once the service is up, after this runner: they are waited for on a
     * thread of their own, and the service is ready when they have processed the seed's last event.
     */
    private void awaitProjected(long head) {
        Thread waiter = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    progress.await(head);
                    readiness.seeded();
                    log.info("The Battle of Rastan is projected: the service is ready");
                    return;
                } catch (StillWorking notYet) {
                    pause();
                } catch (RuntimeException e) {
                    log.warn("Waiting for the seed's projections: {}", e.toString());
                    pause();
                }
            }
        }, "rastan-seed-projected");
        waiter.setDaemon(true);
        waiter.start();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
