package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The CLI against a running service over HTTP: import, replay, export, rebuild and their help. */
@ServiceTest
class CliTest {

    @LocalServerPort
    int port;
    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void importThenReplayTheBattleDayByDayThenExportAndRebuild() throws IOException {
        Path rastan = work.resolve("rastan-2012.json");
        try (InputStream seed = getClass().getResourceAsStream("/seed/rastan-2012.json")) {
            Files.copy(seed, rastan);
        }
        assertThat(run("import", rastan.toString(), "--chronicle", "rastan-2012", "--format", "json"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("accepted 34, refused 0, unchanged 0");
        // The import's rows commit together; the replay reads the projections once they have them.
        Http.local(port).asAdmin().getUntil("/api/v1/admin/projections", answer -> {
            for (JsonNode projection : answer.json()) {
                if (projection.path("position").asLong() < projection.path("headPosition").asLong()) {
                    return false;
                }
            }
            return true;
        }, Duration.ofSeconds(30));

        assertThat(run("replay", "rastan-2012", "--from", "2012-01-29", "--to", "2012-02-05")).as(err.toString())
                .isZero();
        List<String> lines = out.toString().lines().toList();
        List<String> days = lines.stream().filter(line -> line.matches("^2012-\\d\\d-\\d\\d .*")).toList();
        assertThat(days).hasSize(8);
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        assertThat(days.get(7)).startsWith("2012-02-05 fsa      fsa      fsa      fsa").contains("-/18").contains("-/24")
                .contains("-/2+");
        assertThat(days.get(3)).as("1 February: the city partly held, contested").startsWith("2012-02-01 fsa~*");

        Path exported = work.resolve("export.json");
        assertThat(run("export", "rastan-2012", "--format", "json", "--out", exported.toString())).isZero();
        assertThat(Files.readString(exported)).contains("\"format\" : \"chronicle/1\"").contains("r-0205-liberated");

        assertThat(run("rebuild", "casualties")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("casualties: rebuilt, readers now use its GREEN tables");
    }

    /** The CLI sends a CSV file as text/csv, the one type a CSV import takes. */
    @Test
    void aCsvFileImportsAsCsv() throws IOException {
        Path acled = work.resolve("acled.csv");
        Files.writeString(acled, """
                event_id_cnty,event_date,event_type,sub_event_type,actor1,country,location,notes,fatalities
                CLI1,2012-02-01,Battles,Armed clash,Free Syrian Army,Syria,Rastan,Clashes,2
                """);
        assertThat(run("import", acled.toString(), "--chronicle", "cli-acled", "--format", "acled"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("accepted 1, refused 0, unchanged 0");
    }

    @Test
    void helpAndMisuse() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("replay CHRONICLE").contains("import FILE");
        assertThat(run("replay", "--help")).isZero();
        assertThat(out.toString()).contains("--as-reported-by");
        assertThat(run("replay")).isEqualTo(2);
        assertThat(err.toString()).contains("replay needs the CHRONICLE's id");
        assertThat(run("import", "file.json")).isEqualTo(2);
        assertThat(run("replay", "homs-1982")).as("the service's refusal").isEqualTo(1);
        assertThat(err.toString()).contains("404");
        assertThat(run("dance")).isEqualTo(2);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        String url = "http://127.0.0.1:" + port;
        Cli cli = new Cli(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                arguments -> new RemoteService(url, "admin:" + Accounts.ADMIN_PASSWORD));
        return cli.run(List.of(args));
    }
}
