package org.chronicle.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Corrections, retractions, reinstatements and duplicate marks over HTTP, on PostgreSQL. */
@ServiceTest
class ReportLifecycleHttpTest {

    private static final String REPORTS = "/api/v1/chronicles/rastan-2012/reports";


    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Http http;

    @BeforeEach
    void setUp() {
        http = Http.local(port).asAdmin();
        assertThat(http.put("/api/v1/chronicles/rastan-2012", Rastan.CHRONICLE).status()).isIn(200, 201);
    }

    @Test
    void eachLaterEventIsANewVersionWithItsPosition() {
        long recorded = http.post(REPORTS, Rastan.casualties("r-life", "2012-01-31", 10)).json().path("position").asLong();

        Answer corrected = http.post(REPORTS + "/r-life/corrections", correction(12, 1));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.json().path("version").asLong()).isEqualTo(2);
        assertThat(corrected.json().path("position").asLong()).isGreaterThan(recorded);

        Answer retracted = http.post(REPORTS + "/r-life/retraction", "{\"reason\": \"doubtful\", \"expectedVersion\": 2}");
        assertThat(retracted.status()).isEqualTo(201);
        assertThat(retracted.json().path("version").asLong()).isEqualTo(3);

        Answer reinstated = http.post(REPORTS + "/r-life/reinstatement", "{\"reason\": \"confirmed\"}");
        assertThat(reinstated.status()).isEqualTo(201);
        assertThat(reinstated.json().path("version").asLong()).isEqualTo(4);

        http.post(REPORTS, Rastan.casualties("r-original", "2012-01-31", 10));
        Answer duplicate = http.post(REPORTS + "/r-life/duplicate-of",
                "{\"duplicateOf\": \"r-original\", \"reason\": \"the same building\"}");
        assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(201);
        assertThat(duplicate.json().path("version").asLong()).isEqualTo(5);
    }

    @Test
    void refusedLaterEventsStoreNothing() {
        http.post(REPORTS, Rastan.casualties("r-refuse", "2012-01-31", 10));
        refused(REPORTS + "/r-nowhere/corrections", correction(12, null), 404, null);
        refused(REPORTS + "/r-refuse/corrections", correction(12, 7), 409, null);
        refused(REPORTS + "/r-refuse/corrections", correction(-2, null), 400, "report.casualties[0].killed.low");
        refused(REPORTS + "/r-refuse/corrections", correction(12, null).replace("\"AFP revised it\"", "\"\""), 400, "reason");
        refused(REPORTS + "/r-refuse/corrections", correction(12, null).replace("\"report\": {", "\"report\": {\"reportId\": \"x\", "),
                400, "report.reportId");
        refused(REPORTS + "/r-refuse/reinstatement", "{\"reason\": \"not retracted\"}", 409, null);
        refused(REPORTS + "/r-refuse/duplicate-of", "{\"duplicateOf\": \"r-ghost\", \"reason\": \"same\"}", 400, "duplicateOf");
        refused(REPORTS + "/r-refuse/retraction", "{\"reason\": \"x\", \"mood\": \"sad\"}", 400, "mood");
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheFirstAnswerAndAnotherBodyIsAConflict() {
        http.post(REPORTS, Rastan.casualties("r-key", "2012-01-31", 10));
        Http keyed = http.with("Idempotency-Key", "correct-r-key-1");

        Answer first = keyed.post(REPORTS + "/r-key/corrections", correction(12, null));
        long events = events();
        Answer again = keyed.post(REPORTS + "/r-key/corrections", correction(12, null));

        assertThat(again.status()).isEqualTo(first.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(events()).isEqualTo(events);
        refused(REPORTS + "/r-key/corrections", correction(13, null), 409, null, keyed);
    }

    @Test
    void everyEventCarriesWhoRecordedItAndACorrelationId() throws Exception {
        Answer recorded = http.with("X-Correlation-Id", "batch-2012-02-05")
                .post(REPORTS, Rastan.casualties("r-meta", "2012-01-31", 10));
        JsonNode metaData = new ObjectMapper().readTree(jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE global_index = ?",
                String.class, recorded.json().path("position").asLong()));
        assertThat(metaData.path("recordedBy").asText()).isEqualTo("admin");
        assertThat(metaData.path("traceId").asText()).isEqualTo("batch-2012-02-05");
        assertThat(metaData.path("correlationId").asText()).as("the command's id").isNotBlank();

        Answer corrected = http.post(REPORTS + "/r-meta/corrections", correction(11, null));
        JsonNode correctionMeta = new ObjectMapper().readTree(jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE global_index = ?",
                String.class, corrected.json().path("position").asLong()));
        assertThat(correctionMeta.path("recordedBy").asText()).isEqualTo("admin");
        assertThat(correctionMeta.path("correlationId").asText()).isNotBlank();
    }

    private String correction(int killed, Integer expectedVersion) {
        String report = Rastan.casualties("x", "2012-01-31", killed).replace("\"reportId\": \"x\", ", "");
        return """
                {"reason": "AFP revised it",
                 "sources": [{"name": "Toll revised", "publisher": "AFP", "publishedOn": "2012-02-02"}],
                 "expectedVersion": %s,
                 "report": %s}""".formatted(expectedVersion, report.strip());
    }

    private void refused(String path, String body, int status, String field) {
        refused(path, body, status, field, http);
    }

    private void refused(String path, String body, int status, String field, Http client) {
        long before = events();
        Answer answer = client.post(path, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.isProblem()).isTrue();
        if (field != null) {
            assertThat(answer.json().path("errors").findValuesAsText("field")).contains(field);
        }
        assertThat(events()).as("events after a refused request").isEqualTo(before);
    }

    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }
}
