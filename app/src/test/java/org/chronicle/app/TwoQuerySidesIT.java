package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two query-side processes on one database share each projection's segments; when one is killed,
 * the other takes over all of them, and its read model ends identical to a clean rebuild of the
 * same events by a fresh process on a copy of the event store.
 */
class TwoQuerySidesIT {

    private static final int SEGMENTS = 4;
    private static final List<String> PROJECTIONS = List.of("chronicles", "casualties", "control", "reports");
    private static final LocalDate START = LocalDate.of(2012, 1, 29);
    private static final LocalDate END = LocalDate.of(2012, 2, 29);
    /** Axon's token claim timeout (10 s) plus a claim round (5 s), twice over. */
    private static final Duration TAKEOVER = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private final AtomicLong lastPosition = new AtomicLong(-1);

    @Test
    void theQuerySidesShareTheSegmentsAndTheSurvivorOfAKillEndsAsAFreshRebuild() throws Exception {
        String database = TestDatabase.create(TwoQuerySidesIT.class);
        Map<String, String> env = new HashMap<>(Accounts.environment(database));
        env.put("CHRONICLE_DB_POOL_SIZE", "6");
        List<String> chronicles = chroniclesOverEverySegment();
        Map<String, JsonNode> survivorAnswers;
        try (ServiceProcess command = ServiceProcess.start(ServiceProcess.jarOf("command-side"), work, env);
             ServiceProcess first = ServiceProcess.start(ServiceProcess.jarOf("query-side"), work, env);
             ServiceProcess second = ServiceProcess.start(ServiceProcess.jarOf("query-side"), work, env)) {
            Http writes = command.http.asAdmin();
            for (String chronicle : chronicles) {
                assertThat(writes.put("/api/v1/chronicles/" + chronicle, definition(chronicle)).status()).isEqualTo(201);
            }
            writeRound(writes, chronicles, 0);

            String firstOwner = first.pid() + "@";
            String secondOwner = second.pid() + "@";
            Map<String, Map<Integer, String>> shared = awaitOwners(database,
                    owners -> PROJECTIONS.stream().allMatch(p -> ownersOf(owners, p).size() == 2
                            && ownersOf(owners, p).stream().allMatch(o -> o.startsWith(firstOwner) || o.startsWith(secondOwner))),
                    TAKEOVER);
            System.out.println("segments shared by two query sides: " + shared);
            for (String projection : PROJECTIONS) {
                assertThat(shared.get(projection)).as(projection + ": every segment claimed").hasSize(SEGMENTS);
                assertThat(ownersOf(shared, projection)).as(projection + ": owned by both processes, " + shared)
                        .hasSize(2);
            }
            // Both answer every write, whichever process owns the chronicle's segment.
            writeRound(writes, chronicles, 1);
            awaitProcessed("the first query side", first.http, lastPosition.get());
            awaitProcessed("the second query side", second.http, lastPosition.get());
            assertThat(answers(first.http, chronicles)).isEqualTo(answers(second.http, chronicles));

            // Kill the first while reports keep coming; the second takes over its segments.
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                for (int round = 2; round < 6; round++) {
                    writeRound(writes, chronicles, round);
                }
            });
            Thread.sleep(300);
            long killedAt = System.nanoTime();
            first.kill();
            writing.get();
            Map<String, Map<Integer, String>> taken = awaitOwners(database,
                    owners -> PROJECTIONS.stream().allMatch(p -> owners.getOrDefault(p, Map.of()).size() == SEGMENTS
                            && ownersOf(owners, p).equals(Set.of(owner(owners, p)))
                            && owner(owners, p).startsWith(secondOwner)),
                    TAKEOVER);
            System.out.printf("the survivor owned every segment %.1f s after the kill%n",
                    (System.nanoTime() - killedAt) / 1e9);
            for (String projection : PROJECTIONS) {
                assertThat(taken.get(projection).values()).as(projection)
                        .allMatch(o -> o != null && o.startsWith(secondOwner));
            }

