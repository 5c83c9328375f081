package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild survives the death of its process: a query side killed (SIGKILL, no shutdown) while it
 * loads every projection in bulk leaves the rebuild marked and half done in the database; the next
 * query side on that database takes the load over once its lease has run out, carries it on from
 * the token its last round stored, switches the readers over, and then answers every read exactly
 * as the complete set answered before the rebuild began.
 */
class KilledRebuildIT {

    private static final String CHRONICLE = "rastan-rebuild";
    private static final LocalDate START = LocalDate.of(2012, 1, 29);
    private static final LocalDate END = LocalDate.of(2012, 5, 31);
    private static final List<String> PROJECTIONS = List.of("chronicles", "casualties", "control", "reports");
    /** One table of each projection that gains a row with every event it handles. */
    private static final Map<String, String> ROW_PER_EVENT = Map.of("chronicles", "chronicle_version",
            "casualties", "casualty_report_event", "control", "control_report_event", "reports", "report_version");
    /** Reports in the chronicle: enough for the rebuild to take some seconds, few enough for a normal suite. */
    private static final int REPORTS = 1_200;
    /**
     * The dead process's lease on its loads: long enough that the next process is up before it
     * runs out, so that the test sees the next process leave the set alone until then.
     */
    private static final Duration DEAD_LEASE = Duration.ofSeconds(30);
    /** The dead process's lease, and the rest of a slow rebuild. */
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    @TempDir
    Path work;

    @Test
    void aRebuildKilledMidwayResumesInTheNextProcessAndAnswersAsTheCompleteSetDid() throws Exception {
        String database = TestDatabase.create(KilledRebuildIT.class);
        Map<String, String> env = new HashMap<>(Accounts.environment(database));
        env.put("CHRONICLE_DB_POOL_SIZE", "10");
        ObjectNode file = history(new Random(20120129));
        int rows = file.path("events").size();

        long head;
        Instant midway;
        Map<String, JsonNode> before;
        Map<String, String> activeBefore;
        Map<String, JsonNode> atKill;
        try (ServiceProcess command = ServiceProcess.start(ServiceProcess.jarOf("command-side"), work, env,
                "-Dchronicle.imports.job-above=1KB")) {
            long started = System.nanoTime();
            head = importAll(command.http.asAdmin(), file, rows);
            System.out.printf("imported %d rows in %.1f s%n", rows, (System.nanoTime() - started) / 1e9);
        }
        // The first process loads slowly, in small rounds, so that it dies in the middle of the load.
        try (ServiceProcess first = ServiceProcess.start(ServiceProcess.jarOf("query-side"), work, env,
                "-Dchronicle.projections.rebuild.max-rate=300", "-Dchronicle.projections.rebuild.round-events=50",
                "-Dchronicle.projections.rebuild.lease=" + DEAD_LEASE.toSeconds() + "s")) {
            midway = recordedAt(database, head / 2);
            Http admin = first.http.asAdmin();
            before = ChronicleAnswers.read(first.http, CHRONICLE, START, END, head, midway, PATIENCE);
            activeBefore = activeSets(admin);
            for (String projection : PROJECTIONS) {
                Answer rebuild = admin.post("/api/v1/admin/projections/" + projection + "/rebuild", "");
                assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
            }
            atKill = awaitMidway(admin, head);
            first.kill();
        }
        System.out.println("killed the query side during its rebuild at " + atKill);

        // What the dead process left: the rebuild still marked, its set partly filled.
        Map<String, String[]> sets = projectionSets(database);
        Map<String, Long> partial = new TreeMap<>();
        for (String projection : PROJECTIONS) {
            String[] set = sets.get(projection);
            if (set[1] != null) {
                partial.put(projection, rows(database, table(projection, set[1])));
                assertThat(set[1]).as(projection + " is rebuilt into the set readers do not use").isNotEqualTo(set[0]);
            }
        }
        long casualtyEvents = rows(database, table("casualties", activeBefore.get("casualties")));
        assertThat(partial).as("the killed rebuild of casualties, marked in projection_set").containsKey("casualties");
        assertThat(partial.get("casualties")).as("events the killed rebuild had committed of " + casualtyEvents)
                .isPositive().isLessThan(casualtyEvents);
        System.out.println("rows of the rebuilding sets after the kill: " + partial + " (complete: " + casualtyEvents + ")");
        forgetTokens(database, sets);

        try (ServiceProcess second = ServiceProcess.start(ServiceProcess.jarOf("query-side"), work, env,
                "-Dchronicle.projections.rebuild.lease=10s")) {
            long rebuilding = rows(database, table("casualties", sets.get("casualties")[1]));
            Instant leaseEnd = leaseEnd(database, "casualties");
            if (Instant.now().isBefore(leaseEnd)) {
                System.out.printf("the next query side is up %.1f s before the dead one's lease runs out%n",
                        Duration.between(Instant.now(), leaseEnd).toMillis() / 1e3);
                assertThat(rebuilding).as("the dead process still holds the lease: nothing else writes into its set")
                        .isEqualTo(partial.get("casualties"));
            }
            assertThat(rebuilding).as("the next process carries the rebuild on: it does not start it again from nothing")
                    .isGreaterThanOrEqualTo(partial.get("casualties"));
            long resumed = System.nanoTime();
            Map<String, String> activeAfter;
            try {
                activeAfter = awaitSwitched(second.http.asAdmin());
            } catch (AssertionError stuck) {
                throw new AssertionError(stuck.getMessage() + "\nwhat the next query side said of the projections:\n"
                        + second.log().lines().filter(line -> line.contains("projection") || line.contains("ERROR"))
                        .collect(Collectors.joining("\n")), stuck);
            }
            System.out.printf("the next query side finished the rebuild %.1f s after it was up%n",
                    (System.nanoTime() - resumed) / 1e9);
            for (String projection : PROJECTIONS) {
                assertThat(activeAfter.get(projection)).as(projection + ": readers use the rebuilt set")
                        .isNotEqualTo(activeBefore.get(projection));
            }
            assertThat(rows(database, table("casualties", activeAfter.get("casualties"))))
                    .as("every event on a report, once").isEqualTo(casualtyEvents);
            Map<String, JsonNode> after = ChronicleAnswers.read(second.http, CHRONICLE, START, END, head, midway, PATIENCE);
            ChronicleAnswers.assertSame(after, before, "after the resumed rebuild");
        }
    }

