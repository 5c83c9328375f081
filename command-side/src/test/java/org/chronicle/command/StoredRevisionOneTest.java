package org.chronicle.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A {@code ReportRecorded} stored as revision 1 (its content under {@code content}) is read
 * through the upcaster: the aggregate sees the same report, so sending it again is a repeat,
 * and a correction builds on it.
 */
@ServiceTest
class StoredRevisionOneTest {



    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRevisionOneEventIsReadAsTheCurrentShape() {
        Http http = Http.local(port).asAdmin();
        http.put("/api/v1/chronicles/rastan-2012", Rastan.CHRONICLE);
        String revisionOne = """
                {"chronicleId":"rastan-2012","reportId":"r-old","content":{"type":"CASUALTIES","date":"2012-01-31",
                "latestDate":null,"period":null,"area":"rastan","summary":"Civilians killed by tank fire",
                "sources":[{"name":"Syrian forces kill 10 in rebel town","publisher":"AFP","publishedOn":"2012-01-31","url":null}],
                "casualties":[{"party":"civilians","killed":{"low":10,"best":10,"high":10},"wounded":{"low":15,"best":15,"high":15}},
                {"party":"fsa","killed":{"low":2,"best":3,"high":null},"wounded":null}],
                "shelling":null,"defection":null,"control":null,"origin":null}}""";
        jdbc.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES ('rastan-2012/r-old', 0, 'Report', ?, ?, ?, '1', 'org.chronicle.api.report.ReportRecorded',
                    '2026-01-01T00:00:00Z')""",
                UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                revisionOne.getBytes(StandardCharsets.UTF_8));

        var repeat = http.post("/api/v1/chronicles/rastan-2012/reports", Rastan.casualties("r-old", "2012-01-31", 10));
        assertThat(repeat.status()).as(repeat.body()).isEqualTo(200);
        assertThat(repeat.json().path("version").asLong()).isEqualTo(1);

        var other = http.post("/api/v1/chronicles/rastan-2012/reports", Rastan.casualties("r-old", "2012-01-31", 11));
        assertThat(other.status()).isEqualTo(409);
    }
}
