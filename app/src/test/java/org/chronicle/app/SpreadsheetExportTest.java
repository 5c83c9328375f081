package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chronicle.api.SpreadsheetCells;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A CSV export is safe to open in a spreadsheet: a text cell that would run as a formula, or that
 * begins with {@code '}, is written with a leading {@code '}, while numbers stay numbers; raw
 * cells are there for programs. An escaped export imported again records the original text, so
 * the copy exports the very same file.
 */
@ServiceTest
class SpreadsheetExportTest {

    private static final String HEADER = "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,"
            + "actor2,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,notes,fatalities,"
            + "timestamp";
    /** The notes of each row, as recorded: each would start a formula or is quoted already. */
    private static final Map<String, String> NOTES = new LinkedHashMap<>();

    static {
        NOTES.put("CELL1", "=HYPERLINK(\"http://x\",\"y\")");
        NOTES.put("CELL2", "'quoted");
        NOTES.put("CELL3", "-5 dead");
        NOTES.put("CELL4", "@user");
        NOTES.put("CELL5", "+1+cmd|' /C calc'!A0");
        NOTES.put("CELL6", "\tTab first");
        NOTES.put("CELL7", "''=twice");
        NOTES.put("CELL8", "Shells fell on the market");
    }

    @LocalServerPort
    int port;

    /** The file the test starts from is escaped as an export would be, so the import reads back every note. */
    @Test
    void anEscapedExportIsSafeAndImportsBackAsRecorded() {
        Http writes = Http.local(port).asAdmin();
        Http reads = Http.local(port);
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        NOTES.forEach((id, notes) -> file.append(id).append(",2012-01-31,1,Battles,Armed clash,Free Syrian Army,,")
                .append("Syria,Homs,,,Rastan,34.9,-12.5,1,AFP,").append(quoted(SpreadsheetCells.escaped(notes))).append(",3,1600000000\n"));
        Http.Answer first = writes.postText("/api/v1/chronicles/cells-a/imports?format=acled", file.toString(),
                "text/csv");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("accepted").asInt()).as(first.body()).isEqualTo(NOTES.size());

        String escaped = reads.get("/api/v1/chronicles/cells-a/export?format=acled&consistentWith="
                + first.json().path("position").asLong()).body();
        Map<String, Map<String, String>> rows = byId(escaped);
        assertThat(rows.get("CELL1").get("notes")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(rows.get("CELL2").get("notes")).isEqualTo("''quoted");
        assertThat(rows.get("CELL3").get("notes")).isEqualTo("'-5 dead");
        assertThat(rows.get("CELL4").get("notes")).isEqualTo("'@user");
        assertThat(rows.get("CELL5").get("notes")).isEqualTo("'+1+cmd|' /C calc'!A0");
        assertThat(rows.get("CELL6").get("notes")).isEqualTo("'\tTab first");
        assertThat(rows.get("CELL7").get("notes")).isEqualTo("'''=twice");
        assertThat(rows.get("CELL8").get("notes")).isEqualTo("Shells fell on the market");
        assertThat(rows.get("CELL1").get("longitude")).as("a negative number stays a number").isEqualTo("-12.5");
        assertThat(rows.get("CELL1").get("fatalities")).isEqualTo("3");

        Map<String, Map<String, String>> raw = byId(reads.get("/api/v1/chronicles/cells-a/export?format=acled&cells=raw")
                .body());
        NOTES.forEach((id, notes) -> assertThat(raw.get(id).get("notes")).as(id).isEqualTo(notes));
        assertThat(reads.get("/api/v1/chronicles/cells-a/export?format=acled&cells=formulas").status()).isEqualTo(400);

        Http.Answer copied = writes.postText("/api/v1/chronicles/cells-b/imports?format=acled", escaped, "text/csv");
        assertThat(copied.status()).as(copied.body()).isEqualTo(200);
        assertThat(copied.json().path("accepted").asInt()).as(copied.body()).isEqualTo(NOTES.size());
        NOTES.forEach((id, notes) -> {
            JsonNode report = reads.get("/api/v1/chronicles/cells-b/reports/acled-" + id).json().path("report");
            assertThat(report.path("origin").path("fields").path("notes").asText()).as(id).isEqualTo(notes);
            assertThat(report.path("summary").asText()).as(id).isEqualTo(notes.strip());
        });
        // The rows of an import are recorded several at a time, so the copy lists them in another order.
        assertThat(reads.get("/api/v1/chronicles/cells-b/export?format=acled&consistentWith="
                + copied.json().path("position").asLong()).body().lines().sorted())
                .as("the copy exports the same rows").containsExactlyElementsOf(escaped.lines().sorted().toList());
    }

    private static Map<String, Map<String, String>> byId(String csv) {
        List<String[]> lines = UcdpImportTest.Csv.read(csv);
        List<String> header = List.of(lines.get(0));
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String[] line : lines.subList(1, lines.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), line[i]);
            }
            rows.put(row.get("event_id_cnty"), row);
        }
        return rows;
    }

    private static String quoted(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