            writeRound(writes, chronicles, 6);
            awaitProcessed("the survivor", second.http, lastPosition.get());
            survivorAnswers = answers(second.http, chronicles);
        }

        // A fresh query side on a copy of the event store alone rebuilds every projection from scratch.
        String copy = copyOfTheEventStore(database);
        Map<String, String> copyEnv = new HashMap<>(Accounts.environment(copy));
        try (ServiceProcess fresh = ServiceProcess.start(ServiceProcess.jarOf("query-side"), work, copyEnv)) {
            awaitProcessed("the fresh rebuild", fresh.http, lastPosition.get());
            Map<String, JsonNode> rebuilt = answers(fresh.http, chronicles);
            assertThat(rebuilt.keySet()).isEqualTo(survivorAnswers.keySet());
            for (String path : rebuilt.keySet()) {
                assertThat(survivorAnswers.get(path)).as(path).isEqualTo(rebuilt.get(path));
            }
        }
    }

    /** Two chronicles per segment: the ids' hashes, as Axon's segments match them, cover all four. */
    private static List<String> chroniclesOverEverySegment() {
        Map<Integer, List<String>> bySegment = new TreeMap<>();
        for (int n = 0; bySegment.values().stream().mapToInt(List::size).sum() < 2 * SEGMENTS; n++) {
            String id = "two-" + n;
            List<String> ids = bySegment.computeIfAbsent(Objects.hashCode(id) & (SEGMENTS - 1), s -> new ArrayList<>());
            if (ids.size() < 2) {
                ids.add(id);
            }
        }
        return bySegment.values().stream().flatMap(List::stream).toList();
    }

    private static String definition(String chronicle) {
        return """
                {"name": "Chronicle %s", "period": {"start": "%s", "end": "%s"},
                 "sides": [{"id": "fsa", "name": "Free Syrian Army"}, {"id": "government", "name": "Syrian Arab Republic"}],
                 "areas": [{"id": "rastan", "name": "Rastan"},
                           {"id": "rastan-west", "name": "Western neighbourhoods", "parent": "rastan"},
                           {"id": "rastan-suburbs", "name": "Suburbs"}],
                 "initialControl": [{"area": "rastan", "side": "government"}, {"area": "rastan-suburbs", "side": "government"}]}
                """.formatted(chronicle, START, END);
    }

    /**
     * One round of writes into every chronicle: casualty reports, a control change, a clash, a period
     * claim, and from the second round on a correction and a retraction of the round before's reports.
     */
    private void writeRound(Http writes, List<String> chronicles, int round) {
        for (String chronicle : chronicles) {
            int salt = Math.floorMod(chronicle.hashCode() + 31 * round, 1000);
            String base = "/api/v1/chronicles/" + chronicle + "/reports";
            for (int i = 0; i < 4; i++) {
                record(writes.post(base, report("r" + round + "-" + i, day(salt + 7 * i), "CASUALTIES",
                        i % 2 == 0 ? "rastan" : "rastan-west", null, salt % 13 + i)));
            }
            record(writes.post(base, report("c" + round, day(salt * 3), "CONTROL_CHANGE",
                    salt % 2 == 0 ? "rastan" : "rastan-west",
                    "\"control\": {\"to\": \"%s\", \"extent\": \"%s\"}".formatted(salt % 3 == 0 ? "government" : "fsa",
                            salt % 4 == 0 ? "PARTIAL" : "FULL"), 0)));
            record(writes.post(base, report("x" + round, day(salt * 5), "CLASH", "rastan-suburbs", null, 1)));
            LocalDate from = day(salt);
            LocalDate to = from.plusDays(3).isAfter(END) ? END : from.plusDays(3);
            record(writes.post(base, """
                    {"reportId": "p%d", "type": "CASUALTIES", "period": {"start": "%s", "end": "%s"}, "area": "rastan",
                     "summary": "Killed over several days", "sources": [{"name": "Toll", "publisher": "SOHR", "publishedOn": "%s"}],
                     "casualties": [{"party": "civilians", "killed": %d}]}""".formatted(round, from, to, to, 40 + salt % 20)));
            if (round > 0) {
                String corrected = report(null, day(salt + 1), "CASUALTIES", "rastan", null, 50 + salt % 7);
                record(writes.post(base + "/r" + (round - 1) + "-1/corrections",
                        "{\"reason\": \"revised toll\", \"report\": " + corrected + "}"));
                record(writes.post(base + "/r" + (round - 1) + "-2/retraction", "{\"reason\": \"unfounded\"}"));
            }
        }
    }

    private static LocalDate day(int n) {
        return START.plusDays(Math.floorMod(n, (int) (END.toEpochDay() - START.toEpochDay() + 1)));
    }

    private static String report(String reportId, LocalDate date, String type, String area, String block, int killed) {
        return """
                {%s"type": "%s", "date": "%s", "area": "%s", "summary": "Report of %s",
                 "sources": [{"name": "Dispatch", "publisher": "AFP", "publishedOn": "%s"}],
                 "casualties": [{"party": "civilians", "killed": %d, "wounded": 3},
                                {"party": "fsa", "killed": {"low": 1, "best": 2, "high": null}}]%s}"""
                .formatted(reportId == null ? "" : "\"reportId\": \"" + reportId + "\", ", type, date, area, date, date,
                        killed, block == null ? "" : ", " + block);
    }

    private void record(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        lastPosition.accumulateAndGet(answer.json().path("position").asLong(), Math::max);
    }

    /** Every day's answer of every chronicle, and each chronicle's days and definition, by path. */
    private static Map<String, JsonNode> answers(Http reads, List<String> chronicles) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String chronicle : chronicles) {
            String base = "/api/v1/chronicles/" + chronicle;
            List<String> paths = new ArrayList<>(List.of(base, base + "/days"));
            START.datesUntil(END.plusDays(1)).forEach(day -> paths.add(base + "/days/" + day));
            for (String path : paths) {
                Answer answer = reads.get(path);
                assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
                answers.put(path, withoutEcho(answer.json()));
            }
        }
        return answers;
    }

    /** The instant an answer reflects is echoed from the request, not derived from the events. */
    private static JsonNode withoutEcho(JsonNode answer) {
        if (answer instanceof ObjectNode object) {
            object.remove("asKnownAt");
        }
        return answer;
    }

    /** Waits (retrying the 503 that a wait over 5 s answers) until the read models processed the position. */
    private static void awaitProcessed(String who, Http reads, long position) {
        long start = System.nanoTime();
        Answer answer = reads.getUntil("/api/v1/chronicles?consistentWith=" + position, a -> a.status() == 200,
                TAKEOVER);
        assertThat(answer.status()).as("position " + position + " processed: " + answer.body()).isEqualTo(200);
        System.out.printf("%s answered consistentWith=%d after %.2f s%n", who, position, (System.nanoTime() - start) / 1e9);
    }

    /** Polls token_entry until its owners satisfy {@code until}; answers projection -> segment -> owner. */
    private static Map<String, Map<Integer, String>> awaitOwners(String database,
                                                                 Predicate<Map<String, Map<Integer, String>>> until,
                                                                 Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        Map<String, Map<Integer, String>> owners = owners(database);
        while (!until.test(owners) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            owners = owners(database);
        }
        assertThat(until.test(owners)).as("owners in token_entry: " + owners).isTrue();
        return owners;
    }

    private static Map<String, Map<Integer, String>> owners(String database) throws SQLException {
        Map<String, Map<Integer, String>> owners = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT processor_name, segment, owner FROM token_entry")) {
            while (rs.next()) {
                owners.computeIfAbsent(rs.getString(1), p -> new TreeMap<>()).put(rs.getInt(2), rs.getString(3));
            }
        }
        return owners;
    }

    private static Set<String> ownersOf(Map<String, Map<Integer, String>> owners, String projection) {
        Set<String> distinct = new java.util.TreeSet<>();
        owners.getOrDefault(projection, Map.of()).values().forEach(o -> distinct.add(String.valueOf(o)));
        return distinct;
    }

    private static String owner(Map<String, Map<Integer, String>> owners, String projection) {
        return ownersOf(owners, projection).stream().findFirst().orElse("");
    }

    /**
     * A copy of the database holding only the event store (its events and its schema history): every
     * other table, the query side's included, is dropped, so a query side started on it builds every
     * read model from the first event.
     */
    private static String copyOfTheEventStore(String database) throws Exception {
        String copy = null;
        for (int attempt = 0; copy == null; attempt++) {
            try {
                copy = TestDatabase.copy(database, "TwoQuerySidesRebuild");
            } catch (IllegalStateException stillConnected) {
                if (attempt == 40) {
                    throw stillConnected;
                }
                Thread.sleep(250);    // the stopped services' connections are still closing
            }
        }
        Set<String> eventStore = Set.of("domain_event_entry", "snapshot_event_entry", "flyway_history_event_store");
        try (Connection c = DriverManager.getConnection(copy); Statement s = c.createStatement()) {
            List<String> others = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")) {
                while (rs.next()) {
                    if (!eventStore.contains(rs.getString(1))) {
                        others.add(rs.getString(1));
                    }
                }
            }
            assertThat(others).contains("token_entry");
            for (String table : others) {
                s.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
            }
        }
        return copy;
    }
}
