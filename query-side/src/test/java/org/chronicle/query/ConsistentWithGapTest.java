package org.chronicle.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.chronicle.api.Period;
import org.chronicle.api.chronicle.Area;
import org.chronicle.api.chronicle.ChronicleDefined;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.chronicle.InitialControl;
import org.chronicle.api.chronicle.Side;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A position whose append rolled back, as the loser of a race between two writers of one report
 * leaves behind, is a gap that no event will ever fill. A read that waits for a later position
 * must not wait for the gap: the client's own write is processed, and that is all it asked for.
 */
@ServiceTest
class ConsistentWithGapTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore events;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReadWaitsForItsPositionAndNotForAGapBelowIt() {
        define("gap-before");
        long gap = jdbc.queryForObject("SELECT nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))",
                Long.class);
        define("gap-after");
        long written = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        assertThat(written).as("the write after the gap").isGreaterThan(gap);

        Http.Answer read = Http.local(port).get("/api/v1/chronicles?consistentWith=" + written);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().findValuesAsText("chronicleId")).contains("gap-before", "gap-after");
    }

    @Test
    void aTokenHasProcessedAPositionPastItsGapsButNotAGapItself() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(510, List.of(498L));
        assertThat(token.covers(GapAwareTrackingToken.newInstance(501, List.of())))
                .as("Axon's covers waits for every gap below").isFalse();
        assertThat(ProjectionProgress.processed(token, 501)).isTrue();
        assertThat(ProjectionProgress.processed(token, 510)).isTrue();
        assertThat(ProjectionProgress.processed(token, 498)).as("an event still in flight").isFalse();
        assertThat(ProjectionProgress.processed(token, 511)).isFalse();

        TrackingToken replaying = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(900, List.of()), token);
        assertThat(ProjectionProgress.processed(replaying, 501)).as("a rebuild, where it has got to").isTrue();
        assertThat(ProjectionProgress.processed(replaying, 600)).isFalse();
    }

    private void define(String chronicleId) {
        LocalDate start = LocalDate.of(2012, 1, 29);
        events.publish(new GenericDomainEventMessage<>("Chronicle", chronicleId, 0,
                new ChronicleDefined(chronicleId, new ChronicleDefinition("Chronicle " + chronicleId, null,
                        new Period(start, start.plusDays(7)), List.of(new Side("fsa", "Free Syrian Army")),
                        List.of(new Area("rastan", "Rastan", null, null)), List.of(new InitialControl("rastan", "fsa")))),
                MetaData.emptyInstance(), UUID.randomUUID().toString(), Instant.now()));
    }
}
