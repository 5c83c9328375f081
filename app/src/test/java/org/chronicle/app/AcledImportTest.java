package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** ACLED rows: each sub-event type as the contract maps it, fatalities as the unknown party's, and back. */
@ServiceTest
class AcledImportTest {

    private static final String CHRONICLE = "/api/v1/chronicles/acled-homs";
    private static final String FILE = """
            event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,notes,fatalities,timestamp
            SYR1,2012-01-31,1,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Syria (2000-2024),,Syria,Homs,Al Rastan,,Rastan,34.9167,36.7333,1,AFP; SOHR,"Tanks shelled the town,
            a building fell.",10,1600000000
            SYR2,1 February 2012,1,Strategic developments,Non-state actor overtakes territory,Free Syrian Army,Military Forces of Syria (2000-2024),Syria,Homs,Al Rastan,,Rastan,34.9167,36.7333,1,Reuters,The FSA takes most of the town,0,1600000001
            SYR3,2012-02-01,1,Battles,Armed clash,Free Syrian Army,Military Forces of Syria (2000-2024),Syria,Homs,Al Rastan,,Rastan,34.9167,36.7333,1,Reuters,Clashes,17,1600000002
            SYR4,2012-02-03,1,Violence against civilians,Attack,Military Forces of Syria (2000-2024),Civilians (Syria),Syria,Homs,Al Rastan,,Rastan,34.9167,36.7333,1,SOHR,,3,1600000003
            """;

    @LocalServerPort
    int port;

    @Test
    void eachRowBecomesTheReportItsTypeCallsForAndComesBack() {
        Http writes = Http.local(port).asAdmin();
        Http.Answer imported = writes.postText(CHRONICLE + "/imports?format=acled", FILE, "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("accepted").asInt()).as(imported.body()).isEqualTo(4);

        Http reads = Http.local(port);
        long position = imported.json().path("position").asLong();
        JsonNode search = reads.get(CHRONICLE + "/reports?size=10&consistentWith=" + position).json();
        assertThat(search.path("reports").findValuesAsText("type")).as("rows are recorded several at a time")
                .containsExactlyInAnyOrder("CASUALTIES", "CLASH", "CONTROL_CHANGE", "SHELLING");
        JsonNode shelling = reads.get(CHRONICLE + "/reports/acled-SYR1").json().path("report");
        assertThat(shelling.path("summary").asText()).isEqualTo("Tanks shelled the town,\na building fell.");
        assertThat(shelling.path("casualties").get(0).path("party").asText()).isEqualTo("unknown");
        assertThat(shelling.path("sources").findValuesAsText("name")).containsExactly("AFP", "SOHR");

        JsonNode feb3 = reads.get(CHRONICLE + "/days/2012-02-03").json();
        JsonNode rastan = feb3.path("control").findParents("area").stream()
                .filter(a -> a.path("area").asText().endsWith(".rastan")).findFirst().orElseThrow();
        assertThat(rastan.path("side").asText()).isEqualTo("acled-free-syrian-army");
        assertThat(feb3.path("casualties").path("cumulative").path("unknown").path("killed").path("best").asLong())
                .isEqualTo(30);

        assertThat(writes.postText(CHRONICLE + "/imports?format=acled", FILE, "text/csv").json()
                .path("unchanged").asInt()).isEqualTo(4);
        List<String[]> rows = UcdpImportTest.Csv.read(reads.get(CHRONICLE + "/export?format=acled").body());
        assertThat(rows).hasSize(5);
        List<String> header = List.of(rows.get(0));
        assertThat(rows.subList(1, 5).stream().map(r -> r[header.indexOf("event_id_cnty")]).toList())
                .containsExactlyInAnyOrder("SYR1", "SYR2", "SYR3", "SYR4");
        assertThat(rows.subList(1, 5).stream().mapToLong(r -> Long.parseLong(r[header.indexOf("fatalities")])).sum())
                .isEqualTo(30);
    }
}
