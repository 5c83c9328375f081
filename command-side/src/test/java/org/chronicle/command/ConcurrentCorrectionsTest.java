package org.chronicle.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sixteen clients correct one report at once, each naming the version it read. Per version
 * exactly one wins; the others are told their view is stale; the history has no gap.
 */
@ServiceTest
class ConcurrentCorrectionsTest {

    private static final int CLIENTS = 16;
    private static final int ROUNDS = 5;
    private static final String REPORT = "/api/v1/chronicles/rastan-2012/reports/r-contested";


    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void exactlyOneCorrectionWinsPerVersion() throws Exception {
        Http http = Http.local(port).asAdmin();
        http.put("/api/v1/chronicles/rastan-2012", Rastan.CHRONICLE);
        assertThat(http.post("/api/v1/chronicles/rastan-2012/reports",
                Rastan.casualties("r-contested", "2012-01-31", 10)).status()).isEqualTo(201);

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                long expected = round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int client = 0; client < CLIENTS; client++) {
                    int killed = 100 * round + client;
                    Callable<Integer> correct = () -> {
                        start.await();
                        return http.post(REPORT + "/corrections", correction(killed, expected)).status();
                    };
                    answers.add(pool.submit(correct));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                assertThat(statuses).as("round %d", round).containsOnly(201, 409);
                assertThat(statuses.stream().filter(s -> s == 201)).as("winners of round %d", round).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> sequence = jdbc.queryForList("""
                SELECT sequence_number FROM domain_event_entry
                WHERE aggregate_identifier = 'rastan-2012/r-contested' ORDER BY sequence_number""", Long.class);
        assertThat(sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    private static String correction(int killed, long expectedVersion) {
        String report = Rastan.casualties("x", "2012-01-31", killed).replace("\"reportId\": \"x\", ", "");
        return "{\"reason\": \"a rival count\", \"expectedVersion\": " + expectedVersion + ", \"report\": " + report + "}";
    }
}
