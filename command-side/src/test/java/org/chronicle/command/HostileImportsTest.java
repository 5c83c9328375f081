package org.chronicle.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.assertj.core.api.SoftAssertions;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Import files made to hurt. A file that cannot be read as a whole (no header or a broken one, a
 * column named twice, bytes that are not UTF-8, a quote never closed, a field or a row past its
 * bound) is a 400 problem+json, or a failed job when it is large, and stores nothing, even when
 * the fault is at its very end. A bad row in a readable file (a NUL or a control character in
 * any field, a number too large to be one, a day that does not exist) is refused alone with its
 * line and reason, and the good rows beside it are recorded.
 */
@ServiceTest
@TestPropertySource(properties = {"chronicle.imports.job-above=16KB", "chronicle.imports.max-field=2000",
        "chronicle.imports.max-row=8000"})
class HostileImportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ACLED_HEADER = "event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,"
            + "country,admin1,location,latitude,longitude,source,notes,fatalities,timestamp";
    private static final String UCDP_HEADER = "id,type_of_violence,dyad_name,side_a_new_id,side_a,side_b_new_id,"
            + "side_b,country,adm_1,where_coordinates,latitude,longitude,date_start,date_end,deaths_a,deaths_b,"
            + "deaths_civilians,deaths_unknown,source_headline";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final SoftAssertions soft = new SoftAssertions();
    private int chronicles;

    @Test
    void aFileThatCannotBeReadWholeStoresNothing() {
        String good = acledRow("G1", "2012-02-01", "Clashes", "3");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("an empty file", bytes(""));
        files.put("blank lines only", bytes("\n\n\n"));
        files.put("no header of the dataset", bytes("a,b,c\n1,2,3\n"));
        files.put("a header without a required column", bytes(ACLED_HEADER.replace("event_date,", "") + "\n"));
        files.put("a NUL in a column's name", bytes(ACLED_HEADER.replace("notes", "no\u0000tes") + "\n" + good + "\n"));
        files.put("a column named twice", bytes(ACLED_HEADER + ",notes\n" + good + ",again\n"));
        files.put("a column named twice, once with blanks", bytes(ACLED_HEADER + ", notes \n" + good + ",again\n"));
        files.put("a quote never closed", bytes(ACLED_HEADER + "\n" + good + "\n" + acledRow("G2", "2012-02-01",
                "\"never closed", "1") + "\n"));
        files.put("a field past max-field", bytes(ACLED_HEADER + "\n" + good + "\n"
                + acledRow("G2", "2012-02-01", "x".repeat(2_001), "1") + "\n"));
        files.put("a quoted field past max-field", bytes(ACLED_HEADER + "\n" + good + "\n"
                + acledRow("G2", "2012-02-01", "\"" + "x, ".repeat(700) + "\"", "1") + "\n"));
        files.put("a row past max-row", bytes(ACLED_HEADER + "\n" + good + "\n"
                + "G2,2012-02-01,Battles,Armed clash," + "a".repeat(1_999) + "," + "b".repeat(1_999) + ",Syria,"
                + "c".repeat(1_999) + ",Rastan,34.9,36.7," + "d".repeat(1_999) + ",notes,1,1\n"));
        StringBuilder wide = new StringBuilder(ACLED_HEADER);
        for (int i = 0; wide.length() <= 8_000; i++) {
            wide.append(",column_").append(i);
        }
        files.put("a header past max-row", bytes(wide + "\n"));
        byte[] latin1 = (ACLED_HEADER + "\n" + good + "\n" + acledRow("G2", "2012-02-01", "caf\u00e9", "1") + "\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        files.put("bytes that are not UTF-8", latin1);
        files.put("a lone continuation byte", concat(bytes(ACLED_HEADER + "\n" + good + "\n"), new byte[] {(byte) 0x80},
                bytes("\n")));
        files.put("half a surrogate pair, encoded", concat(bytes(ACLED_HEADER + "\n" + good + ",x"),
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, bytes("\n")));
        files.put("an overlong NUL", concat(bytes(ACLED_HEADER + "\n" + good + ",x"), new byte[] {(byte) 0xC0,
                (byte) 0x80}, bytes("\n")));
        files.forEach((what, file) -> refusedWhole("acled", what, file));
        refusedWhole("ucdp", "not UTF-8", concat(bytes(UCDP_HEADER + "\n" + ucdpRow("1", "2012-02-01", "2", "ok")
                + "\n1,"), new byte[] {(byte) 0xFF, (byte) 0xFE}, bytes("\n")));
        refusedWhole("json", "not UTF-8", concat(bytes("{\"format\": \"chronicle/1\", \"definition\": {\"name\": \""),
                new byte[] {(byte) 0xFF}, bytes("\"}}")));
        soft.assertAll();
    }

    @Test
    void aLargeFileThatCannotBeReadWholeFailsItsJobAndStoresNothing() {
        StringBuilder rows = new StringBuilder(ACLED_HEADER).append('\n');
        for (int i = 0; i < 300; i++) {
            rows.append(acledRow("J" + i, "2012-02-01", "Clashes " + i, "1")).append('\n');
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("not UTF-8 at the end", concat(bytes(rows.toString()), bytes("J-last,2012-02-01,"),
                new byte[] {(byte) 0xE9}, bytes("\n")));
        files.put("a field past max-field at the end", bytes(rows + acledRow("J-last", "2012-02-01",
                "x".repeat(2_001), "1") + "\n"));
        files.put("a quote never closed at the end", bytes(rows + acledRow("J-last", "2012-02-01", "\"open", "1")));
        files.put("a column named twice", bytes(rows.toString().replaceFirst("notes", "source")));
        files.forEach((what, file) -> {
            long before = events();
            Http.Answer accepted = post("acled", file);
            soft.assertThat(accepted.status()).as(what + " -> " + accepted.body()).isEqualTo(202);
            if (accepted.status() == 202) {
                JsonNode done = Http.local(port).getUntil("/api/v1/imports/" + accepted.json().path("jobId").asText(),
                        a -> !a.json().path("status").asText().equals("RUNNING"), Duration.ofSeconds(60)).json();
                soft.assertThat(done.path("status").asText()).as(what + " -> " + done).isEqualTo("FAILED");
                soft.assertThat(done.path("error").asText()).as(what + " -> " + done).isNotBlank()
                        .doesNotContain("Exception").doesNotContain("org.chronicle");
                soft.assertThat(done.path("accepted").asInt()).as(what).isZero();
            }
            soft.assertThat(events()).as(what + ": nothing stored").isEqualTo(before);
        });
        soft.assertAll();
    }

    @Test
    void aBadRowIsRefusedAloneWithItsLineAndReason() {
        List<String> rows = new ArrayList<>();
        // line 2 onwards; each bad row names the column at fault
        rows.add(acledRow("A1", "2012-02-01", "A good row", "3"));
        rows.add(acledRow("A2", "2012-02-01", "a NUL \u0000 inside", "1"));
        rows.add(acledRow("A3", "2012-02-01", "a bell \u0007", "1"));
        rows.add(acledRow("A4", "2012-02-01", "an escape \u001b[31m", "1"));
        rows.add(acledRow("A5", "2012-02-01", "DEL and C1 \u0085", "1"));
        rows.add("A6,2012-02-01,Battles,Armed clash,Free \u0000Syrian Army,,Syria,Homs,Rastan,34.9,36.7,AFP,ok,1,1");
        rows.add("A7,2012-02-01,Battles,Armed clash,Free Syrian Army,,Syria,Homs,Rastan,34.9,36.7,AFP,ok,1,\u00001");
        rows.add(acledRow("A8", "2012-02-01", "huge", "99999999999999999999"));
        rows.add(acledRow("A9", "2012-02-01", "written", "1e9"));
        rows.add(acledRow("A10", "2012-02-01", "fractional", "2.5"));
        rows.add(acledRow("A11", "2012-02-01", "past the largest figure", "200000000"));
        rows.add(acledRow("A12", "2012-02-01", "negative", "-5"));
        rows.add(acledRow("A13", "2012-02-30", "no such day", "1"));
        rows.add(acledRow("A14", "2012-13-01", "no such month", "1"));
        rows.add(acledRow("A15", "31/01/2012", "the wrong order", "1"));
        rows.add(acledRow("A18", "2012-02-01", "too few fields", "1").replace(",1,1", ""));
        rows.add(acledRow("A19", "2012-02-02", "Another good row", "0"));
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("A2", "notes");
        columns.put("A3", "notes");
        columns.put("A4", "notes");
        columns.put("A5", "notes");
        columns.put("A6", "actor1");
        columns.put("A7", "timestamp");
        columns.put("A8", "fatalities");
        columns.put("A9", "fatalities");
        columns.put("A10", "fatalities");
        columns.put("A11", "casualties");
        columns.put("A12", "casualties");
        columns.put("A13", "event_date");
        columns.put("A14", "event_date");
        columns.put("A15", "event_date");
        columns.put("A18", "row");
        String chronicle = "hostile-rows";
        Http.Answer answer = post(chronicle, "acled", bytes(ACLED_HEADER + "\n" + String.join("\n", rows) + "\n"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode result = answer.json();
        soft.assertThat(result.path("accepted").asInt()).as(answer.body()).isEqualTo(2);
        soft.assertThat(result.path("refused").asInt()).as(answer.body()).isEqualTo(columns.size());
        Map<String, JsonNode> refusals = new LinkedHashMap<>();
        result.path("refusals").forEach(r -> refusals.put(r.path("line").asText(), r));
        int line = 2;
        for (String row : rows) {
            String id = row.substring(0, row.indexOf(','));
            JsonNode refusal = refusals.get(String.valueOf(line));
            if (columns.containsKey(id)) {
                soft.assertThat(refusal).as(id + " is refused on line " + line + ": " + answer.body()).isNotNull();
                if (refusal != null) {
                    soft.assertThat(refusal.path("reason").asText()).as(id + ": " + refusal).startsWith(columns.get(id));
                }
            } else {
                soft.assertThat(refusal).as(id + " is recorded").isNull();
            }
            line++;
        }
        List<String> recorded = jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry"
                + " WHERE aggregate_identifier LIKE ? ORDER BY aggregate_identifier", String.class, chronicle + "/%");
        soft.assertThat(recorded).containsExactly(chronicle + "/acled-A1", chronicle + "/acled-A19");
        soft.assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, chronicle)).as("one definition, with no side or area of a refused row").isEqualTo(1);

        String ucdp = UCDP_HEADER + "\n" + ucdpRow("1", "2012-02-01", "2", "ok") + "\n"
                + ucdpRow("2", "2012-02-01", "99999999999999999999", "ok") + "\n"
                + ucdpRow("3", "2012-02-31", "1", "ok") + "\n"
                + ucdpRow("4", "2012-02-01", "1", "a NUL \u0000") + "\n";
        JsonNode gedResult = post("hostile-ged", "ucdp", bytes(ucdp)).json();
        soft.assertThat(gedResult.path("accepted").asInt()).as(gedResult.toString()).isEqualTo(1);
        soft.assertThat(gedResult.path("refusals")).extracting(r -> r.path("line").asInt()).containsExactly(3, 4, 5);
        soft.assertThat(gedResult.path("refusals")).extracting(r -> r.path("reason").asText().split(":")[0])
                .containsExactly("deaths_b", "date_start", "source_headline");
        soft.assertAll();
    }

    // ---- files and sending ----------------------------------------------------------------------

    private static String acledRow(String id, String day, String notes, String fatalities) {
        return id + "," + day + ",Battles,Armed clash,Free Syrian Army,Military Forces of Syria,Syria,Homs,Rastan,"
                + "34.9,36.7,AFP," + notes + "," + fatalities + ",1600000000";
    }

    private static String ucdpRow(String id, String day, String deathsB, String headline) {
        return id + ",1,Government of Syria - Syrian insurgents,118,Government of Syria,4456,Syrian insurgents,"
                + "Syria,Homs governorate,Rastan,34.9,36.7," + day + "," + day + ",0," + deathsB + ",0,0," + headline;
    }

    private void refusedWhole(String format, String what, byte[] file) {
        long before = events();
        Http.Answer answer = post(format, file);
        String said = format + ", " + what + " -> " + answer.body();
        soft.assertThat(answer.status()).as(said).isEqualTo(400);
        soft.assertThat(answer.isProblem()).as(said).isTrue();
        soft.assertThat(answer.body()).as(said).doesNotContain("Exception").doesNotContain("org.chronicle");
        soft.assertThat(events()).as(said + ": nothing stored").isEqualTo(before);
    }

    private Http.Answer post(String format, byte[] file) {
        return post("hostile-" + ++chronicles, format, file);
    }

    private Http.Answer post(String chronicle, String format, byte[] file) {
        String basic = Base64.getEncoder().encodeToString(("admin:" + Accounts.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/chronicles/"
                        + chronicle + "/imports?format=" + format))
                .timeout(Duration.ofSeconds(120)).header("Authorization", "Basic " + basic)
                .header("Content-Type", format.equals("json") ? "application/json" : "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Http.Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
