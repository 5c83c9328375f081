package org.chronicle.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.assertj.core.api.SoftAssertions;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A corpus of malformed and hostile requests, made by mutating valid ones field by field (wrong
 * types, nulls, huge and negative numbers, impossible dates, control characters, markup and SQL
 * in text, deep nesting, oversize bodies) and by breaking the body itself. Whatever arrives, the
 * service never answers 5xx; a refusal is problem+json naming the field and stores nothing; and
 * what it accepts (markup and SQL are text like any other) is stored once.
 */
@ServiceTest
class HostileRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String CHRONICLE = "/api/v1/chronicles/rastan-2012";
    private static final String REPORTS = CHRONICLE + "/reports";
    private static final String MARKUP = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    private static final String SQL = "'); DROP TABLE domain_event_entry; --";

    /** Valid reports of every shape: each field of each is mutated in turn. */
    private static final List<String> VALID = List.of("""
            {"type": "SHELLING", "date": "2012-01-31", "area": "rastan",
             "summary": "Tank fire brought down a building",
             "sources": [{"name": "Syrian forces kill 10 in rebel town", "publisher": "AFP",
                          "publishedOn": "2012-01-31", "url": "https://example.org/a"}],
             "casualties": [{"party": "civilians", "killed": 10, "wounded": 15}],
             "shelling": {"by": "government", "weapon": "TANK", "rounds": 40, "durationMinutes": 90}}
            """, """
            {"type": "DEFECTION", "date": "2012-01-29", "latestDate": "2012-01-30", "area": "rastan-west",
             "summary": "Soldiers defected with their arms",
             "sources": [{"name": "Defections reported", "publisher": "SOHR", "publishedOn": "2012-01-30"}],
             "defection": {"from": "government", "to": "fsa", "count": 30, "rank": "conscripts", "unit": "unknown"}}
            """, """
            {"type": "CONTROL_CHANGE", "date": "2012-02-01", "area": "rastan",
             "summary": "The FSA holds the western neighbourhoods",
             "sources": [{"name": "Rebels hold Rastan", "publisher": "Reuters", "publishedOn": "2012-02-01"}],
             "control": {"to": "fsa", "extent": "PARTIAL"}}
            """, """
            {"type": "CASUALTIES", "period": {"start": "2012-01-29", "end": "2012-02-04"}, "area": "rastan",
             "summary": "Killed over the week",
             "sources": [{"name": "Weekly toll", "publisher": "LCC", "publishedOn": "2012-02-05"}],
             "casualties": [{"party": "fsa", "killed": {"low": 2, "best": 3, "high": null}, "wounded": 4}]}
            """, """
            {"type": "CASUALTIES", "date": "2012-01-31", "area": "rastan", "summary": "A dataset's row",
             "sources": [{"name": "Syrian forces kill 10 in rebel town", "publisher": "AFP", "publishedOn": "2012-01-31"}],
             "casualties": [{"party": "civilians", "killed": 10}],
             "origin": {"dataset": "ucdp", "id": "46842",
                        "fields": {"id": "46842", "source_article": "AFP 2012-01-31", "best": "10"}}}
            """);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final AtomicInteger ids = new AtomicInteger();
    private Target target;
    private final Tally tally = new Tally();
    /** Every request is judged, and every failure told, in one run. */
    private final SoftAssertions soft = new SoftAssertions();

    @BeforeEach
    void defineTheChronicle() {
        assertThat(Http.local(port).asAdmin().put(CHRONICLE, Rastan.CHRONICLE).status()).isIn(200, 201);
    }

    @Test
    void noHostileRequestBreaksTheServiceOrStoresARefusal() throws Exception {
        for (String valid : VALID) {
            ObjectNode report = (ObjectNode) JSON.readTree(valid);
            mutateEveryField(new NewReport(), report, report, "");
        }
        brokenBodies();
        laterEvents();
        everyFieldOfLaterEvents();
        chronicleDefinitions();
        everyFieldOfADefinition();
        definitionsPastTheirBounds();
        pathsAndParameters();
        imports();

        System.out.println("Hostile requests: " + tally);
        soft.assertThat(tally.serverErrors).as("5xx answers").isZero();
        soft.assertThat(tally.tried).isGreaterThanOrEqualTo(200);
        soft.assertThat(tally.refused).isGreaterThanOrEqualTo(150);
        soft.assertThat(tally.accepted).as("markup and SQL are recorded as text").isGreaterThan(0);
        soft.assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class))
                .as("the store still answers").isPositive();
        soft.assertAll();
    }

    // ---- the corpus ----------------------------------------------------------------------

    /** Every field of a valid request, replaced by values of every hostile kind. */
    private void mutateEveryField(Target target, ObjectNode root, ObjectNode node, String at) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String path = at.isEmpty() ? name : at + "." + name;
            JsonNode value = node.get(name);
            mutate(target, root, path, value, replacement -> node.set(name, replacement));
            if (value.isObject()) {
                mutateEveryField(target, root, (ObjectNode) value, path);
            } else if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                mutateEveryField(target, root, (ObjectNode) value.get(0), path + "[0]");
            }
        }
    }

    private void mutate(Target target, ObjectNode root, String path, JsonNode original, Consumer<JsonNode> set) {
        this.target = target;
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (original.isTextual() && looksLikeADay(original.asText())) {
            for (String day : List.of("2012-02-30", "2012-13-01", "0000-00-00", "+999999999-12-31", "2012-2-1",
                    "31/01/2012", "2099-01-01")) {
                refused(root, path, set, nodes.textNode(day), original);
            }
            // Outside the chronicle's period: refused for the event's days, while a source may
            // have been published before the period (a warning of an offensive, say).
            if (path.endsWith("publishedOn")) {
                sent(root, path, set, nodes.textNode("2011-12-31"), original);
            } else {
                refused(root, path, set, nodes.textNode("2011-12-31"), original);
            }
        } else if (original.isTextual()) {
            refused(root, path, set, nodes.textNode("x".repeat(path.contains("origin.fields.") ? 25_000 : 5_000)), original);
            refused(root, path, set, nodes.textNode("a\u0000b"), original);
            refused(root, path, set, nodes.textNode("bell\u0007"), original);
            refused(root, path, set, nodes.textNode("half \uD800 a pair"), original);
            if (isFreeText(path)) {
                accepted(root, path, set, nodes.textNode(MARKUP), original);
                accepted(root, path, set, nodes.textNode(SQL), original);
            } else if (path.endsWith("url")) {
                sent(root, path, set, nodes.textNode(MARKUP), original);
                sent(root, path, set, nodes.textNode(SQL), original);
            } else {
                refused(root, path, set, nodes.textNode(SQL), original);
                refused(root, path, set, nodes.textNode(MARKUP), original);
            }
        } else if (original.isNumber()) {
            for (String number : List.of("-1", "2147483648", "1e308", "1.5", "99999999999999999999999999999")) {
                refused(root, path, set, parse(number), original);
            }
            refused(root, path, set, nodes.textNode("NaN"), original);
        } else if (original.isObject()) {
            refused(root, path, set, nodes.arrayNode().add(1), original);
            refused(root, path, set, nodes.textNode("{}"), original);
        } else if (original.isArray()) {
            refused(root, path, set, nodes.objectNode().put("0", "x"), original);
            refused(root, path, set, nodes.numberNode(7), original);
        }
        if (!original.isNull()) {
            refused(root, path, set, deep(300), original);
            sent(root, path, set, nodes.nullNode(), original);
        }
    }

    /** Bodies that are not a report at all. */
    private void brokenBodies() throws Exception {
        String valid = VALID.get(0);
        for (String body : List.of("", "hello", "[]", "null", "42", "\"a report\"", "{", valid.substring(0, 60),
                valid.replace("\"area\"", "\"area\": \"rastan\", \"area\""), valid.replace("10,", "1" + "0".repeat(150) + ","),
                "[".repeat(100_000), "{\"a\":".repeat(50_000))) {
            refusedRaw("POST", REPORTS, "application/json", body.getBytes(StandardCharsets.UTF_8), false, null);
        }
        refusedRaw("POST", REPORTS, "application/json",
                valid.replace("{\"type\"", "{\"spy\": 1, \"type\"").getBytes(StandardCharsets.UTF_8), false, "spy");
        for (String reportId : List.of("\"../../etc/passwd\"", "\"" + "r".repeat(101) + "\"", "\"r\\u0000x\"", "17", "true",
                "[\"r-1\"]")) {
            String body = valid.replace("\"summary\"", "\"reportId\": " + reportId + ", \"summary\"");
            refusedRaw("POST", REPORTS, "application/json", body.getBytes(StandardCharsets.UTF_8), false, "reportId");
        }
        byte[] invalidUtf8 = valid.replace("Tank fire", "Tank \u00ff fire").getBytes(StandardCharsets.ISO_8859_1);
        refusedRaw("POST", REPORTS, "application/json", invalidUtf8, false, "summary");
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            refusedRaw("POST", REPORTS, type, withId(valid).getBytes(StandardCharsets.UTF_8), false, null);
        }
        // Past the 1 MB cap in blanks, so only the cap can refuse it, whether it declares its length or not.
        byte[] oversize = (" ".repeat(1_100_000) + withId(valid)).getBytes(StandardCharsets.UTF_8);
        soft.assertThat(refusedRaw("POST", REPORTS, "application/json", oversize, false, "body")).isEqualTo(413);
        soft.assertThat(refusedRaw("POST", REPORTS, "application/json", oversize, true, "body")).isEqualTo(413);
        // Headers past Tomcat's 8 KB are refused before the application sees them.
        Outcome hugeHeader = send("POST", REPORTS, "application/json", withId(valid).getBytes(StandardCharsets.UTF_8),
                false, Map.of("X-Filler", "f".repeat(20_000)));
        assertRefused(hugeHeader, "a 20 KB header", null);
        ObjectNode manySources = (ObjectNode) JSON.readTree(withId(valid));
        ArrayNode sources = manySources.putArray("sources");
        for (int i = 0; i < 1_000; i++) {
            sources.addObject().put("name", "source " + i).put("publishedOn", "2012-01-31");
        }
        refusedRaw("POST", REPORTS, "application/json", JSON.writeValueAsBytes(manySources), false, "sources");
    }

    /** Corrections, retractions and duplicate marks of a report that exists, with hostile bodies. */
    private void laterEvents() throws Exception {
        String target = withId(VALID.get(2));
        String id = JSON.readTree(target).path("reportId").asText();
        send("POST", REPORTS, "application/json", target.getBytes(StandardCharsets.UTF_8), false);
        String at = REPORTS + "/" + id;
        List<String> bodies = List.of("{}", "{\"reason\": null}", "{\"reason\": 5}", "{\"reason\": \"x\u0001y\"}",
                "{\"reason\": \"" + "r".repeat(5_000) + "\"}", "{\"reason\": \"ok\", \"expectedVersion\": -3}",
                "{\"reason\": \"ok\", \"expectedVersion\": \"one\"}", "{\"reason\": \"ok\", \"extra\": true}");
        for (String body : bodies) {
            refusedRaw("POST", at + "/retraction", "application/json", body.getBytes(StandardCharsets.UTF_8), false, null);
            refusedRaw("POST", at + "/reinstatement", "application/json", body.getBytes(StandardCharsets.UTF_8), false, null);
        }
        for (String duplicateOf : List.of("\"\"", "null", "\"" + id + "\"", "\"no-such-report\"", "\"../x\"", "[1]")) {
            String body = "{\"duplicateOf\": " + duplicateOf + ", \"reason\": \"same incident\"}";
            refusedRaw("POST", at + "/duplicate-of", "application/json", body.getBytes(StandardCharsets.UTF_8), false, null);
        }
        ObjectNode report = (ObjectNode) JSON.readTree(VALID.get(2));
        for (String summary : List.of("", "\u001b[31mred", "x".repeat(5_000))) {
            ObjectNode correction = JsonNodeFactory.instance.objectNode().put("reason", "monitor's figures");
            correction.set("report", report.deepCopy().put("summary", summary));
            refusedRaw("POST", at + "/corrections", "application/json", JSON.writeValueAsBytes(correction), false,
                    "report.summary");
        }
        ObjectNode wrongDay = JsonNodeFactory.instance.objectNode().put("reason", "moved");
        wrongDay.set("report", report.deepCopy().put("date", "2012-02-31"));
        refusedRaw("POST", at + "/corrections", "application/json", JSON.writeValueAsBytes(wrongDay), false, null);
    }

    /** Definitions of a chronicle with hostile names, coordinates, periods and geometry. */
    private void chronicleDefinitions() throws Exception {
        ObjectNode valid = (ObjectNode) JSON.readTree(Rastan.CHRONICLE);
        List<Consumer<ObjectNode>> breaks = List.of(
                d -> d.put("name", "Rastan\u0000"),
                d -> d.put("name", "n".repeat(501)),
                d -> d.putNull("name"),
                d -> ((ObjectNode) d.get("place")).put("latitude", 91),
                d -> ((ObjectNode) d.get("place")).put("longitude", -1e300),
                d -> ((ObjectNode) d.get("place")).put("latitude", "north"),
                d -> ((ObjectNode) d.get("period")).put("end", "2011-01-01"),
                d -> ((ObjectNode) d.get("period")).put("start", "2012-02-30"),
                d -> ((ObjectNode) d.get("sides").get(0)).put("id", "fsa; DROP TABLE account"),
                d -> ((ObjectNode) d.get("sides").get(0)).put("name", "\u0085next line"),
                d -> ((ObjectNode) d.get("areas").get(1)).put("parent", "nowhere"),
                d -> ((ObjectNode) d.get("areas").get(0)).set("geometry", deep(200)),
                d -> ((ObjectNode) d.get("initialControl").get(0)).put("side", "nobody"),
                d -> d.put("sides", "fsa"),
                d -> d.put("unexpected", 1));
        for (Consumer<ObjectNode> broken : breaks) {
            ObjectNode definition = valid.deepCopy();
            broken.accept(definition);
            refusedRaw("PUT", "/api/v1/chronicles/hostile-" + ids.incrementAndGet(), "application/json",
                    JSON.writeValueAsBytes(definition), false, null);
        }
        for (String id : List.of("a%20b", "%2e%2e", "x".repeat(101), "semi;colon", "%00", "%3Cscript%3E")) {
            refusedRaw("PUT", "/api/v1/chronicles/" + id, "application/json", JSON.writeValueAsBytes(valid), false, null);
        }
    }

    /** Every field of a correction's body, the report it carries included. */
    private void everyFieldOfLaterEvents() throws Exception {
        String target = withId(VALID.get(0));
        String id = JSON.readTree(target).path("reportId").asText();
        send("POST", REPORTS, "application/json", target.getBytes(StandardCharsets.UTF_8), false);
        ObjectNode correction = JsonNodeFactory.instance.objectNode().put("reason", "the monitor's figures");
        correction.set("report", JSON.readTree(VALID.get(0)));
        mutateEveryField(new Correction(REPORTS + "/" + id), correction, correction, "");
    }

    /** Every field of a chronicle's definition. */
    private void everyFieldOfADefinition() throws Exception {
        ObjectNode definition = (ObjectNode) JSON.readTree(Rastan.CHRONICLE);
        mutateEveryField(new Definition(), definition, definition, "");
    }

    /** Definitions past chronicle.limits: the period, the areas, the sides and the depth of the tree. */
    private void definitionsPastTheirBounds() throws Exception {
        ObjectNode valid = (ObjectNode) JSON.readTree(Rastan.CHRONICLE);
        Map<String, Consumer<ObjectNode>> breaks = new LinkedHashMap<>();
        breaks.put("period.end", d -> ((ObjectNode) d.get("period")).put("end", "+999999999-12-31"));
        breaks.put("period.start", d -> ((ObjectNode) d.get("period")).put("start", "-000001-01-01"));
        breaks.put("period.end ", d -> ((ObjectNode) d.get("period")).put("start", "0001-01-01").put("end", "9999-12-31"));
        breaks.put("areas", d -> d.set("areas", areas(20_001, false)));
        breaks.put("areas.parent", d -> d.set("areas", areas(5_000, true)));
        breaks.put("sides", d -> {
            ArrayNode sides = d.putArray("sides");
            for (int i = 0; i < 5_001; i++) {
                sides.addObject().put("id", "s" + i).put("name", "Side " + i);
            }
            d.putArray("initialControl");
        });
        breaks.put("areas[0].id", d -> {
            ((ObjectNode) d.get("areas").get(0)).put("id", "..");
            d.putArray("initialControl");
        });
        breaks.put("sides[0].id", d -> {
            ((ObjectNode) d.get("sides").get(0)).put("id", ".");
            d.putArray("initialControl");
        });
        for (Map.Entry<String, Consumer<ObjectNode>> broken : breaks.entrySet()) {
            ObjectNode definition = valid.deepCopy();
            broken.getValue().accept(definition);
            refusedRaw("PUT", "/api/v1/chronicles/bounds-" + ids.incrementAndGet(), "application/json",
                    JSON.writeValueAsBytes(definition), false, broken.getKey().strip());
        }
        for (String id : List.of(".", "..", "...")) {
            refusedRaw("PUT", "/api/v1/chronicles/ok/reports/" + id, "application/json",
                    withId(VALID.get(0)).getBytes(StandardCharsets.UTF_8), false, null);
            String body = VALID.get(0).replace("\"summary\"", "\"reportId\": \"" + id + "\", \"summary\"");
            refusedRaw("POST", REPORTS, "application/json", body.getBytes(StandardCharsets.UTF_8), false, "reportId");
        }
    }

    /** {@code count} areas, each within the one before when {@code chained}. */
    private static ArrayNode areas(int count, boolean chained) {
        ArrayNode areas = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < count; i++) {
            ObjectNode area = areas.addObject().put("id", "a" + i).put("name", "A" + i);
            if (chained && i > 0) {
                area.put("parent", "a" + (i - 1));
            }
        }
        areas.addObject().put("id", "rastan").put("name", "Rastan");
        areas.addObject().put("id", "rastan-suburbs").put("name", "Suburbs");
        return areas;
    }

    /** Ids in the path and query parameters that no client should send. */
    private void pathsAndParameters() {
        byte[] body = withId(VALID.get(0)).getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/api/v1/chronicles/no-such/reports", "/api/v1/chronicles/%00/reports",
                "/api/v1/chronicles/..%2F..%2Fadmin/reports", "/api/v1/chronicles/rastan-2012;x=1/reports",
                REPORTS + "/no-such/retraction", REPORTS + "/%0A/retraction", REPORTS + "//corrections",
                "/api/v1/chronicles/rastan-2012/imports?format=xml", "/api/v1/chronicles/rastan-2012/imports",
                "/api/v1/imports/../../etc/passwd", "/api/v1/admin/accounts", "/api/v1/nothing-here")) {
            refusedRaw("POST", path, "application/json", body, false, null);
        }
    }

    /** Files that are not what their format says: refused whole or row by row, never half-stored. */
    private void imports() {
        String ucdp = CHRONICLE + "/imports?format=ucdp";
        String json = CHRONICLE + "/imports?format=json";
        for (String file : List.of("", "id,year\n1,2012\n", "\u0000\u0001\u0002", "\"unterminated,quote\n",
                "a,b,c\n" + "1,2,3\n".repeat(100))) {
            importRefusedWhole(ucdp, "text/csv", file);
        }
        for (String file : List.of("", "{}", "[]", "{\"format\": \"chronicle/9\"}", "[".repeat(10_000),
                "{\"format\": \"chronicle/1\", \"reports\": \"none\"}")) {
            importRefusedWhole(json, "application/json", file);
        }
    }

    // ---- sending and judging ----------------------------------------------------------------

    private void refused(ObjectNode root, String path, Consumer<JsonNode> set, JsonNode value, JsonNode original) {
        judged(root, path, set, value, original, Expect.REFUSED);
    }

    private void accepted(ObjectNode root, String path, Consumer<JsonNode> set, JsonNode value, JsonNode original) {
        judged(root, path, set, value, original, Expect.ACCEPTED);
    }

    private void sent(ObjectNode root, String path, Consumer<JsonNode> set, JsonNode value, JsonNode original) {
        judged(root, path, set, value, original, Expect.EITHER);
    }

    private void judged(ObjectNode root, String path, Consumer<JsonNode> set, JsonNode value, JsonNode original,
                        Expect expect) {
        set.accept(value);
        try {
            ObjectNode request = root.deepCopy();
            Outcome outcome = target.send(request, path);
            String what = target.name() + " " + path + " = " + abbreviate(value.toString());
            switch (target.relaxed(path, value, expect)) {
                case REFUSED -> assertRefused(outcome, what, target.named(path, value));
                case ACCEPTED -> {
                    soft.assertThat(outcome.status).as(what + " -> " + outcome.body).isIn(200, 201);
                    soft.assertThat(outcome.eventsAdded).as(what).isEqualTo(1);
                    target.storedVerbatim(request, value.asText());
                }
                case EITHER -> {
                    if (outcome.status >= 400) {
                        assertRefused(outcome, what, target.named(path, value));
                    } else {
                        soft.assertThat(outcome.status).as(what).isIn(200, 201);
                        soft.assertThat(outcome.eventsAdded).as(what).isLessThanOrEqualTo(1);
                    }
                }
            }
        } finally {
            set.accept(original);
        }
    }

    /** Where a mutated request goes, and what it may accept that a report may not. */
    private interface Target {
        String name();

        Outcome send(ObjectNode request, String mutatedPath);

        /** The field a refusal of the mutated value names, or null when another may be named for it. */
        default String named(String path, JsonNode value) {
            return path;
        }

        default Expect relaxed(String path, JsonNode value, Expect expect) {
            return expect;
        }

        default void storedVerbatim(ObjectNode request, String text) {
        }
    }

    /** A new report, under an id of its own unless the id is what is mutated. */
    private class NewReport implements Target {
        @Override
        public String name() {
            return "POST report";
        }

        @Override
        public Outcome send(ObjectNode request, String mutatedPath) {
            if (!mutatedPath.equals("reportId")) {
                request.put("reportId", "hostile-" + ids.incrementAndGet());
            }
            return send("POST", REPORTS, request);
        }

        @Override
        public void storedVerbatim(ObjectNode request, String text) {
            assertStoredVerbatim(request.path("reportId").asText(), text);
        }

        Outcome send(String method, String path, ObjectNode body) {
            try {
                return HostileRequestsTest.this.send(method, path, "application/json", JSON.writeValueAsBytes(body), false);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A correction of one report, each a new version when it is accepted. */
    private final class Correction extends NewReport {
        private final String at;

        Correction(String at) {
            this.at = at;
        }

        @Override
        public String name() {
            return "POST correction";
        }

        @Override
        public Outcome send(ObjectNode request, String mutatedPath) {
            return send("POST", at + "/corrections", request);
        }

        @Override
        public Expect relaxed(String path, JsonNode value, Expect expect) {
            // A correction that changes only its reason may find the report as it already is.
            return expect == Expect.ACCEPTED ? Expect.EITHER : expect;
        }

        @Override
        public void storedVerbatim(ObjectNode request, String text) {
        }
    }

    /** A chronicle's definition, each under a chronicle id of its own. */
    private final class Definition extends NewReport {
        @Override
        public String name() {
            return "PUT chronicle";
        }

        @Override
        public Outcome send(ObjectNode request, String mutatedPath) {
            return send("PUT", "/api/v1/chronicles/hostile-" + ids.incrementAndGet(), request);
        }

        @Override
        public String named(String path, JsonNode value) {
            // No sides or areas at all: the refusal names what then lacks them, the initial control;
            // a start after the end is named at the end.
            return value.isNull() ? null : path.equals("period.start") ? "period" : path;
        }

        @Override
        public Expect relaxed(String path, JsonNode value, Expect expect) {
            // A real day moves a period's end, a number within range moves the place: both may stand.
            boolean aRealDay = value.isTextual() && looksLikeADay(value.asText()) && isADay(value.asText());
            boolean aNumber = value.isNumber() && Math.abs(value.asDouble()) <= 90;
            return expect == Expect.REFUSED && (aRealDay || aNumber) ? Expect.EITHER : expect;
        }

        @Override
        public void storedVerbatim(ObjectNode request, String text) {
        }
    }

    private static boolean isADay(String text) {
        try {
            java.time.LocalDate.parse(text);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private int refusedRaw(String method, String path, String contentType, byte[] body, boolean chunked,
                           String field) {
        Outcome outcome = send(method, path, contentType, body, chunked);
        assertRefused(outcome, method + " " + path + " " + abbreviate(new String(body, StandardCharsets.UTF_8)), field);
        return outcome.status;
    }

    private void importRefusedWhole(String path, String contentType, String file) {
        Outcome outcome = send("POST", path, contentType, file.getBytes(StandardCharsets.UTF_8), false);
        String what = "import " + abbreviate(file);
        soft.assertThat(outcome.status).as(what + " -> " + outcome.body).isBetween(200, 499);
        soft.assertThat(outcome.eventsAdded).as(what).isZero();
        if (outcome.status >= 400) {
            assertProblem(outcome, what);
        } else {
            soft.assertThat(outcome.body).as(what).contains("\"accepted\":0");
        }
    }

    private void assertRefused(Outcome outcome, String what, String field) {
        soft.assertThat(outcome.status).as(what + " -> " + outcome.body).isBetween(400, 499);
        soft.assertThat(outcome.eventsAdded).as(what + ": a refusal stores nothing").isZero();
        assertProblem(outcome, what);
        if (field != null && outcome.status == 400) {
            List<String> named = new ArrayList<>();
            outcome.json().path("errors").forEach(e -> named.add(e.path("field").asText()));
            String expected = field.replace("[0]", "");
            soft.assertThat(named).as(what + " names the field " + field + ": " + outcome.body)
                    .anyMatch(f -> related(f.replaceAll("\\[\\d+]", ""), expected));
        }
    }

    private static boolean related(String named, String field) {
        // Without a period, the rule asks for its alternative, a date; a figure's low, best and
        // high are judged together, so the one named may be the other end of the range.
        return named.equals(field) || field.equals("period") && (named.equals("date") || named.startsWith("period."))
                || field.matches(".*\\.(low|best|high)") && named.matches(".*\\.(low|best|high)")
                && named.substring(0, named.lastIndexOf('.')).equals(field.substring(0, field.lastIndexOf('.'))) || field.startsWith(named + ".") || named.startsWith(field + ".")
                || named.equals("body") && field.equals("body");
    }

    private void assertProblem(Outcome outcome, String what) {
        soft.assertThat(outcome.contentType).as(what + " -> " + outcome.body).startsWith("application/problem+json");
        soft.assertThat(outcome.body).as(what)
                .doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at java.")
                .doesNotContain("org.chronicle").doesNotContain("PSQL").doesNotContain("ERROR:");
    }

    private void assertStoredVerbatim(String reportId, String text) {
        String payload = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number = 0""", String.class, "rastan-2012/" + reportId);
        List<String> texts = new ArrayList<>();
        textsOf(parse(payload), texts);
        soft.assertThat(texts).as("the text is kept as sent").contains(text);
    }

    private static void textsOf(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(child -> textsOf(child, texts));
    }

    private Outcome send(String method, String path, String contentType, byte[] body, boolean chunked) {
        return send(method, path, contentType, body, chunked, Map.of());
    }

    private Outcome send(String method, String path, String contentType, byte[] body, boolean chunked,
                         Map<String, String> headers) {
        long before = events();
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach(builder::header);
        HttpRequest request = builder
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + Accounts.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, publisher)
                .build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            Outcome outcome = new Outcome(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), events() - before);
            tally.count(outcome);
            return outcome;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    // ---- small helpers ------------------------------------------------------------------------

    private String withId(String report) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(report);
            node.put("reportId", "hostile-" + ids.incrementAndGet());
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode deep(int levels) {
        return parse("[".repeat(levels) + "]".repeat(levels));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean looksLikeADay(String text) {
        return text.matches("\\d{4}-\\d{2}-\\d{2}");
    }

    /** Fields that hold prose, where markup and SQL are merely text. */
    private static boolean isFreeText(String path) {
        return path.startsWith("origin.fields.") || path.startsWith("report.") && isFreeText(path.substring(7))
                || List.of("summary", "sources[0].name", "sources[0].publisher", "defection.rank", "defection.unit",
                "shelling.weapon", "reason", "name", "place.name", "sides[0].name", "areas[0].name").contains(path);
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 120) + "..." : flat;
    }

    private enum Expect { REFUSED, ACCEPTED, EITHER }

    private record Outcome(int status, String body, String contentType, long eventsAdded) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }
    }

    /** What the corpus did, for RELIABILITY.md. */
    private static final class Tally {
        int tried;
        int accepted;
        int refused;
        int serverErrors;
        final Map<Integer, Integer> byStatus = new LinkedHashMap<>();

        void count(Outcome outcome) {
            tried++;
            byStatus.merge(outcome.status, 1, Integer::sum);
            if (outcome.status >= 500) {
                serverErrors++;
            } else if (outcome.status >= 400) {
                refused++;
            } else {
                accepted++;
            }
        }

        @Override
        public String toString() {
            return "tried " + tried + ", accepted " + accepted + ", refused " + refused + ", 5xx " + serverErrors
                    + ", by status " + byStatus;
        }
    }
}