    /** The chronicle as a file of our own format, {@link #REPORTS} reports with their later changes. */
    private static ObjectNode history(Random random) throws Exception {
        return new GeneratedReports(random, START, END).chronicleFile(Rastan.CHRONICLE, REPORTS);
    }

    /** Imports the file as a job and answers the store's head when it is done; every row is recorded. */
    private static long importAll(Http writes, ObjectNode file, int rows) {
        Answer submitted = writes.post("/api/v1/chronicles/" + CHRONICLE + "/imports?format=json", file.toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        Answer done = writes.getUntil(submitted.header("Location"),
                a -> !a.json().path("status").asText().equals("RUNNING"), PATIENCE);
        JsonNode result = done.json();
        assertThat(result.path("status").asText()).as(done.body()).isEqualTo("DONE");
        assertThat(result.path("refused").asLong()).as(done.body()).isZero();
        assertThat(result.path("accepted").asLong()).isEqualTo(rows);
        return result.path("position").asLong();
    }

    /** Polls the rebuild until casualties is partly done, and answers each projection's progress then. */
    private static Map<String, JsonNode> awaitMidway(Http admin, long head) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, JsonNode> progress = progress(admin);
            JsonNode casualties = progress.get("casualties");
            assertThat(casualties.path("status").asText()).as("the rebuild of casualties ended before it was half done; "
                    + "the chronicle needs more reports: " + casualties).isEqualTo("REBUILDING");
            if (casualties.path("position").asLong() >= head / 4) {
                assertThat(casualties.path("position").asLong()).as("position of the rebuild, of " + head)
                        .isLessThan(head);
                return progress;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The rebuild of casualties did not reach a quarter of the store in " + PATIENCE);
    }

    /** Waits until no projection is rebuilding any more, and answers the set each one's readers use. */
    private static Map<String, String> awaitSwitched(Http admin) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<String, JsonNode> progress = progress(admin);
        while (progress.values().stream().anyMatch(p -> p.path("replaying").asBoolean()) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            progress = progress(admin);
        }
        assertThat(progress.values()).as("every rebuild switched").noneMatch(p -> p.path("replaying").asBoolean());
        Map<String, String> active = new TreeMap<>();
        progress.forEach((name, p) -> active.put(name, p.path("activeSet").asText()));
        return active;
    }

    private static Map<String, String> activeSets(Http admin) {
        Map<String, String> active = new TreeMap<>();
        progress(admin).forEach((name, p) -> active.put(name, p.path("activeSet").asText()));
        return active;
    }

    private static Map<String, JsonNode> progress(Http admin) {
        Answer answer = admin.get("/api/v1/admin/projections");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Map<String, JsonNode> progress = new TreeMap<>();
        answer.json().forEach(p -> progress.put(p.path("name").asText(), p));
        return progress;
    }

    private static String table(String projection, String set) {
        return ROW_PER_EVENT.get(projection) + (set.equals("GREEN") ? "_green" : "");
    }

    /** projection -> {active, rebuilding}, as the table the processes share says. */
    private static Map<String, String[]> projectionSets(String database) throws SQLException {
        Map<String, String[]> sets = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT projection, active, rebuilding FROM projection_set")) {
            while (rs.next()) {
                sets.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        return sets;
    }

    /**
     * The rebuilding sets' processors lose their stored tokens, as when they never ran in any
     * process: a processor started on such a set would begin at the first event, which is what
     * the load must never meet in its set.
     */
    private static void forgetTokens(String database, Map<String, String[]> sets) throws SQLException {
        try (Connection c = DriverManager.getConnection(database);
             PreparedStatement forget = c.prepareStatement("DELETE FROM token_entry WHERE processor_name = ?")) {
            for (Map.Entry<String, String[]> set : sets.entrySet()) {
                if (set.getValue()[1] != null) {
                    forget.setString(1, set.getValue()[1].equals("GREEN") ? set.getKey() + "-green" : set.getKey());
                    forget.executeUpdate();
                }
            }
        }
    }

    /** Until when the process loading {@code projection} holds its lease. */
    private static Instant leaseEnd(String database, String projection) throws SQLException {
        try (Connection c = DriverManager.getConnection(database);
             PreparedStatement read = c.prepareStatement("SELECT loading_until FROM projection_set WHERE projection = ?")) {
            read.setString(1, projection);
            try (ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getTimestamp(1) == null ? Instant.MIN : rs.getTimestamp(1).toInstant();
            }
        }
    }

    private static long rows(String database, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The instant the event at {@code position} was recorded: a moment inside the import. */
    private static Instant recordedAt(String database, long position) throws SQLException {
        try (Connection c = DriverManager.getConnection(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT time_stamp FROM domain_event_entry WHERE global_index >= "
                     + position + " ORDER BY global_index LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            return Instant.parse(rs.getString(1));
        }
    }
}
