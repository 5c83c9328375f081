package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The main job: `app` on an empty store loads the Battle of Rastan through the import, and the
 * projections give the infobox. Loaded once: a second run of the seed finds the chronicle there.
 */
@SpringBootTest(classes = ChronicleApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AwaitSeed.WhileSeeding
class RastanSeedTest {

    private static final String RASTAN = "/api/v1/chronicles/rastan-2012";

    @LocalServerPort
    int port;
    @Autowired
    RastanSeed seed;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> TestDatabase.create(RastanSeedTest.class));
        properties.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
        properties.add("chronicle.admin.password", () -> Accounts.ADMIN_PASSWORD);
    }

    @Autowired
    SeedReadiness readiness;

    @Test
    void theProjectionsGiveTheInfoboxOnFiveFebruary() throws InterruptedException {
        assertThat(readiness.awaitSeeded(Duration.ofMinutes(2))).isTrue();
        Http reads = Http.local(port);
        long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        JsonNode feb5 = reads.get(RASTAN + "/days/2012-02-05?consistentWith=" + head).json();
        JsonNode killed = feb5.path("casualties").path("cumulative");
        assertThat(killed.path("fsa").path("killed")).isEqualTo(figure(reads, 18, "18"));
        assertThat(killed.path("government").path("killed")).isEqualTo(figure(reads, 2, "null"));
        assertThat(killed.path("civilians").path("killed")).isEqualTo(figure(reads, 24, "24"));
        for (JsonNode area : feb5.path("control")) {
            assertThat(area.path("side").asText()).as(area.toString()).isEqualTo("fsa");
            assertThat(area.path("extent").asText()).as(area.toString()).isEqualTo("FULL");
        }
        assertThat(feb5.path("control").findValuesAsText("area")).contains("rastan", "rastan-suburbs");

        JsonNode feb1 = reads.get(RASTAN + "/days/2012-02-01").json().path("control");
        assertThat(feb1.findParents("area").stream().filter(a -> a.path("area").asText().equals("rastan")).findFirst()
                .orElseThrow().path("extent").asText()).isEqualTo("PARTIAL");
    }

    /**
     * From the first request on, a read of Rastan is either the infobox's figures or a 503 with
     * Retry-After, never the half-projected seed; readiness turns UP once the seed is projected,
     * and from then on every read answers at once.
     */
    @Test
    void rastanIsReadOnlyOnceItsSeedIsProjected() {
        Http reads = Http.local(port);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        boolean ready = false;
        while (!ready && System.nanoTime() < deadline) {
            ready = reads.get("/actuator/health/readiness").body().contains("\"UP\"");
            Http.Answer day = reads.get(RASTAN + "/days/2012-02-05");
            if (day.status() == 503) {
                assertThat(ready).as("a ready service answers Rastan").isFalse();
                assertThat(day.retryAfter()).isEqualTo("1");
                assertThat(day.isProblem()).isTrue();
            } else {
                assertThat(day.status()).as(day.body()).isEqualTo(200);
                assertThat(day.json().path("casualties").path("cumulative").path("fsa").path("killed").path("best")
                        .asLong()).as("the seed's figure, never a half-projected one").isEqualTo(18);
            }
        }
        assertThat(ready).as("ready within two minutes").isTrue();
    }

    @Test
    void theSeedRunsOnceOnly() throws Exception {
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        seed.run(null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class)).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier LIKE 'rastan-2012/%'",
                Long.class)).as("every row of the file is recorded").isGreaterThan(30);
    }

    private static JsonNode figure(Http reads, long value, String high) {
        return new Http.Answer(200, "{\"low\": %d, \"best\": %d, \"high\": %s}".formatted(value, value, high), "", null)
                .json();
    }
}
