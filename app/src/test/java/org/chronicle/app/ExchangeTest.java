package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Our own format both ways: a chronicle exported and imported under another id answers every day
 * as the original does; a second import records nothing; a bad row is refused alone.
 */
@ServiceTest
class ExchangeTest {

    private static final String ORIGINAL = "/api/v1/chronicles/rastan-2012";
    private static final String COPY = "/api/v1/chronicles/rastan-copy";

    @LocalServerPort
    int port;

    @Test
    void exportThenImportReproducesEveryDayAndASecondImportRecordsNothing() {
        Http reads = Http.local(port);
        Http writes = reads.asAdmin();
        writes.put(ORIGINAL, Rastan.CHRONICLE);
        writes.post(ORIGINAL + "/reports", Rastan.casualties("r-building", "2012-01-31", 10));
        writes.post(ORIGINAL + "/reports", Rastan.casualties("r-more", "2012-01-31", 20));
        writes.post(ORIGINAL + "/reports/r-more/duplicate-of", "{\"duplicateOf\": \"r-building\", \"reason\": \"same\"}");
        writes.post(ORIGINAL + "/reports", Rastan.casualties("r-rumour", "2012-02-01", 50));
        writes.post(ORIGINAL + "/reports/r-rumour/retraction", "{\"reason\": \"a rumour\"}");
        writes.post(ORIGINAL + "/reports/r-rumour/reinstatement", "{\"reason\": \"confirmed after all\"}");
        String corrected = Rastan.casualties("x", "2012-02-01", 12).replace("\"reportId\": \"x\", ", "");
        writes.post(ORIGINAL + "/reports/r-rumour/corrections", "{\"reason\": \"recount\", \"sources\": "
                + "[{\"name\": \"Recount\", \"publishedOn\": \"2012-02-03\"}], \"report\": " + corrected + "}");
        long last = writes.post(ORIGINAL + "/reports", """
                {"reportId": "r-0201-most", "type": "CONTROL_CHANGE", "date": "2012-02-01", "area": "rastan",
                 "summary": "The FSA holds most of Rastan", "sources": [{"name": "Infobox", "publishedOn": "2012-02-01"}],
                 "control": {"to": "fsa", "extent": "PARTIAL"}}""").json().path("position").asLong();
        reads.get(ORIGINAL + "/days/2012-01-31?consistentWith=" + last);

        Http.Answer exported = reads.get(ORIGINAL + "/export?format=json");
        assertThat(exported.status()).as(exported.body()).isEqualTo(200);
        assertThat(exported.json().path("events").findValuesAsText("kind")).containsExactly("RECORDED", "RECORDED",
                "MARKED_DUPLICATE", "RECORDED", "RETRACTED", "REINSTATED", "CORRECTED", "RECORDED");

        Http.Answer imported = writes.post(COPY + "/imports?format=json", exported.body());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("accepted").asInt()).isEqualTo(8);
        assertThat(imported.json().path("refused").asInt()).isZero();

        long copied = imported.json().path("position").asLong();
        assertThat(days(reads, COPY, copied)).isEqualTo(days(reads, ORIGINAL, copied));

        Http.Answer again = writes.post(COPY + "/imports?format=json", exported.body());
        assertThat(again.json().path("accepted").asInt()).isZero();
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(8);
        assertThat(reads.get(COPY + "/export?format=json").json().path("events")).hasSize(8);
    }

    @Test
    void aBadRowIsRefusedWithItsLineAndTheOthersAreRecorded() {
        Http writes = Http.local(port).asAdmin();
        String file = """
                {"format": "chronicle/1",
                 "definition": %s,
                 "events": [
                   {"kind": "RECORDED", "reportId": "good", "report": %s},
                   {"kind": "RECORDED", "reportId": "bad",
                    "report": {"type": "CASUALTIES", "date": "2012-01-31", "area": "homs", "summary": "Elsewhere",
                               "casualties": [{"party": "civilians", "killed": 1}]}},
                   {"kind": "RETRACTED", "reportId": "nowhere", "reason": "no such report"}
                 ]}""".formatted(Rastan.CHRONICLE, Rastan.casualties("x", "2012-01-31", 3).replace("\"reportId\": \"x\", ", ""));
        Http.Answer answer = writes.post("/api/v1/chronicles/rastan-rows/imports?format=json", file);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("accepted").asInt()).isEqualTo(1);
        assertThat(answer.json().path("refused").asInt()).isEqualTo(2);
        JsonNode refusals = answer.json().path("refusals");
        assertThat(refusals.findValuesAsText("reportId")).containsExactly("bad", "nowhere");
        List<String> lines = file.lines().toList();
        assertThat(refusals.get(0).path("line").asInt()).as("the line where the bad row begins")
                .isEqualTo(1 + lines.indexOf(lines.stream().filter(l -> l.contains("\"bad\"")).findFirst().orElseThrow()));
        assertThat(refusals.get(0).path("errors").findValuesAsText("field")).contains("area");
        assertThat(refusals.get(1).path("reason").asText()).contains("nowhere");
        String stored = Http.local(port).getUntil("/api/v1/chronicles/rastan-rows/export?format=json",
                a -> a.body().contains("\"good\""), Duration.ofSeconds(20)).body();
        assertThat(stored).as("the rows of one batch: each refusal rolled back alone")
                .doesNotContain("\"bad\"").doesNotContain("\"nowhere\"");

        Http.Answer unreadable = writes.post("/api/v1/chronicles/rastan-broken/imports?format=json",
                "{\"format\": \"chronicle/1\", \"definition\": " + Rastan.CHRONICLE + ", \"events\": [ {\"kind\": ");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.isProblem()).isTrue();
        assertThat(Http.local(port).get("/api/v1/chronicles/rastan-broken/export?format=json").status())
                .as("a file that cannot be read stores nothing, not even its definition").isEqualTo(404);
        assertThat(writes.post("/api/v1/chronicles/rastan-rows/imports?format=rss", file).status()).isEqualTo(400);
        assertThat(Http.local(port).post("/api/v1/chronicles/rastan-rows/imports?format=json", file).status())
                .isEqualTo(401);
    }

    /** Every day of the chronicle, without what names the chronicle or the moment of the answer. */
    private static List<JsonNode> days(Http reads, String chronicle, long position) {
        List<JsonNode> days = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2012, 1, 29); !day.isAfter(LocalDate.of(2012, 2, 6)); day = day.plusDays(1)) {
            Http.Answer answer = reads.get(chronicle + "/days/" + day + "?consistentWith=" + position);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            ObjectNode state = (ObjectNode) answer.json();
            state.remove(List.of("chronicleId", "asKnownAt"));
            days.add(state);
        }
        return days;
    }
}
