package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;

/** One report the whole way: defined, recorded on the write side, answered by the read side. */
final class Slice {

    /** A chronicle of its own, beside the Rastan chronicle that `app` loads at start. */
    static final String CHRONICLE = "/api/v1/chronicles/slice-2012";
    static final String DAY = CHRONICLE + "/days/2012-01-31";

    private Slice() {
    }

    /** Records a report of 10 civilians killed on 31 January; answers the write's JSON. */
    static JsonNode record(Http writes) {
        assertThat(writes.put(CHRONICLE, Rastan.CHRONICLE).status()).isIn(200, 201);
        Answer recorded = writes.post(CHRONICLE + "/reports",
                Rastan.casualties("r-0131-building", "2012-01-31", 10));
        assertThat(recorded.status()).as(recorded.body()).isIn(200, 201);
        return recorded.json();
    }

    /** Waits until the read side answers the civilians' toll of 31 January, and checks it. */
    static void answered(Http reads) {
        Answer day = reads.getUntil(DAY, a -> a.status() == 200
                && a.json().path("casualties").path("day").has("civilians"), Duration.ofSeconds(30));
        assertThat(day.status()).as(day.body()).isEqualTo(200);
        JsonNode civilians = day.json().path("casualties").path("day").path("civilians");
        assertThat(civilians.path("killed").path("best").asLong()).isEqualTo(10);
        assertThat(civilians.path("wounded").path("best").asLong()).isEqualTo(15);
        JsonNode fsa = day.json().path("casualties").path("day").path("fsa").path("killed");
        assertThat(fsa.path("low").asLong()).isEqualTo(2);
        assertThat(fsa.path("high").isNull()).as("an unknown high stays unknown").isTrue();
    }
}
