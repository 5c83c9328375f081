package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Counting rule 1 on a day's figures: a report counts with its latest version; retracted and
 * duplicate reports count nothing; a reinstated one counts again with its latest content.
 */
@ServiceTest
class CountingRuleOneTest {

    private static final String REPORTS = "/api/v1/chronicles/rastan-2012/reports";


    @LocalServerPort
    int port;

    @Test
    void correctionsReplaceAndRetractionsAndDuplicatesCountNothing() {
        Http reads = Http.local(port);
        Http writes = reads.asAdmin();
        writes.put("/api/v1/chronicles/rastan-2012", Rastan.CHRONICLE);
        writes.post(REPORTS, Rastan.casualties("r-five", "2012-01-31", 5));
        writes.post(REPORTS, Rastan.casualties("r-ten", "2012-01-31", 10));
        assertThat(civiliansKilled(reads, 15)).isEqualTo(15);

        writes.post(REPORTS + "/r-ten/corrections", correction(12));
        assertThat(civiliansKilled(reads, 17)).as("10 corrected to 12").isEqualTo(17);

        writes.post(REPORTS + "/r-five/retraction", "{\"reason\": \"a rumour\"}");
        assertThat(civiliansKilled(reads, 12)).as("the 5 retracted").isEqualTo(12);

        writes.post(REPORTS + "/r-ten/corrections", correction(14));
        writes.post(REPORTS + "/r-five/reinstatement", "{\"reason\": \"confirmed after all\"}");
        assertThat(civiliansKilled(reads, 19)).as("the 5 back, the 12 now 14").isEqualTo(19);

        writes.post(REPORTS + "/r-ten/duplicate-of", "{\"duplicateOf\": \"r-five\", \"reason\": \"the same building\"}");
        assertThat(civiliansKilled(reads, 5)).as("the 14 is a duplicate of the 5").isEqualTo(5);
    }

    private static long civiliansKilled(Http reads, long awaited) {
        Answer day = reads.getUntil("/api/v1/chronicles/rastan-2012/days/2012-01-31",
                a -> a.status() == 200 && killed(a) == awaited, Duration.ofSeconds(20));
        return killed(day);
    }

    private static long killed(Answer day) {
        return day.json().path("casualties").path("day").path("civilians").path("killed").path("best").asLong(-1);
    }

    private static String correction(int killed) {
        String report = Rastan.casualties("x", "2012-01-31", killed).replace("\"reportId\": \"x\", ", "");
        return "{\"reason\": \"revised\", \"report\": " + report + "}";
    }
}
