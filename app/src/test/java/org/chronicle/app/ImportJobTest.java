package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A file above the size for an answer at once runs as a job whose progress can be read. */
@ServiceTest
@TestPropertySource(properties = "chronicle.imports.job-above=64KB")
class ImportJobTest {

    @LocalServerPort
    int port;

    @Test
    void aLargeFileIsAJobThatEndsDoneWithEveryRowCounted() throws IOException {
        String file;
        try (InputStream in = getClass().getResourceAsStream("/ucdp/ged231-sample-1000.csv")) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Http http = Http.local(port);
        Http.Answer accepted = http.asAdmin().postText("/api/v1/chronicles/ucdp-job/imports?format=ucdp", file,
                "text/csv");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String job = "/api/v1/imports/" + accepted.json().path("jobId").asText();
        assertThat(accepted.header("Location")).isEqualTo(job);
        assertThat(accepted.json().path("status").asText()).isIn("RUNNING", "DONE");

        JsonNode done = http.getUntil(job, a -> a.json().path("status").asText().equals("DONE"), Duration.ofSeconds(120))
                .json();
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("total").asLong()).isEqualTo(1_000);
        assertThat(done.path("processed").asLong()).isEqualTo(1_000);
        assertThat(done.path("accepted").asLong()).isEqualTo(1_000);
        assertThat(done.path("position").asLong()).isPositive();
        assertThat(http.get("/api/v1/imports/no-such-job").status()).isEqualTo(404);
    }
}
