package org.chronicle.query.casualties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.chronicle.api.Figure;
import org.chronicle.api.Party;
import org.chronicle.api.Period;
import org.chronicle.api.chronicle.Area;
import org.chronicle.api.chronicle.ChronicleDefined;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.chronicle.Side;
import org.chronicle.api.report.Casualties;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.api.report.ReportRetracted;
import org.chronicle.api.report.ReportType;
import org.chronicle.api.report.SourceRef;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cumulative counts of now are kept between reads, and a kept count never outlives the rows
 * it came from: each event written after a read changes the next read, of one day and of the
 * list of days alike.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptCountsTest {

    private static final String ID = "kept-2012";
    private static final String CHRONICLE = "/api/v1/chronicles/" + ID;
    private static final LocalDate START = LocalDate.of(2012, 1, 29);
    private static final LocalDate ASKED = START.plusDays(5);

    @LocalServerPort
    int port;
    @Autowired
    EventStore events;
    @Autowired
    JdbcTemplate jdbc;
    Http http;
    Instant at = Instant.parse("2012-02-06T00:00:00Z");

    @BeforeAll
    void define() {
        http = Http.local(port);
        append(ID, 0, new ChronicleDefined(ID, new ChronicleDefinition("Battle of Rastan", null,
                new Period(START, START.plusDays(7)),
                List.of(new Side("fsa", "Free Syrian Army"), new Side("government", "Syrian Arab Republic")),
                List.of(new Area("rastan", "Rastan", null, null), new Area("rastan-west", "West", "rastan", null)),
                List.of())));
    }

    @Test
    void eachEventAfterAReadChangesTheNextRead() {
        append(ID + "/first", 0, new ReportRecorded(ID, "first", casualties(START.plusDays(1), null, 10)));
        assertThat(cumulative()).isEqualTo(10);
        assertThat(cumulative()).as("read again, from the kept counts").isEqualTo(10);

        append(ID + "/second", 0, new ReportRecorded(ID, "second", casualties(START.plusDays(2), null, 5)));
        assertThat(cumulative()).as("a report dated before the day asked for").isEqualTo(15);

        append(ID + "/claim", 0, new ReportRecorded(ID, "claim", casualties(null, new Period(START, START.plusDays(3)), 30)));
        assertThat(cumulative()).as("a claim over the days before raises the count").isEqualTo(30);

        append(ID + "/claim", 1, new ReportRetracted(ID, "claim", 2, "unsourced"));
        assertThat(cumulative()).as("the claim retracted").isEqualTo(15);
        assertThat(cumulative()).isEqualTo(15);
    }

    /** Civilians killed through {@link #ASKED}, once the projections have every event; the list of days must agree. */
    private long cumulative() {
        long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        Http.Answer day = http.getUntil(CHRONICLE + "/days/" + ASKED + "?consistentWith=" + head,
                a -> a.status() == 200, Duration.ofSeconds(20));
        long killed = day.json().path("casualties").path("cumulative").path("civilians").path("killed").path("best")
                .asLong(-1);
        JsonNode days = http.get(CHRONICLE + "/days?consistentWith=" + head).json();
        for (JsonNode row : days) {
            if (row.path("date").asText().equals(ASKED.toString())) {
                assertThat(row.path("cumulativeKilled").path("civilians").path("best").asLong(-1))
                        .as("the list of days on " + ASKED).isEqualTo(killed);
            }
        }
        return killed;
    }

    private static ReportContent casualties(LocalDate date, Period period, long killed) {
        return new ReportContent(ReportType.CASUALTIES, date, null, period, "rastan-west", "A report",
                List.of(new SourceRef("A source", "AFP", START, null)),
                List.of(new Casualties(Party.CIVILIANS, Figure.exactly(killed), null)), null, null, null, null);
    }

    private void append(String aggregateId, long sequence, Object event) {
        at = at.plusSeconds(60);
        events.publish(new GenericDomainEventMessage<>("Test", aggregateId, sequence, event, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at));
    }
}
