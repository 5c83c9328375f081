package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Battle of Rastan exported in our own format and imported under another id answers every
 * day of its period as the original does: control, casualties, claims and reports.
 */
@SpringBootTest(classes = ChronicleApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RastanRoundTripTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> TestDatabase.create(RastanRoundTripTest.class));
        properties.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
        properties.add("chronicle.admin.password", () -> Accounts.ADMIN_PASSWORD);
    }

    @Test
    void exportThenImportReproducesEveryDayOfRastan() {
        Http reads = Http.local(port);
        String exported = reads.get("/api/v1/chronicles/rastan-2012/export?format=json").body();
        Http.Answer imported = reads.asAdmin().post("/api/v1/chronicles/rastan-copy/imports?format=json", exported);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("refused").asInt()).as(imported.body()).isZero();
        long position = imported.json().path("position").asLong();

        List<JsonNode> original = days(reads, "rastan-2012", position);
        List<JsonNode> copy = days(reads, "rastan-copy", position);
        assertThat(copy).hasSize(124).isEqualTo(original);
        assertThat(reads.get("/api/v1/chronicles/rastan-copy/days").json())
                .isEqualTo(reads.get("/api/v1/chronicles/rastan-2012/days").json());
    }

    private static List<JsonNode> days(Http reads, String chronicle, long position) {
        JsonNode replay = reads.get("/api/v1/chronicles/" + chronicle + "/replay?consistentWith=" + position).json();
        List<JsonNode> days = new ArrayList<>();
        for (JsonNode day : replay) {
            ObjectNode state = (ObjectNode) day;
            state.remove(List.of("chronicleId", "asKnownAt"));
            days.add(state);
        }
        return days;
    }
}
