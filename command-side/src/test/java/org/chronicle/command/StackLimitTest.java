package org.chronicle.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The benchmark's ceiling of the HTTP stack: in the benchmark profile a report's POST reads the
 * body as strictly as the real endpoint and writes one row into the limit table, and nothing of
 * the event store.
 */
@ServiceTest
@ActiveProfiles("benchmark")
class StackLimitTest {

    private static final String STACK_LIMIT = "/api/v1/chronicles/rastan-2012/stack-limit";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReportIsOneRowOfTheLimitTableAndNoEvent() throws Exception {
        jdbc.execute(Files.readString(Path.of("../bench/limit-table.sql")));
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        Http http = Http.local(port).asAdmin();

        Answer written = http.post(STACK_LIMIT, Rastan.casualties("r-stack", "2012-01-31", 4));
        Answer strict = http.post(STACK_LIMIT, Rastan.casualties("r-mood", "2012-01-31", 4)
                .replaceFirst("\\{", "{\"mood\": 1, "));
        Answer anonymous = Http.local(port).post(STACK_LIMIT, Rastan.casualties("r-anon", "2012-01-31", 4));

        assertThat(written.status()).as(written.body()).isEqualTo(201);
        assertThat(strict.status()).as("the same strict reading").isEqualTo(400);
        assertThat(anonymous.status()).as("the same security chain").isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT aggregate_identifier FROM bench_event_entry", String.class))
                .isEqualTo("rastan-2012/r-stack");
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM bench_event_entry", String.class))
                .contains("Civilians killed by tank fire");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(events);
    }
}
