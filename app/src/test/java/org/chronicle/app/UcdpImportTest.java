package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The real UCDP GED sample (1,000 events, multi-line quoted fields): it imports whole, its totals
 * hold on the last day, a second import records nothing, and its export gives the rows back.
 */
@ServiceTest
class UcdpImportTest {

    private static final String CHRONICLE = "/api/v1/chronicles/ucdp-sample";
    private static final long SUM_OF_BEST = 9_561;

    @LocalServerPort
    int port;

    @Test
    void theSampleImportsWholeItsTotalsHoldAndItComesBack() throws IOException {
        Http writes = Http.local(port).asAdmin();
        String file = sample();

        Http.Answer imported = writes.postText(CHRONICLE + "/imports?format=ucdp", file, "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("refusals")).as(imported.body()).isEmpty();
        assertThat(imported.json().path("accepted").asInt()).isEqualTo(1_000);

        Http reads = Http.local(port);
        long position = imported.json().path("position").asLong();
        JsonNode last = reads.get(CHRONICLE + "/days/2022-12-19?consistentWith=" + position).json();
        long total = 0;
        for (JsonNode party : last.path("casualties").path("cumulative")) {
            total += party.path("killed").path("best").asLong();
        }
        assertThat(total).as("the cumulative deaths over all parties on the last day").isEqualTo(SUM_OF_BEST);
        JsonNode chronicle = reads.get(CHRONICLE).json();
        assertThat(chronicle.path("period").path("start").asText()).isEqualTo("1989-01-07");
        assertThat(chronicle.path("period").path("end").asText()).isEqualTo("2022-12-19");

        Http.Answer again = writes.postText(CHRONICLE + "/imports?format=ucdp", file, "text/csv");
        assertThat(again.json().path("accepted").asInt()).isZero();
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(1_000);

        Http.Answer exported = reads.get(CHRONICLE + "/export?format=ucdp");
        assertThat(exported.status()).as(exported.body()).isEqualTo(200);
        assertThat(exported.contentType()).startsWith("text/csv");
        List<String[]> rows = Csv.read(exported.body());
        List<String> header = List.of(rows.get(0));
        Set<String> ids = new HashSet<>();
        long best = 0;
        for (String[] row : rows.subList(1, rows.size())) {
            ids.add(row[header.indexOf("id")]);
            best += Long.parseLong(row[header.indexOf("best")]);
        }
        assertThat(ids).hasSize(1_000).isEqualTo(sampleIds(file));
        assertThat(best).isEqualTo(SUM_OF_BEST);
    }

    @Test
    void aFileThatIsNotGedIsRefusedWholeAndABadRowAlone() throws IOException {
        Http writes = Http.local(port).asAdmin();
        Http.Answer notGed = writes.postText("/api/v1/chronicles/ucdp-bad/imports?format=ucdp", "a,b\n1,2\n", "text/csv");
        assertThat(notGed.status()).isEqualTo(400);
        assertThat(notGed.body()).contains("date_start");

        List<String> lines = sample().lines().toList();
        String header = lines.get(0);
        String good = lines.get(1);
        String bad = good.replaceFirst(",2013-01-03,2013-01-03,", ",2013-02-30,2013-01-03,");
        Http.Answer answer = writes.postText("/api/v1/chronicles/ucdp-rows/imports?format=ucdp",
                header + "\n" + bad + "\n" + good.replaceFirst("^300380,", "300381,") + "\n", "text/csv");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("accepted").asInt()).isEqualTo(1);
        assertThat(answer.json().path("refusals").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(answer.json().path("refusals").get(0).path("reason").asText()).contains("date_start");
    }

    /**
     * A row dated far from the others would stretch the period past chronicle.limits.period-days
     * (a century), and one of the year 10000 lies past what any store keeps: each is refused alone,
     * with its line, and the period is what the other rows need.
     */
    @Test
    void aRowPastThePeriodsBoundsIsRefusedAlone() throws IOException {
        Http writes = Http.local(port).asAdmin();
        List<String> lines = sample().lines().toList();
        String good = lines.get(1);
        String farAway = good.replaceFirst("^300380,", "300382,")
                .replaceFirst(",2013-01-03,2013-01-03,", ",1850-01-03,1850-01-03,");
        String pastTheYears = good.replaceFirst("^300380,", "300383,")
                .replaceFirst(",2013-01-03,2013-01-03,", ",+10000-01-03,+10000-01-03,");
        Http.Answer answer = writes.postText("/api/v1/chronicles/ucdp-bounds/imports?format=ucdp",
                lines.get(0) + "\n" + good + "\n" + farAway + "\n" + pastTheYears + "\n", "text/csv");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("accepted").asInt()).as(answer.body()).isEqualTo(1);
        assertThat(answer.json().path("refusals").findValues("line")).extracting(JsonNode::asInt)
                .containsExactly(3, 4);
        JsonNode chronicle = Http.local(port).get("/api/v1/chronicles/ucdp-bounds?consistentWith="
                + answer.json().path("position").asLong()).json();
        assertThat(chronicle.path("period").path("start").asText()).isEqualTo("2013-01-03");
        assertThat(chronicle.path("period").path("end").asText()).isEqualTo("2013-01-03");
    }

    private static Set<String> sampleIds(String file) {
        Set<String> ids = new HashSet<>();
        List<String[]> rows = Csv.read(file);
        for (String[] row : rows.subList(1, rows.size())) {
            ids.add(row[0]);
        }
        return ids;
    }

    private static String sample() throws IOException {
        try (InputStream in = UcdpImportTest.class.getResourceAsStream("/ucdp/ged231-sample-1000.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A plain RFC 4180 reader for the test's own checks, apart from the service's. */
    static final class Csv {
        static List<String[]> read(String text) {
            List<String[]> rows = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    fields.add(field.toString());
                    field.setLength(0);
                    rows.add(fields.toArray(String[]::new));
                    fields.clear();
                } else if (c != '\r') {
                    field.append(c);
                }
            }
            if (!field.isEmpty() || !fields.isEmpty()) {
                fields.add(field.toString());
                rows.add(fields.toArray(String[]::new));
            }
            return rows;
        }
    }
}
