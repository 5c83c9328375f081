package org.chronicle.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.support.TransactionTemplate;
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
    @Autowired
    TransactionTemplate transactions;

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

    /**
     * A gap that is filled after the processors read past it (a slow commit) is not a rolled-back
     * append: its event is in the store, and a read of a later position waits for it however long
     * the wait, up to the read's patience.
     */
    @Test
    void aGapWhoseEventWasCommittedLateIsWaitedFor() throws Exception {
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Thread slow = new Thread(() -> transactions.executeWithoutResult(status -> {
            define("late-commit");
            appended.countDown();
            await(commit);
        }));
        slow.start();
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        define("after-late-commit");
        long written = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        Http.Answer passed = Http.local(port).get("/api/v1/chronicles?consistentWith=" + written);
        assertThat(passed.status()).as("the gap, invisible while uncommitted, is passed over").isEqualTo(200);
        assertThat(passed.json().findValuesAsText("chronicleId")).doesNotContain("late-commit");

        // The directory's processor may read the late event but not write its row, nor so store
        // where it got to: until the lock goes, its token says the gap is still to come.
        CountDownLatch locked = new CountDownLatch(1);
        Thread holder = new Thread(() -> transactions.executeWithoutResult(status -> {
            jdbc.execute("LOCK TABLE chronicle_directory IN EXCLUSIVE MODE");
            locked.countDown();
            await(new CountDownLatch(1), 2_500);
        }));
        holder.start();
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        commit.countDown();
        slow.join(30_000);

        Http.Answer read = Http.local(port).get("/api/v1/chronicles?consistentWith=" + written);
        holder.join(30_000);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().findValuesAsText("chronicleId"))
                .as("the late commit, read once the processors have stored it").contains("late-commit", "after-late-commit");
    }

    private static void await(CountDownLatch latch) {
        await(latch, 30_000);
    }

    private static void await(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
