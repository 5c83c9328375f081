package org.chronicle.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Every event an import records says who posted the file and which import it came from, whether
 * the import answered at once or ran as a job on the worker threads, in every format: the
 * account (not the anonymous of a thread without the caller's security context) as
 * {@code recordedBy}, and one {@code importId} for all the import's events (the job's id for a
 * job), read back from the store.
 */
@ServiceTest
@TestPropertySource(properties = "chronicle.imports.job-above=4KB")
class ImportProvenanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EDITOR = "nadia";
    private static final String PASSWORD = "nadia-has-a-long-password";
    private static final String ACLED_HEADER = "event_id_cnty,event_date,event_type,sub_event_type,actor1,country,"
            + "location,notes,fatalities";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private Http editor;

    @BeforeEach
    void anEditor() {
        Http.Answer added = Http.local(port).asAdmin().post("/api/v1/admin/accounts",
                "{\"username\": \"" + EDITOR + "\", \"password\": \"" + PASSWORD + "\", \"roles\": [\"EDITOR\"]}");
        assertThat(added.status()).as(added.body()).isIn(201, 409);
        editor = Http.local(port).as(EDITOR, PASSWORD);
    }

    @Test
    void aSmallCsvImportStampsItsEvents() {
        Http.Answer answer = editor.postText("/api/v1/chronicles/prov-csv/imports?format=acled", acled(3), "text/csv");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String importId = answer.json().path("importId").asText();
        assertThat(importId).isNotBlank();
        assertStamped("prov-csv", 4, importId);
    }

    @Test
    void aCsvJobStampsItsEventsWithItsId() {
        String file = acled(120);
        assertThat(file.length()).isGreaterThan(4_096);
        String jobId = job(editor.postText("/api/v1/chronicles/prov-csv-job/imports?format=acled", file, "text/csv"));
        assertStamped("prov-csv-job", 121, jobId);
    }

    @Test
    void aSmallJsonImportStampsItsEvents() {
        Http.Answer answer = editor.post("/api/v1/chronicles/prov-json/imports?format=json", chronicleFile(2));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertStamped("prov-json", 3, answer.json().path("importId").asText());
    }

    @Test
    void aJsonJobStampsItsEventsWithItsId() {
        String file = chronicleFile(30);
        assertThat(file.length()).isGreaterThan(4_096);
        String jobId = job(editor.post("/api/v1/chronicles/prov-json-job/imports?format=json", file));
        assertStamped("prov-json-job", 31, jobId);
    }

    /** Waits for the job to be done; answers its id. */
    private String job(Http.Answer accepted) {
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String jobId = accepted.json().path("jobId").asText();
        Http.Answer done = editor.getUntil("/api/v1/imports/" + jobId,
                a -> !a.json().path("status").asText().equals("RUNNING"), Duration.ofSeconds(120));
        assertThat(done.json().path("status").asText()).as(done.body()).isEqualTo("DONE");
        assertThat(done.json().path("refused").asInt()).as(done.body()).isZero();
        return jobId;
    }

    private void assertStamped(String chronicleId, int events, String importId) {
        List<String> metaData = jdbc.queryForList("""
                SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry
                WHERE aggregate_identifier = ? OR aggregate_identifier LIKE ? ORDER BY global_index""", String.class,
                chronicleId, chronicleId + "/%");
        assertThat(metaData).as("the definition and a report a row").hasSize(events);
        for (String each : metaData) {
            JsonNode stamp = read(each);
            assertThat(stamp.path("recordedBy").asText()).as(each).isEqualTo(EDITOR);
            assertThat(stamp.path("importId").asText()).as(each).isEqualTo(importId);
        }
    }

    private static String acled(int rows) {
        StringBuilder file = new StringBuilder(ACLED_HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            file.append("P").append(i).append(",2012-02-01,Battles,Armed clash,Free Syrian Army,Syria,Rastan,")
                    .append("Clashes in the western neighbourhoods,").append(i % 5).append('\n');
        }
        return file.toString();
    }

    private static String chronicleFile(int reports) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < reports; i++) {
            String report = Rastan.casualties("r-" + i, "2012-01-31", i).replace("\"reportId\": \"r-" + i + "\", ", "");
            events.append(i == 0 ? "" : ",\n").append("{\"kind\": \"RECORDED\", \"reportId\": \"r-").append(i)
                    .append("\", \"report\": ").append(report).append('}');
        }
        return "{\"format\": \"chronicle/1\", \"definition\": " + Rastan.CHRONICLE + ", \"events\": [" + events + "]}";
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
