package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.Rastan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL restarts under a steady stream of writes. Eight clients record reports, each with
 * its own {@code reportId}, and retry a write that failed or went unanswered with the same id and
 * body until it is acknowledged, as the API asks of them. While the database is away a write
 * answers 503 problem+json with Retry-After, never another 5xx; afterwards every acknowledged
 * report is in the event store exactly once, and nothing else is.
 */
class PostgresRestartIT {

    private static final int CLIENTS = 8;
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
    void writesDuringARestartAnswer503AndEveryAcknowledgedReportIsStoredOnce() throws Exception {
        try (OwnPostgres postgres = OwnPostgres.create()) {
            postgres.start();
            Map<String, String> env = new HashMap<>(Accounts.environment(postgres.url()));
            env.put("CHRONICLE_SEED_ENABLED", "false");
            try (ServiceProcess app = ServiceProcess.start(ServiceProcess.jarOf("app"), work, env)) {
                Http writes = app.http.asAdmin();
                assertThat(writes.put(CHRONICLE, Rastan.CHRONICLE).status()).isEqualTo(201);

                Clients clients = new Clients(writes);
                try (clients) {
                    clients.start();
                    clients.awaitAcknowledged(5L * CLIENTS);
                    postgres.stop();
                    Thread.sleep(OUTAGE.toMillis());
                    postgres.start();
                    clients.awaitAcknowledged(clients.acknowledged.size() + 5L * CLIENTS);
                    clients.finish();
                }

                Map<String, Integer> stored = recordedPerReport(postgres.url());
                Set<String> acknowledged = clients.acknowledged.keySet();
                long lost = acknowledged.stream().filter(id -> !stored.containsKey(id)).count();
                long duplicated = stored.values().stream().filter(rows -> rows > 1).count();
                Set<String> extra = new HashSet<>(stored.keySet());
                extra.removeAll(acknowledged);
                System.out.printf("PostgresRestartIT figures: clients=%d, outage=%ds, requests tried=%d, 503 seen=%d, "
                                + "unanswered=%d, acknowledged=%d (201: %d, 200 already recorded: %d), lost=%d, "
                                + "duplicated=%d, unexpected extra=%d, other answers=%d%n",
                        CLIENTS, OUTAGE.toSeconds(), clients.tried.get(), clients.unavailable.get(),
                        clients.unanswered.get(), acknowledged.size(),
                        clients.acknowledged.values().stream().filter(status -> status == 201).count(),
                        clients.acknowledged.values().stream().filter(status -> status == 200).count(),
                        lost, duplicated, extra.size(), clients.unexpected.size());

                assertThat(clients.unexpected).as(() -> "answers other than 2xx and 503; the service logged:\n"
                        + app.loggedErrors()).isEmpty();
                assertThat(clients.unavailable.get()).as("503s while PostgreSQL was away").isPositive();
                assertThat(lost).as("acknowledged but not stored").isZero();
                assertThat(duplicated).as("stored more than once").isZero();
                assertThat(extra).as("stored but never acknowledged").isEmpty();

                // The projections resumed too: each report counts one civilian killed on the day.
                Answer day = app.http.getUntil(CHRONICLE + "/days/" + DATE, a -> a.status() == 200
                        && killed(a) == acknowledged.size(), PATIENCE);
                assertThat(killed(day)).as(day.body()).isEqualTo(acknowledged.size());
            }
        }
    }

    private static long killed(Answer day) {
        return day.json().path("casualties").path("day").path("civilians").path("killed").path("best").asLong();
    }

    /** ReportRecorded rows per report of the chronicle, straight from the event table. */
    private static Map<String, Integer> recordedPerReport(String url) throws Exception {
        Map<String, Integer> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement select = c.prepareStatement("SELECT aggregate_identifier, COUNT(*)"
                     + " FROM domain_event_entry WHERE payload_type = ? AND aggregate_identifier LIKE ?"
                     + " GROUP BY aggregate_identifier")) {
            select.setString(1, ReportRecorded.class.getName());
            select.setString(2, CHRONICLE_ID + "/%");
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1).substring(CHRONICLE_ID.length() + 1), rs.getInt(2));
                }
            }
        }
        return rows;
    }

    /** The writing clients, and what they saw. */
    private static final class Clients implements AutoCloseable {

        private final Http writes;
        private final List<Thread> threads = new ArrayList<>();
        private final long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        private volatile boolean stopping;
        private volatile boolean abandoned;
        final AtomicLong tried = new AtomicLong();
        final AtomicInteger unavailable = new AtomicInteger();
        final AtomicInteger unanswered = new AtomicInteger();
        /** reportId to the status that acknowledged it: 201, or 200 for a retry that met its own first write. */
        final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

        Clients(Http writes) {
            this.writes = writes;
        }

        void start() {
            for (int client = 0; client < CLIENTS; client++) {
                int id = client;
                Thread thread = new Thread(() -> write(id), "writer-" + client);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        /** Each client records reports one after another until told to stop. */
        private void write(int client) {
            for (int n = 1; !stopping && beforeDeadline(); n++) {
                record("c" + client + "-" + n);
            }
        }

        /** Sends the same body again until it is acknowledged; a client stopping still finishes it. */
        private void record(String reportId) {
            String body = Rastan.casualties(reportId, DATE, 1);
            while (beforeDeadline()) {
                tried.incrementAndGet();
                Answer answer;
                try {
                    answer = writes.post(CHRONICLE + "/reports", body);
                } catch (UncheckedIOException noAnswer) {
                    unanswered.incrementAndGet();
                    pause();
                    continue;
                }
                if (answer.status() == 201 || answer.status() == 200) {
                    if (!reportId.equals(answer.json().path("reportId").asText())) {
                        unexpected.add(reportId + ": acknowledged as another report: " + answer.body());
                    }
                    acknowledged.put(reportId, answer.status());
                    return;
                }
                if (answer.status() == 503 && answer.isProblem() && answer.retryAfter() != null) {
                    unavailable.incrementAndGet();
                } else {
                    unexpected.add(reportId + ": " + answer.status() + " " + answer.body());
                    if (answer.status() < 500) {
                        return;    // refused: sending it again would be refused again
                    }
                }
                pause();
            }
            unexpected.add(reportId + ": never acknowledged");
        }

        void awaitAcknowledged(long count) throws InterruptedException {
            while (acknowledged.size() < count && beforeDeadline()) {
                Thread.sleep(50);
            }
            assertThat(acknowledged.size()).as("acknowledged writes; other answers: %s", unexpected)
                    .isGreaterThanOrEqualTo((int) count);
        }

        void finish() throws InterruptedException {
            stopping = true;
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(90).toMillis());
                assertThat(thread.isAlive()).as(thread.getName() + " finished").isFalse();
            }
        }

        /** A test that failed half-way leaves no client writing on. */
        @Override
        public void close() {
            stopping = true;
            abandoned = true;
        }

        private boolean beforeDeadline() {
            return !abandoned && System.nanoTime() < deadline;
        }

        private static void pause() {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
