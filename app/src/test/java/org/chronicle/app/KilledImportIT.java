package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.chronicle.api.report.ReportCorrected;
import org.chronicle.api.report.ReportMarkedDuplicate;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.api.report.ReportReinstated;
import org.chronicle.api.report.ReportRetracted;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import dies half-way (its command side SIGKILLed while the job records rows) and is run
 * again, whole, on the next command side, as an operator does when a job is gone with its
 * process: the rows the dead job committed are unchanged the second time, the others recorded,
 * and the store then holds every row of the file exactly once. Once for our own format, whose
 * rows are whole histories (corrections, retractions, reinstatements, duplicate marks, each keyed
 * by its place in the report's history), and once for the real UCDP sample.
 */
class KilledImportIT {

    /** Reports in the generated file: with their later changes, some 1,500 rows. */
    private static final int REPORTS = 1_200;
    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final Map<String, String> EVENT_OF_KIND = Map.of("RECORDED", ReportRecorded.class.getName(),
            "CORRECTED", ReportCorrected.class.getName(), "RETRACTED", ReportRetracted.class.getName(),
            "REINSTATED", ReportReinstated.class.getName(), "MARKED_DUPLICATE", ReportMarkedDuplicate.class.getName());

    @TempDir
    Path work;

    @Test
    void aChronicleFileKilledHalfWayAndImportedAgainIsStoredOnceRowByRow() throws Exception {
        String chronicle = "killed-import";
        ObjectNode file = new GeneratedReports(new Random(20120204), LocalDate.of(2012, 1, 29),
                LocalDate.of(2012, 5, 31)).chronicleFile(Rastan.CHRONICLE, REPORTS);
        Map<String, List<String>> expected = new HashMap<>();
        for (JsonNode row : file.path("events")) {
            expected.computeIfAbsent(row.path("reportId").asText(), id -> new ArrayList<>())
                    .add(EVENT_OF_KIND.get(row.path("kind").asText()));
        }
        killHalfWayAndImportAgain("KilledImportIT figures (chronicle/1)", chronicle, "json", file.toString(),
                "application/json", expected);
    }

    @Test
    void theUcdpSampleKilledHalfWayAndImportedAgainIsStoredOnceRowByRow() throws Exception {
        String sample;
        try (InputStream in = KilledImportIT.class.getResourceAsStream("/ucdp/ged231-sample-1000.csv")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> expected = new HashMap<>();
        List<String[]> rows = UcdpImportTest.Csv.read(sample);
        for (String[] row : rows.subList(1, rows.size())) {
            expected.put("ucdp-" + row[0], List.of(ReportRecorded.class.getName()));
        }
        assertThat(expected).as("one report per row of the sample").hasSize(1_000);
        killHalfWayAndImportAgain("KilledImportIT figures (UCDP)", "killed-ucdp", "ucdp", sample, "text/csv",
                expected);
    }

    /**
     * Posts the file as a job, kills the process once about half its rows are in the store, posts
     * it again to a new process on the same store, and holds the store against {@code expected}:
     * each report's events, in order, as the file has them.
     */
    private void killHalfWayAndImportAgain(String figures, String chronicle, String format, String body,
                                           String contentType, Map<String, List<String>> expected) throws Exception {
        String database = TestDatabase.create(KilledImportIT.class.getSimpleName() + "-" + format);
        Map<String, String> env = new HashMap<>(Accounts.environment(database));
        env.put("CHRONICLE_DB_POOL_SIZE", "8");
        // Far below either file, so that each runs as a job, as large files do.
        env.put("CHRONICLE_IMPORTS_JOB_ABOVE", "1KB");
        long rows = expected.values().stream().mapToLong(List::size).sum();
        String imports = "/api/v1/chronicles/" + chronicle + "/imports?format=" + format;

        try (ServiceProcess first = ServiceProcess.start(ServiceProcess.jarOf("command-side"), work, env)) {
            Answer submitted = first.http.asAdmin().postText(imports, body, contentType);
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
            awaitStored(database, chronicle, rows / 2);
            first.kill();
        }
        long atKill;
        JsonNode again;
        try (ServiceProcess next = ServiceProcess.start(ServiceProcess.jarOf("command-side"), work, env)) {
            // Counted once the next process is up, long after any commit the dead one had sent.
            atKill = stored(database, chronicle);
            assertThat(atKill).as("rows the killed job had committed, of " + rows).isPositive().isLessThan(rows);
            Http writes = next.http.asAdmin();
            Answer submitted = writes.postText(imports, body, contentType);
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
            again = writes.getUntil(submitted.header("Location"),
                    a -> !a.json().path("status").asText().equals("RUNNING"), PATIENCE).json();
        }
        assertThat(again.path("status").asText()).as(again.toString()).isEqualTo("DONE");
        assertThat(again.path("refused").asLong()).as(again.toString()).isZero();

        Map<String, List<String>> store = eventsPerReport(database, chronicle);
        long missing = 0;
        long doubled = 0;
        List<String> differing = new ArrayList<>();
        for (Map.Entry<String, List<String>> report : expected.entrySet()) {
            List<String> held = store.getOrDefault(report.getKey(), List.of());
            missing += Math.max(0, report.getValue().size() - held.size());
            doubled += Math.max(0, held.size() - report.getValue().size());
            if (!held.equals(report.getValue())) {
                differing.add(report.getKey() + ": " + held + " where the file has " + report.getValue());
            }
        }
        Set<String> extra = new HashSet<>(store.keySet());
        extra.removeAll(expected.keySet());
        System.out.printf("%s: rows=%d, stored when killed=%d, second import accepted=%d, unchanged=%d, refused=%d, "
                        + "missing=%d, doubled=%d, extra=%d%n", figures, rows, atKill, again.path("accepted").asLong(),
                again.path("unchanged").asLong(), again.path("refused").asLong(), missing, doubled, extra.size());

        assertThat(missing).as("rows of the file not in the store").isZero();
        assertThat(doubled).as("rows stored twice").isZero();
        assertThat(extra).as("reports the file does not have").isEmpty();
        assertThat(differing).as("reports whose events differ from the file's rows").isEmpty();
        assertThat(again.path("accepted").asLong()).as("the second import records what the first did not")
                .isEqualTo(rows - atKill);
        assertThat(again.path("unchanged").asLong()).as("and leaves what it did").isEqualTo(atKill);
    }

    /** Polls the event table until it holds {@code count} of the chronicle's report events. */
    private static void awaitStored(String database, String chronicle, long count) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (stored(database, chronicle) < count) {
            assertThat(System.nanoTime()).as("the import reached " + count + " rows in " + PATIENCE)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static long stored(String database, String chronicle) throws SQLException {
        try (Connection c = DriverManager.getConnection(database);
             PreparedStatement count = c.prepareStatement(
                     "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?")) {
            count.setString(1, chronicle + "/%");
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Each report's events in the order of its history, by type, straight from the event table. */
    private static Map<String, List<String>> eventsPerReport(String database, String chronicle) throws SQLException {
        Map<String, List<String>> events = new HashMap<>();
        try (Connection c = DriverManager.getConnection(database);
             PreparedStatement select = c.prepareStatement("SELECT aggregate_identifier, payload_type"
                     + " FROM domain_event_entry WHERE aggregate_identifier LIKE ?"
                     + " ORDER BY aggregate_identifier, sequence_number")) {
            select.setString(1, chronicle + "/%");
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.computeIfAbsent(rs.getString(1).substring(chronicle.length() + 1), id -> new ArrayList<>())
                            .add(rs.getString(2));
                }
            }
        }
        return events;
    }
}
