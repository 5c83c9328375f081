package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A day's state and the list of days, read right after the writes with {@code consistentWith}. */
@ServiceTest
class DayViewTest {

    private static final String CHRONICLE = "/api/v1/chronicles/rastan-2012";

    @LocalServerPort
    int port;

    @Test
    void aDayListsItsReportsClaimsAndControlAndTheListCoversEveryDay() {
        Http reads = Http.local(port);
        Http writes = reads.asAdmin();
        writes.put(CHRONICLE, Rastan.CHRONICLE);
        writes.post(CHRONICLE + "/reports", Rastan.casualties("r-five", "2012-01-31", 5));
        writes.post(CHRONICLE + "/reports", Rastan.casualties("r-rumour", "2012-01-31", 50));
        writes.post(CHRONICLE + "/reports/r-rumour/retraction", "{\"reason\": \"a rumour\"}");
        writes.post(CHRONICLE + "/reports", """
                {"reportId": "r-claim", "type": "CASUALTIES", "period": {"start": "2012-01-29", "end": "2012-01-31"},
                 "area": "rastan", "summary": "20 killed in the previous days",
                 "sources": [{"name": "Activists", "publishedOn": "2012-02-01"}],
                 "casualties": [{"party": "civilians", "killed": 20}]}""");
        long last = writes.post(CHRONICLE + "/reports", """
                {"reportId": "r-0205-all", "type": "CONTROL_CHANGE", "date": "2012-02-05", "area": "rastan",
                 "summary": "The FSA holds all of Rastan", "sources": [{"name": "Infobox", "publishedOn": "2012-02-05"}],
                 "control": {"to": "fsa", "extent": "FULL"}}""").json().path("position").asLong();

        JsonNode jan31 = reads.get(CHRONICLE + "/days/2012-01-31?consistentWith=" + last).json();
        assertThat(jan31.path("reports").findValuesAsText("reportId")).containsExactly("r-five", "r-rumour");
        assertThat(jan31.path("reports").findValuesAsText("status")).containsExactly("ACTIVE", "RETRACTED");
        assertThat(jan31.path("periodClaims").findValuesAsText("reportId")).containsExactly("r-claim");
        assertThat(jan31.path("casualties").path("day").path("civilians").path("killed").path("best").asLong())
                .as("the retracted 50 counts nothing").isEqualTo(5);
        assertThat(jan31.path("casualties").path("cumulative").path("civilians").path("killed").path("best").asLong())
                .as("5 reported, raised to the claim's 20").isEqualTo(20);

        JsonNode days = reads.get(CHRONICLE + "/days?consistentWith=" + last).json();
        assertThat(days).hasSize(124);
        assertThat(days.get(0).path("date").asText()).isEqualTo("2012-01-29");
        assertThat(days.get(2).path("reportCount").asInt()).isEqualTo(2);
        assertThat(days.get(6).path("control").path("rastan").asText()).isEqualTo("government");
        assertThat(days.get(7).path("control").path("rastan").asText()).isEqualTo("fsa");
        assertThat(days.get(7).path("control").path("rastan-west").asText()).as("FULL hands the west over").isEqualTo("fsa");
        assertThat(days.get(7).path("cumulativeKilled").path("civilians").path("best").asLong()).isEqualTo(20);
        assertThat(days.get(123).path("date").asText()).isEqualTo("2012-05-31");
    }

    @Test
    void theChroniclesAreListedWithTheirCounts() {
        Http reads = Http.local(port);
        Http writes = reads.asAdmin();
        writes.put(CHRONICLE, Rastan.CHRONICLE);
        writes.post(CHRONICLE + "/reports", Rastan.casualties("r-count", "2012-01-31", 3));
        long last = writes.post(CHRONICLE + "/reports/r-count/retraction", "{\"reason\": \"doubtful\"}")
                .json().path("position").asLong();

        JsonNode chronicle = reads.get(CHRONICLE + "?consistentWith=" + last).json();
        assertThat(chronicle.path("name").asText()).isEqualTo("Battle of Rastan (January-February 2012)");
        assertThat(chronicle.path("areas")).hasSize(3);
        assertThat(chronicle.path("reports").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(chronicle.path("events").asLong()).isGreaterThan(chronicle.path("reports").asLong());
        assertThat(chronicle.path("lastRecordedAt").asText()).isNotBlank();
        assertThat(reads.get("/api/v1/chronicles").json().findValuesAsText("chronicleId")).contains("rastan-2012");
        assertThat(reads.get("/api/v1/chronicles/homs-1982").status()).isEqualTo(404);
    }

    @Test
    void aPositionNotYetReachedAnswers503WithRetryAfter() {
        Http reads = Http.local(port);
        reads.asAdmin().put(CHRONICLE, Rastan.CHRONICLE);
        var answer = reads.get(CHRONICLE + "/days/2012-01-31?consistentWith=999999999");
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.retryAfter()).isNotBlank();
        assertThat(answer.isProblem()).isTrue();
    }
}
