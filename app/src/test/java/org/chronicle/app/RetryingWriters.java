package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.Rastan;

/**
 * Clients that record reports one after another, each report with its own {@code reportId}, and
 * send a write that failed or went unanswered again with the same id and body until it is
 * acknowledged, as the API asks of them. A client whose write to its first service went
 * unanswered or failed with a 5xx other than 503 sends it on to the other service, and stays
 * there, as a client behind a balancer does when a node dies; for one service the two are the
 * same. They count what they saw, so that a test can hold it against what the store holds.
 */
final class RetryingWriters implements AutoCloseable {

    private final int clients;
    private final String chronicleId;
    private final String date;
    private final Http first;
    private final Http other;
    private final List<Thread> threads = new ArrayList<>();
    private final long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    private volatile boolean stopping;
    private volatile boolean abandoned;
    final AtomicLong tried = new AtomicLong();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger unanswered = new AtomicInteger();
    /** Writes left unanswered or failed by the first service and then sent to the other one. */
    final AtomicInteger sentOn = new AtomicInteger();
    /** reportId to the status that acknowledged it: 201, or 200 for a retry that met its own first write. */
    final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

    RetryingWriters(int clients, String chronicleId, String date, Http first, Http other) {
        this.clients = clients;
        this.chronicleId = chronicleId;
        this.date = date;
        this.first = first;
        this.other = other;
    }

    /** Writers of one service: a retry goes where the first attempt went. */
    RetryingWriters(int clients, String chronicleId, String date, Http service) {
        this(clients, chronicleId, date, service, service);
    }

    void start() {
        for (int client = 0; client < clients; client++) {
            int id = client;
            Thread thread = new Thread(() -> write(id), "writer-" + client);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Each client records reports one after another until told to stop. */
    private void write(int client) {
        Http[] service = {first};
        for (int n = 1; !stopping && beforeDeadline(); n++) {
            record("c" + client + "-" + n, service);
        }
    }

    /** Sends the same body again until it is acknowledged; a client stopping still finishes it. */
    private void record(String reportId, Http[] service) {
        String body = Rastan.casualties(reportId, date, 1);
        String reports = "/api/v1/chronicles/" + chronicleId + "/reports";
        while (beforeDeadline()) {
            tried.incrementAndGet();
            Answer answer;
            try {
                answer = service[0].post(reports, body);
            } catch (UncheckedIOException noAnswer) {
                unanswered.incrementAndGet();
                sendOn(service);
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
                sendOn(service);
            }
            pause();
        }
        unexpected.add(reportId + ": never acknowledged");
    }

    private void sendOn(Http[] service) {
        if (service[0] != other) {
            service[0] = other;
            sentOn.incrementAndGet();
        }
    }

    void awaitAcknowledged(long count) throws InterruptedException {
        while (acknowledged.size() < count && beforeDeadline()) {
            Thread.sleep(50);
        }
        assertThat(acknowledged.size()).as("acknowledged writes; other answers: %s", unexpected)
                .isGreaterThanOrEqualTo((int) count);
    }

    /** Lets each client finish the write it is at, and waits for all of them. */
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

    long acknowledgedAs(int status) {
        return acknowledged.values().stream().filter(s -> s == status).count();
    }

    /** What the store holds against what the clients were told. */
    Tally tally(String databaseUrl) throws SQLException {
        Map<String, Integer> stored = recordedPerReport(databaseUrl);
        Set<String> acked = acknowledged.keySet();
        long lost = acked.stream().filter(id -> !stored.containsKey(id)).count();
        long doubled = stored.values().stream().filter(rows -> rows > 1).count();
        Set<String> extra = new HashSet<>(stored.keySet());
        extra.removeAll(acked);
        return new Tally(acked.size(), lost, doubled, extra);
    }

    /** Acknowledged writes; those not stored; reports stored more than once; reports stored but never acknowledged. */
    record Tally(long acknowledged, long lost, long doubled, Set<String> extra) {

        void assertExact() {
            assertThat(lost).as("acknowledged but not stored").isZero();
            assertThat(doubled).as("stored more than once").isZero();
            assertThat(extra).as("stored but never acknowledged").isEmpty();
        }
    }

    /** ReportRecorded rows per report of the chronicle, straight from the event table. */
    private Map<String, Integer> recordedPerReport(String url) throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement select = c.prepareStatement("SELECT aggregate_identifier, COUNT(*)"
                     + " FROM domain_event_entry WHERE payload_type = ? AND aggregate_identifier LIKE ?"
                     + " GROUP BY aggregate_identifier")) {
            select.setString(1, ReportRecorded.class.getName());
            select.setString(2, chronicleId + "/%");
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1).substring(chronicleId.length() + 1), rs.getInt(2));
                }
            }
        }
        return rows;
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
