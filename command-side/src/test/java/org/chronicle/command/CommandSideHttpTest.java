package org.chronicle.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The write API on a real PostgreSQL: every status of the slice, and nothing stored when refused. */
@ServiceTest
class CommandSideHttpTest {

    private static final String REPORTS = "/api/v1/chronicles/rastan-2012/reports";


    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Http http;

    @BeforeEach
    void setUp() {
        http = Http.local(port).asAdmin();
        Answer defined = http.put("/api/v1/chronicles/rastan-2012", Rastan.CHRONICLE);
        assertThat(defined.status()).isIn(200, 201);
    }

    @Test
    void aChronicleIsCreatedThenLeftAloneThenAmended() {
        Answer created = http.put("/api/v1/chronicles/homs-2012", Rastan.CHRONICLE);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("version").asLong()).isEqualTo(1);

        Answer again = http.put("/api/v1/chronicles/homs-2012", Rastan.CHRONICLE);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("version").asLong()).isEqualTo(1);

        Answer amended = http.put("/api/v1/chronicles/homs-2012", Rastan.CHRONICLE.replace("2012-05-31", "2012-06-30"));
        assertThat(amended.status()).isEqualTo(200);
        assertThat(amended.json().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void aReportLandsInTheEventStoreAsBytea() {
        Answer recorded = http.post(REPORTS, Rastan.casualties("r-bytea", "2012-01-31", 10));

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.json().path("reportId").asText()).isEqualTo("r-bytea");
        assertThat(recorded.json().path("version").asLong()).isEqualTo(1);
        long position = recorded.json().path("position").asLong();
        assertThat(jdbc.queryForObject("""
                SELECT pg_typeof(payload)::text FROM domain_event_entry WHERE global_index = ?""",
                String.class, position)).isEqualTo("bytea");
        assertThat(jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE global_index = ?""",
                String.class, position)).contains("\"reportId\":\"r-bytea\"").contains("\"civilians\"");
    }

    /** The position and instant a write answers come from its insert: they are the stored row's own. */
    @Test
    void aWriteAnswersItsStoredEventsPositionAndInstant() {
        Answer recorded = http.post(REPORTS, Rastan.casualties("r-own", "2012-01-31", 10));
        Answer retracted = http.post(REPORTS + "/r-own/retraction", "{\"reason\": \"unfounded\"}");

        for (Answer written : List.of(recorded, retracted)) {
            long version = written.json().path("version").asLong();
            Map<String, Object> row = jdbc.queryForMap("""
                    SELECT global_index, time_stamp FROM domain_event_entry
                    WHERE aggregate_identifier = 'rastan-2012/r-own' AND sequence_number = ?""", version - 1);
            assertThat(written.json().path("position").asLong()).as(written.body())
                    .isEqualTo(((Number) row.get("global_index")).longValue());
            assertThat(Instant.parse(written.json().path("recordedAt").asText()))
                    .isEqualTo(Instant.parse(row.get("time_stamp").toString()));
        }
    }

    @Test
    void theBenchmarksStackLimitExistsOnlyInItsProfile() {
        assertThat(http.post("/api/v1/chronicles/rastan-2012/stack-limit",
                Rastan.casualties("r-stack", "2012-01-31", 10)).status()).isEqualTo(404);
    }

    @Test
    void theSameReportAgainAnswersTheFirstAnswer() {
        Answer first = http.post(REPORTS, Rastan.casualties("r-twice", "2012-01-31", 10));
        long events = events();

        Answer second = http.post(REPORTS, Rastan.casualties("r-twice", "2012-01-31", 10));

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void anotherReportUnderATakenIdIsAConflict() {
        http.post(REPORTS, Rastan.casualties("r-taken", "2012-01-31", 10));
        refused(REPORTS, Rastan.casualties("r-taken", "2012-01-31", 11), 409, null);
    }

    @Test
    void refusedRequestsStoreNothingAndNameTheField() {
        refused(REPORTS, Rastan.casualties("r-neg", "2012-01-31", -3), 400, "casualties[0].killed.low");
        refused(REPORTS, Rastan.casualties("r-late", "2012-07-01", 3), 400, "date");
        refused(REPORTS, Rastan.casualties("r-bad-day", "2012-02-30", 3), 400, "date");
        refused(REPORTS, "{\"reportId\": \"r-broken\", \"type\": ", 400, "body");
        refused(REPORTS, Rastan.casualties("r-extra", "2012-01-31", 3).replaceFirst("\\{", "{\"mood\": 1, "),
                400, "mood");
        refused(REPORTS, Rastan.casualties("r-type", "2012-01-31", 3).replace("CASUALTIES", "RUMOUR"), 400, "type");
        refused(REPORTS, Rastan.casualties("bad id!", "2012-01-31", 3), 400, "reportId");
        refused("/api/v1/chronicles/homs-1982/reports", Rastan.casualties("r-nowhere", "2012-01-31", 3), 404, null);
        refused("/api/v1/chronicles/rastan-2012", Rastan.CHRONICLE.replace("\"parent\": \"rastan\"",
                "\"parent\": \"atlantis\""), 400, "areas[1].parent");
    }

    @Test
    void anAmendmentMayNotDropAnAreaInUse() {
        http.post(REPORTS, Rastan.casualties("r-pin", "2012-01-31", 1).replace("\"area\": \"rastan\"",
                "\"area\": \"rastan-suburbs\""));
        String withoutSuburbs = Rastan.CHRONICLE
                .replace(",\n           {\"id\": \"rastan-suburbs\", \"name\": \"Suburbs\"}", "")
                .replace(", {\"area\": \"rastan-suburbs\", \"side\": \"government\"}", "");
        assertThat(withoutSuburbs).doesNotContain("rastan-suburbs");
        refused("/api/v1/chronicles/rastan-2012", withoutSuburbs, 409, null);
    }

    @Test
    void healthIsUp() {
        assertThat(http.get("/actuator/health").json().path("status").asText()).isEqualTo("UP");
    }

    private void refused(String path, String body, int status, String field) {
        long before = events();
        Answer answer = path.endsWith("/reports") ? http.post(path, body) : http.put(path, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.isProblem()).as(answer.contentType()).isTrue();
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(answer.json().path("errors").findValuesAsText("field")).contains(field);
        }
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(events()).as("events after a refused request").isEqualTo(before);
    }

    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }
}
