package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET .../reports/{id}}: the current report, its status and its history, right after each write. */
@ServiceTest
class ReportHistoryTest {

    private static final String REPORTS = "/api/v1/chronicles/rastan-2012/reports";


    @LocalServerPort
    int port;

    @Test
    void theHistoryShowsEveryEventWithItsReasonAndWho() {
        Http reads = Http.local(port);
        Http writes = reads.asAdmin();
        writes.put("/api/v1/chronicles/rastan-2012", Rastan.CHRONICLE);
        writes.post(REPORTS, Rastan.casualties("r-story", "2012-01-31", 10));
        assertThat(reads.get(REPORTS + "/r-story").json().path("status").asText()).isEqualTo("ACTIVE");

        String recordedAt = reads.get(REPORTS + "/r-story").json().path("history").get(0).path("recordedAt").asText();
        String corrected = Rastan.casualties("x", "2012-01-31", 12).replace("\"reportId\": \"x\", ", "");
        writes.post(REPORTS + "/r-story/corrections", "{\"reason\": \"AFP revised it\", \"sources\": "
                + "[{\"name\": \"Toll revised\", \"publishedOn\": \"2012-02-02\"}], \"report\": " + corrected + "}");
        JsonNode afterCorrection = reads.get(REPORTS + "/r-story").json();
        assertThat(afterCorrection.path("status").asText()).isEqualTo("CORRECTED");
        assertThat(afterCorrection.path("version").asLong()).isEqualTo(2);
        assertThat(afterCorrection.path("report").path("casualties").get(0).path("killed").path("best").asLong())
                .isEqualTo(12);

        writes.post(REPORTS + "/r-story/retraction", "{\"reason\": \"the video was older\"}");
        JsonNode report = reads.get(REPORTS + "/r-story").json();
        assertThat(report.path("status").asText()).isEqualTo("RETRACTED");
        assertThat(report.path("history").findValuesAsText("kind")).containsExactly("RECORDED", "CORRECTED", "RETRACTED");
        assertThat(report.path("history").findValuesAsText("recordedBy")).containsOnly("admin");
        assertThat(report.path("history").get(1).path("reason").asText()).isEqualTo("AFP revised it");
        assertThat(report.path("history").get(1).path("sources").get(0).path("publishedOn").asText()).isEqualTo("2012-02-02");
        assertThat(report.path("history").get(2).path("reason").asText()).isEqualTo("the video was older");

        JsonNode before = reads.get(REPORTS + "/r-story?asKnownAt=" + recordedAt).json();
        assertThat(before.path("version").asLong()).as("as known when first recorded").isEqualTo(1);
        assertThat(before.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(before.path("asKnownAt").asText()).isEqualTo(recordedAt);
    }

    @Test
    void anUnknownReportIs404() {
        var answer = Http.local(port).get(REPORTS + "/r-never");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
    }
}
