package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Http.Answer;

/**
 * What a query side answers about one chronicle, by path, so that two query sides, or one before
 * and after a rebuild, can be compared as JSON: the definition with its counts, the list of days,
 * every day's state (control, casualties of the day and cumulative, period claims, reports), the
 * days as known at an earlier instant and as reported by an earlier day, and the report search.
 */
final class ChronicleAnswers {

    private static final int SAMPLED_DAYS = 6;

    private ChronicleAnswers() {
    }

    /**
     * Every answer, after waiting until the read models have processed {@code position}.
     *
     * @param knownAt an instant inside the chronicle's history, for the reads of the other time axes
     */
    static Map<String, JsonNode> read(Http reads, String chronicleId, LocalDate start, LocalDate end, long position,
                                      Instant knownAt, Duration patience) {
        String base = "/api/v1/chronicles/" + chronicleId;
        Answer caughtUp = reads.getUntil(base + "?consistentWith=" + position, a -> a.status() != 503, patience);
        assertThat(caughtUp.status()).as("position " + position + " processed: " + caughtUp.body()).isEqualTo(200);
        List<String> paths = new ArrayList<>(List.of(base, base + "/days"));
        start.datesUntil(end.plusDays(1)).forEach(day -> paths.add(base + "/days/" + day));
        long length = end.toEpochDay() - start.toEpochDay();
        LocalDate middle = start.plusDays(length / 2);
        paths.add(base + "/days?asKnownAt=" + knownAt);
        // The other time axes read every event on every report (no day sums), so a few days stand for all.
        for (int i = 0; i < SAMPLED_DAYS; i++) {
            LocalDate day = start.plusDays(length * i / (SAMPLED_DAYS - 1));
            paths.add(base + "/days/" + day + "?asKnownAt=" + knownAt);
            paths.add(base + "/days/" + day + "?asReportedBy=" + middle);
        }
        for (String search : List.of("size=200", "status=CORRECTED&size=200", "status=RETRACTED&size=200",
                "status=DUPLICATE&size=200", "type=CONTROL_CHANGE&size=200", "area=rastan&from=" + middle + "&size=200")) {
            paths.add(base + "/reports?" + search);
        }
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String path : paths) {
            Answer answer = get(reads, path);
            assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
            answers.put(path, withoutEcho(answer.json()));
        }
        return answers;
    }

    private static Answer get(Http reads, String path) {
        try {
            return reads.get(path);
        } catch (RuntimeException e) {
            throw new AssertionError("No answer to " + path, e);
        }
    }

    /** Asserts that two sets of answers are the same, naming the first path that differs. */
    static void assertSame(Map<String, JsonNode> actual, Map<String, JsonNode> expected, String what) {
        assertThat(actual.keySet()).as(what).isEqualTo(expected.keySet());
        for (String path : expected.keySet()) {
            JsonNode was = expected.get(path);
            JsonNode is = actual.get(path);
            if (!was.equals(is)) {
                // Whole answers run to hundreds of reports: the first place they part is what tells.
                throw new AssertionError(what + ": " + path + " differs first at " + firstDifference("", is, was));
            }
        }
    }

    /** Where two JSON values first differ, as a JSON pointer, with both values there. */
    static String firstDifference(String at, JsonNode actual, JsonNode expected) {
        if (actual != null && expected != null && actual.isContainerNode()
                && actual.getNodeType() == expected.getNodeType()) {
            if (actual.isArray()) {
                for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
                    if (!actual.get(i).equals(expected.get(i))) {
                        return firstDifference(at + "/" + i, actual.get(i), expected.get(i));
                    }
                }
                return at + ": " + actual.size() + " elements, expected " + expected.size();
            }
            Set<String> names = new TreeSet<>();
            actual.fieldNames().forEachRemaining(names::add);
            expected.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!Objects.equals(actual.get(name), expected.get(name))) {
                    return firstDifference(at + "/" + name, actual.get(name), expected.get(name));
                }
            }
        }
        return at + ": " + abbreviated(actual) + ", expected " + abbreviated(expected);
    }

    private static String abbreviated(JsonNode value) {
        String text = String.valueOf(value);
        return text.length() <= 2_000 ? text : text.substring(0, 2_000) + "...";
    }

    /** The instant an answer reflects is echoed from the request (or the clock), not derived from the events. */
    private static JsonNode withoutEcho(JsonNode answer) {
        if (answer instanceof ObjectNode object) {
            object.remove("asKnownAt");
        }
        answer.forEach(ChronicleAnswers::withoutEcho);
        return answer;
    }
}
