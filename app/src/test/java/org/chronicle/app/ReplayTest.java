package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET .../replay}: the days in order, as a JSON array or as server-sent events. */
@ServiceTest
class ReplayTest {

    private static final String CHRONICLE = "/api/v1/chronicles/rastan-2012";

    @LocalServerPort
    int port;

    @Test
    void theReplayGivesEachDayInOrderAsJsonAndAsEvents() {
        Http reads = Http.local(port);
        Http writes = reads.asAdmin();
        writes.put(CHRONICLE, Rastan.CHRONICLE);
        long last = writes.post(CHRONICLE + "/reports", Rastan.casualties("r-five", "2012-01-30", 5))
                .json().path("position").asLong();

        JsonNode days = reads.get(CHRONICLE + "/replay?from=2012-01-29&to=2012-02-05&consistentWith=" + last).json();
        assertThat(days).hasSize(8);
        assertThat(days.get(0).path("date").asText()).isEqualTo("2012-01-29");
        assertThat(days.get(1).path("casualties").path("day").path("civilians").path("killed").path("best").asLong())
                .isEqualTo(5);
        assertThat(days.get(7).path("casualties").path("cumulative").path("civilians").path("killed").path("best")
                .asLong()).isEqualTo(5);

        Http.Answer stream = reads.with("Accept", "text/event-stream").get(CHRONICLE + "/replay?from=2012-01-29&to=2012-01-31");
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        List<String> events = stream.body().lines().filter(l -> l.startsWith("event:")).toList();
        assertThat(events).containsExactly("event:day", "event:day", "event:day");
        assertThat(stream.body()).contains("id:2012-01-30").contains("\"date\":\"2012-01-31\"");
    }

    @Test
    void aRangeOutsideThePeriodNamesItsField() {
        Http reads = Http.local(port);
        reads.asAdmin().put(CHRONICLE, Rastan.CHRONICLE);
        long last = reads.asAdmin().put(CHRONICLE, Rastan.CHRONICLE).json().path("position").asLong();
        Http.Answer answer = reads.get(CHRONICLE + "/replay?from=2012-02-05&to=2012-02-01&consistentWith=" + last);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").findValuesAsText("field")).containsExactly("to");
        assertThat(reads.get(CHRONICLE + "/replay?from=2011-12-31").json().path("errors").findValuesAsText("field"))
                .containsExactly("from");
    }
}
