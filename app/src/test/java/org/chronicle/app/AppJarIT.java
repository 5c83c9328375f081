package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app jar as an operator runs it: {@code java -jar}, on the embedded default and on PostgreSQL. */
class AppJarIT {

    @TempDir
    Path work;

    @Test
    void theEmbeddedDefaultNeedsNoConfigurationLoadsRastanAndKeepsItsDataUnderData() {
        long events;
        try (ServiceProcess app = ServiceProcess.start(ServiceProcess.jarOf("app"), work, Accounts.environment(null))) {
            // Healthy means ready, and ready means the seed is imported and projected: no waiting.
            assertThat(app.http.get("/actuator/health/readiness").body()).contains("\"UP\"");
            JsonNode feb5 = app.http.get("/api/v1/chronicles/rastan-2012/days/2012-02-05").json();
            assertThat(feb5.path("casualties").path("cumulative").path("civilians").path("killed").path("best")
                    .asLong()).as("the infobox's civilian toll, on H2").isEqualTo(24);
            events = app.http.get("/api/v1/chronicles/rastan-2012").json().path("events").asLong();
            Slice.record(app.http.asAdmin());
            Slice.answered(app.http);
            disableAndEnableAnAccount(app.http);
        }
        assertThat(work.resolve("data").resolve("chronicle.mv.db")).exists();
        try (ServiceProcess restarted = ServiceProcess.start(ServiceProcess.jarOf("app"), work, Accounts.environment(null))) {
            Slice.answered(restarted.http);
            assertThat(restarted.http.get("/api/v1/chronicles/rastan-2012").json().path("events").asLong())
                    .as("Rastan is loaded once, not at every start").isEqualTo(events);
            rebuildEveryProjection(restarted.http.asAdmin());
            Slice.answered(restarted.http);
        }
    }

    /** The accounts' own SQL on H2: the stamp, the enabled flag, the lock that keeps the last ADMIN. */
    private static void disableAndEnableAnAccount(Http http) {
        Http admin = http.asAdmin();
        assertThat(admin.post("/api/v1/admin/accounts",
                "{\"username\": \"h2-editor\", \"password\": \"a-long-enough-secret\", \"roles\": [\"EDITOR\"]}")
                .status()).isEqualTo(201);
        Http editor = http.as("h2-editor", "a-long-enough-secret");
        assertThat(editor.get("/api/v1/session").status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/admin/accounts/h2-editor/disable", "").status()).isEqualTo(200);
        assertThat(editor.post("/api/v1/chronicles/rastan-2012/reports", "{}").status()).isEqualTo(401);
        assertThat(admin.post("/api/v1/admin/accounts/h2-editor/enable", "").status()).isEqualTo(200);
        assertThat(editor.post("/api/v1/chronicles/rastan-2012/reports", "{}").status())
                .as("signed in again, and refused only for the empty report").isEqualTo(400);
        assertThat(admin.post("/api/v1/admin/accounts/admin/disable", "").status()).as("the last ADMIN").isEqualTo(409);
    }

    /** Every projection rebuilt in bulk on H2, which has its own SQL dialect, until readers use the rebuilt sets. */
    private static void rebuildEveryProjection(Http admin) {
        List<String> projections = List.of("chronicles", "casualties", "control", "reports");
        for (String projection : projections) {
            Http.Answer started = admin.post("/api/v1/admin/projections/" + projection + "/rebuild", "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
        }
        JsonNode all = admin.getUntil("/api/v1/admin/projections", answer -> {
            for (JsonNode projection : answer.json()) {
                if (projection.path("replaying").asBoolean()) {
                    return false;
                }
            }
            return true;
        }, Duration.ofSeconds(60)).json();
        for (JsonNode projection : all) {
            assertThat(projection.path("activeSet").asText()).as(projection.toString()).isEqualTo("GREEN");
        }
    }

    /** The CLI on a fresh embedded store: it starts the service in its own process, which loads Rastan. */
    @Test
    void theCliReplaysRastanDayByDayOnAFreshStore() throws Exception {
        Process cli = new ProcessBuilder(ServiceProcess.javaBinary(), "-Xmx512m", "-jar",
                ServiceProcess.jarOf("app").toAbsolutePath().toString(), "replay", "rastan-2012", "--to", "2012-02-05")
                .directory(work.toFile())
                .redirectError(work.resolve("cli.err").toFile())
                .start();
        cli.getOutputStream().close();
        String printed = new String(cli.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(cli.waitFor()).as(printed).isZero();
        List<String> days = printed.lines().filter(line -> line.startsWith("2012-")).toList();
        assertThat(days).as(printed).hasSize(8);
        assertThat(days.get(7)).contains("-/24");
        assertThat(printed).as("the standard output holds the replay alone").doesNotContain("INFO").doesNotContain("WARN");
    }

    @Test
    void onPostgresTheReportLandsAsByteaInTheEventStore() throws Exception {
        String db = TestDatabase.create(AppJarIT.class);
        try (ServiceProcess app = ServiceProcess.start(ServiceProcess.jarOf("app"), work,
                Accounts.environment(db))) {
            long position = Slice.record(app.http.asAdmin()).path("position").asLong();
            Slice.answered(app.http);
            try (Connection c = DriverManager.getConnection(db);
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT pg_typeof(payload)::text, payload_type FROM domain_event_entry WHERE global_index = "
                                 + position)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("bytea");
                assertThat(rs.getString(2)).isEqualTo("org.chronicle.api.report.ReportRecorded");
            }
        }
    }

    /** Every HTTP(S) call the process tries goes to a local proxy that records it: none may come. */
    @Test
    void theServiceMakesNoOutboundCall() throws Exception {
        try (RecordingProxy proxy = new RecordingProxy();
             ServiceProcess app = ServiceProcess.start(ServiceProcess.jarOf("app"), work, Accounts.environment(null),
                     proxy.jvmOptions().toArray(String[]::new))) {
            Slice.record(app.http.asAdmin());
            Slice.answered(app.http);
            Thread.sleep(3_000); // the update check would fire one second after start
            assertThat(proxy.requests()).isEmpty();
            assertThat(app.log()).contains("opted out of the AxonIQ UpdateChecker");
        }
    }

    /**
     * The control for the test above: with the update check switched on by the operator, the
     * same proxy does see the call, so an empty record there means no call, not a blind proxy.
     * (The check writes a properties file into the user's home: here, the test's own folder.)
     */
    @Test
    void theRecordingProxySeesAnUpdateCheckWhenOneIsMade() throws Exception {
        try (RecordingProxy proxy = new RecordingProxy()) {
            List<String> jvm = new ArrayList<>(proxy.jvmOptions());
            jvm.add("-Daxoniq.update-checker.disabled=false");
            jvm.add("-Duser.home=" + work.toAbsolutePath());
            try (ServiceProcess app = ServiceProcess.start(ServiceProcess.jarOf("app"), work, Accounts.environment(null),
                    jvm.toArray(String[]::new))) {
                assertThat(firstCall(proxy)).startsWith("CONNECT ");
            }
        }
    }

    private static String firstCall(RecordingProxy proxy) throws InterruptedException {
        for (int i = 0; i < 100 && proxy.requests().isEmpty(); i++) {
            Thread.sleep(200);
        }
        assertThat(proxy.requests()).as("calls seen by the proxy").isNotEmpty();
        return proxy.requests().get(0);
    }
}
