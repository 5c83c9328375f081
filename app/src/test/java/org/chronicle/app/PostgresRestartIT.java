package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.Rastan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes away under a steady stream of writes: stopped as an operator stops it, or
 * crashed ({@code -m immediate}: no checkpoint, the sessions cut, the next start recovers from the
 * WAL). Sixteen clients ({@link RetryingWriters}) record reports and retry a write that failed or
 * went unanswered with the same id and body until it is acknowledged. While the database is away
 * a write answers 503 problem+json with Retry-After, never another 5xx; afterwards every
 * acknowledged report is in the event store exactly once, and nothing else is.
 */
class PostgresRestartIT {

    private static final int CLIENTS = 16;
    private static final String CHRONICLE_ID = "restart-2012";
    private static final String CHRONICLE = "/api/v1/chronicles/" + CHRONICLE_ID;
    private static final String DATE = "2012-01-31";
    /**
     * Longer than the pool waits for a connection (5 s), so writes do fail rather than wait the
     * outage out; a shorter one could pass without a single 503.
     */
    private static final Duration OUTAGE = Duration.ofSeconds(7);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void writesWhilePostgresIsStoppedAnswer503AndEveryAcknowledgedReportIsStoredOnce() throws Exception {
        writeThrough("stopped", OwnPostgres::stop);
    }

    /**
     * A crash loses no commit that was acknowledged: the service acknowledges only what
     * PostgreSQL has flushed to its WAL, and the restart replays it. A commit whose answer the
     * crash cut is the client's to send again; its repeat is answered as the first write.
     */
    @Test
    void writesWhilePostgresHasCrashedAnswer503AndEveryAcknowledgedReportIsStoredOnce() throws Exception {
        writeThrough("crashed", OwnPostgres::crash);
    }

    private void writeThrough(String outage, Consumer<OwnPostgres> away) throws Exception {
        try (OwnPostgres postgres = OwnPostgres.create()) {
            postgres.start();
            Map<String, String> env = new HashMap<>(Accounts.environment(postgres.url()));
            env.put("CHRONICLE_SEED_ENABLED", "false");
            try (ServiceProcess app = ServiceProcess.start(ServiceProcess.jarOf("app"), work, env)) {
                Http writes = app.http.asAdmin();
                assertThat(writes.put(CHRONICLE, Rastan.CHRONICLE).status()).isEqualTo(201);

                RetryingWriters clients = new RetryingWriters(CLIENTS, CHRONICLE_ID, DATE, writes);
                try (clients) {
                    clients.start();
                    clients.awaitAcknowledged(5L * CLIENTS);
                    away.accept(postgres);
                    Thread.sleep(OUTAGE.toMillis());
                    postgres.start();
                    clients.awaitAcknowledged(clients.acknowledged.size() + 5L * CLIENTS);
                    clients.finish();
                }

                RetryingWriters.Tally tally = clients.tally(postgres.url());
                System.out.printf("PostgresRestartIT figures: %s, clients=%d, outage=%ds, requests tried=%d, "
                                + "503 seen=%d, unanswered=%d, acknowledged=%d (201: %d, 200 already recorded: %d), "
                                + "lost=%d, doubled=%d, extra=%d, other answers=%d%n",
                        outage, CLIENTS, OUTAGE.toSeconds(), clients.tried.get(), clients.unavailable.get(),
                        clients.unanswered.get(), tally.acknowledged(), clients.acknowledgedAs(201),
                        clients.acknowledgedAs(200), tally.lost(), tally.doubled(), tally.extra().size(),
                        clients.unexpected.size());

                assertThat(clients.unexpected).as(() -> "answers other than 2xx and 503; the service logged:\n"
                        + app.loggedErrors()).isEmpty();
                assertThat(clients.unavailable.get()).as("503s while PostgreSQL was away").isPositive();
                tally.assertExact();

                // The projections resumed too: each report counts one civilian killed on the day.
                Answer day = app.http.getUntil(CHRONICLE + "/days/" + DATE, a -> a.status() == 200
                        && killed(a) == tally.acknowledged(), PATIENCE);
                assertThat(killed(day)).as(day.body()).isEqualTo(tally.acknowledged());
            }
        }
    }

    private static long killed(Answer day) {
        return day.json().path("casualties").path("day").path("civilians").path("killed").path("best").asLong();
    }
}
