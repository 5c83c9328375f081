package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two command sides on one store, as behind a balancer: a client whose first attempt goes
 * unanswered sends it again, and the repeat may reach the other process while the first is still
 * at work. The two race for the same version of the report in the store; whichever loses must
 * answer as a repeat does (the first answer), never with a 5xx, and the store must hold the write
 * once. Writers of different changes to one report race the same way and must both land.
 */
class TwoCommandSidesIT {

    private static final String REPORTS = "/api/v1/chronicles/rastan-2012/reports";
    private static final int ROUNDS = 20;

    @TempDir
    Path work;

    @Test
    void aRequestSentToBothCommandSidesAtOnceIsStoredOnceAndBothAreAnsweredAsTheFirst() throws Exception {
        String database = TestDatabase.create(TwoCommandSidesIT.class);
        Map<String, String> env = new HashMap<>(Accounts.environment(database));
        env.put("CHRONICLE_DB_POOL_SIZE", "4");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ServiceProcess one = ServiceProcess.start(ServiceProcess.jarOf("command-side"), work, env);
             ServiceProcess other = ServiceProcess.start(ServiceProcess.jarOf("command-side"), work, env)) {
            Http first = one.http.asAdmin();
            Http second = other.http.asAdmin();
            assertThat(first.put("/api/v1/chronicles/rastan-2012", Rastan.CHRONICLE).status()).isEqualTo(201);

            for (int round = 0; round < ROUNDS; round++) {
                int n = round;
                String body = Rastan.casualties("r-" + n, "2012-01-31", n);
                List<Answer> recorded = atOnce(pool, () -> first.post(REPORTS, body), () -> second.post(REPORTS, body));
                assertThat(recorded).extracting(Answer::status).as("the same report twice: %s", recorded)
                        .containsExactlyInAnyOrder(201, 200);
                assertThat(recorded).extracting(a -> a.json().path("position").asLong()).as("one event").containsOnly(
                        recorded.get(0).json().path("position").asLong());

                // The same correction under one key, each naming the version it read: a repeat, not a rival.
                String correction = correction(n + 100, 1L);
                String path = REPORTS + "/r-" + n + "/corrections";
                List<Answer> repeated = atOnce(pool,
                        () -> first.with("Idempotency-Key", "fix-" + n).post(path, correction),
                        () -> second.with("Idempotency-Key", "fix-" + n).post(path, correction));
                assertThat(repeated).extracting(Answer::status).as("one correction sent twice: %s", repeated)
                        .containsOnly(201);
                assertThat(repeated).extracting(a -> a.json().path("version").asLong()).containsOnly(2L);

                // Two different corrections naming no version: both land, one after the other.
                List<Answer> rivals = atOnce(pool, () -> first.post(path, correction(n + 200, null)),
                        () -> second.post(path, correction(n + 300, null)));
                assertThat(rivals).extracting(Answer::status).as("two corrections at once: %s", rivals)
                        .containsOnly(201);
                assertThat(rivals).extracting(a -> a.json().path("version").asLong())
                        .containsExactlyInAnyOrder(3L, 4L);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = DriverManager.getConnection(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT aggregate_identifier, COUNT(*), MAX(sequence_number)"
                     + " FROM domain_event_entry WHERE aggregate_identifier LIKE 'rastan-2012/%'"
                     + " GROUP BY aggregate_identifier")) {
            int reports = 0;
            while (rs.next()) {
                reports++;
                assertThat(rs.getLong(2)).as(rs.getString(1) + ": recorded, corrected once under the key, and twice")
                        .isEqualTo(4);
                assertThat(rs.getLong(3)).as(rs.getString(1) + ": no gap").isEqualTo(3);
            }
            assertThat(reports).isEqualTo(ROUNDS);
        }
    }

    /** Sends both requests at the same moment, one from each thread, and answers both answers. */
    private static List<Answer> atOnce(ExecutorService pool, Callable<Answer> a, Callable<Answer> b) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> sent = new ArrayList<>();
        for (Callable<Answer> request : List.of(a, b)) {
            sent.add(pool.submit(() -> {
                go.await();
                return request.call();
            }));
        }
        go.countDown();
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> answer : sent) {
            answers.add(answer.get());
        }
        return answers;
    }

    private static String correction(int killed, Long expectedVersion) {
        String report = Rastan.casualties("x", "2012-01-31", killed).replace("\"reportId\": \"x\", ", "");
        return """
                {"reason": "AFP revised it", "expectedVersion": %s, "report": %s}""".formatted(expectedVersion, report.strip());
    }
}
