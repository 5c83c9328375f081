package org.chronicle.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.chronicle.api.Figure;
import org.chronicle.api.Party;
import org.chronicle.api.Period;
import org.chronicle.api.chronicle.Area;
import org.chronicle.api.chronicle.ChronicleDefined;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.chronicle.InitialControl;
import org.chronicle.api.chronicle.Side;
import org.chronicle.api.report.Casualties;
import org.chronicle.api.report.ControlChange;
import org.chronicle.api.report.Extent;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportCorrected;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.api.report.ReportRetracted;
import org.chronicle.api.report.ReportType;
import org.chronicle.api.report.SourceRef;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.ServiceTest;
import org.chronicle.query.Projections;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Blue/green rebuilds: readers keep the complete set while the other one is refilled, are told so
 * by a header, and are switched when it has caught up; every answer before and after is the same.
 * The sets are checked by hand here ({@link Rebuilds#check()}), not on the schedule, so that the
 * moment of the switch is the test's.
 */
@ServiceTest
@TestPropertySource(properties = "chronicle.projections.check-interval=1h")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RebuildTest {

    private static final String CHRONICLE = "/api/v1/chronicles/rastan-2012";
    private static final LocalDate START = LocalDate.of(2012, 1, 29);

    @LocalServerPort
    int port;
    @Autowired
    EventStore events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Rebuilds rebuilds;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ProjectionSets sets;
    Http http;
    long head;

    @BeforeAll
    void recordTheStory() {
        http = Http.local(port);
        Instant at = Instant.parse("2012-02-06T00:00:00Z");
        append("rastan-2012", 0, new ChronicleDefined("rastan-2012", new ChronicleDefinition("Battle of Rastan", null,
                new Period(START, START.plusDays(7)),
                List.of(new Side("fsa", "Free Syrian Army"), new Side("government", "Syrian Arab Republic")),
                List.of(new Area("rastan", "Rastan", null, null), new Area("rastan-west", "West", "rastan", null)),
                List.of(new InitialControl("rastan", "government")))), at);
        append("rastan-2012/dead", 0, new ReportRecorded("rastan-2012", "dead",
                content(ReportType.CASUALTIES, START.plusDays(2), null, 10, null)), at.plusSeconds(1));
        append("rastan-2012/dead", 1, new ReportCorrected("rastan-2012", "dead", 2,
                content(ReportType.CASUALTIES, START.plusDays(2), null, 12, null), "revised", List.of()),
                at.plusSeconds(2));
        append("rastan-2012/claim", 0, new ReportRecorded("rastan-2012", "claim",
                content(ReportType.CASUALTIES, null, new Period(START, START.plusDays(4)), 24, null)), at.plusSeconds(3));
        append("rastan-2012/taken", 0, new ReportRecorded("rastan-2012", "taken",
                content(ReportType.CONTROL_CHANGE, START.plusDays(3), null, 0, new ControlChange("fsa", Extent.PARTIAL))),
                at.plusSeconds(4));
        append("rastan-2012/doubt", 0, new ReportRecorded("rastan-2012", "doubt",
                content(ReportType.CASUALTIES, START.plusDays(3), null, 50, null)), at.plusSeconds(5));
        append("rastan-2012/doubt", 1, new ReportRetracted("rastan-2012", "doubt", 2, "unsourced"), at.plusSeconds(6));
        head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
    }

    @Test
    void aRebuildServesTheCompleteSetUntilItSwitchesAndChangesNoAnswer() {
        List<JsonNode> before = answers();
        assertThat(before.get(0).toString()).contains("\"cumulativeKilled\"");
        assertThat(projection(Projections.CASUALTIES).path("activeSet").asText()).isEqualTo("BLUE");
        long blueRows = rows("casualty_figure");

        Http.Answer started = http.asAdmin().post("/api/v1/admin/projections/casualties/rebuild", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("replaying").asBoolean()).isTrue();
        assertThat(http.asAdmin().post("/api/v1/admin/projections/casualties/rebuild", "").status())
                .as("one rebuild at a time").isEqualTo(409);

        Http.Answer during = http.get(CHRONICLE + "/days/" + START.plusDays(4));
        assertThat(during.header("Chronicle-Rebuilding")).isEqualTo("casualties");
        assertThat(rows("casualty_figure")).as("the reset cleared the other set only").isEqualTo(blueRows);
        assertThat(answers()).as("readers keep the complete set meanwhile").isEqualTo(before);

        loaded(Projections.CASUALTIES);
        assertThat(answers()).as("readers keep the complete set while the rebuilt one is handed over").isEqualTo(before);
        rebuilds.check();
        caughtUp(TableSet.GREEN.processor(Projections.CASUALTIES));
        rebuilds.check();

        assertThat(projection(Projections.CASUALTIES).path("activeSet").asText()).isEqualTo("GREEN");
        assertThat(projection(Projections.CASUALTIES).path("replaying").asBoolean()).isFalse();
        assertThat(http.get(CHRONICLE + "/days/" + START.plusDays(4)).header("Chronicle-Rebuilding")).isNull();
        assertThat(rows("casualty_figure_green")).isEqualTo(blueRows);
        assertThat(answers()).as("the rebuilt set answers the same").isEqualTo(before);
    }

    /**
     * The sets are checked on a schedule while rebuilds are started over HTTP: a check between a
     * rebuild's mark and its reset must not start the processor under the reset. Every projection
     * is rebuilt twice, so each ends on the set it began on.
     */
    @Test
    void rebuildsStartedWhileTheSetsAreCheckedStartCleanlyAndChangeNoAnswer() throws Exception {
        List<JsonNode> before = answers();
        AtomicBoolean stop = new AtomicBoolean();
        Thread checking = new Thread(() -> {
            while (!stop.get()) {
                rebuilds.check();
            }
        });
        checking.start();
        try {
            for (int round = 0; round < 2; round++) {
                for (String name : List.of(Projections.CHRONICLES, Projections.CASUALTIES, Projections.CONTROL,
                        Projections.REPORTS)) {
                    Http.Answer started = http.asAdmin().post("/api/v1/admin/projections/" + name + "/rebuild", "");
                    assertThat(started.status()).as(name + ": " + started.body()).isEqualTo(202);
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (projection(name).path("replaying").asBoolean()) {
                        assertThat(System.nanoTime()).as(name + " switches").isLessThan(deadline);
                        pause();
                    }
                }
            }
        } finally {
            stop.set(true);
            checking.join();
        }
        assertThat(answers()).isEqualTo(before);
    }

    /**
     * A crash between a batch's rows and its token: the processor sees those events again. Here
     * every token of the active sets is rolled back to the start, and all events are handled a
     * second time on top of the rows they wrote.
     */
    @Test
    void eventsHandledAgainAfterARolledBackTokenChangeNothing() {
        List<JsonNode> before = answers();
        for (String projection : List.of(Projections.CHRONICLES, Projections.CASUALTIES, Projections.CONTROL,
                Projections.REPORTS)) {
            String name = sets.active(projection).processor(projection);
            StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                    .orElseThrow();
            processor.shutDown();
            jdbc.update("UPDATE token_entry SET token = NULL, token_type = NULL WHERE processor_name = ?", name);
            processor.start();
            caughtUp(name);
        }
        assertThat(answers()).isEqualTo(before);
    }

    @Test
    void theListShowsEveryProjectionWithItsProgress() {
        answers();
        JsonNode all = http.asAdmin().get("/api/v1/admin/projections").json();
        assertThat(all.findValuesAsText("name")).containsExactlyInAnyOrder(Projections.CHRONICLES, Projections.CASUALTIES, Projections.CONTROL, Projections.REPORTS);
        for (JsonNode projection : all) {
            assertThat(projection.path("headPosition").asLong()).isGreaterThanOrEqualTo(head);
            assertThat(projection.has("position")).isTrue();
            assertThat(projection.has("progress")).isTrue();
        }
        assertThat(http.asAdmin().post("/api/v1/admin/projections/nothing/rebuild", "").status()).isEqualTo(404);
        assertThat(http.post("/api/v1/admin/projections/casualties/rebuild", "").status()).isEqualTo(401);
    }

    /** Every day's state and the list of days, without the instant each answer echoes. */
    private List<JsonNode> answers() {
        List<JsonNode> answers = new ArrayList<>();
        Http.Answer days = http.getUntil(CHRONICLE + "/days?consistentWith=" + head, a -> a.status() == 200,
                Duration.ofSeconds(20));
        answers.add(days.json());
        for (LocalDate day = START; !day.isAfter(START.plusDays(7)); day = day.plusDays(1)) {
            ObjectNode state = (ObjectNode) http.get(CHRONICLE + "/days/" + day).json();
            state.remove("asKnownAt");
            answers.add(state);
        }
        return answers;
    }

    private JsonNode projection(String name) {
        for (JsonNode projection : http.asAdmin().get("/api/v1/admin/projections").json()) {
            if (projection.path("name").asText().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError("No projection " + name);
    }

    /** Waits for the bulk load of the rebuild, which runs on a thread of its own, to hand the set over. */
    private void loaded(String projection) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (sets.state(projection).loading()) {
            assertThat(System.nanoTime()).as(projection + " is loaded").isLessThan(deadline);
            pause();
        }
    }

    private void caughtUp(String processor) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (rebuildsReached(processor) < head) {
            assertThat(System.nanoTime()).as(processor + " catches up").isLessThan(deadline);
            pause();
        }
    }

    private long rebuildsReached(String processor) {
        return processing.eventProcessor(processor, StreamingEventProcessor.class).orElseThrow()
                .processingStatus().values().stream()
                .mapToLong(status -> status.getTrackingToken() == null ? -1
                        : status.getTrackingToken().position().orElse(-1))
                .min().orElse(-1);
    }

    private long rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static ReportContent content(ReportType type, LocalDate date, Period period, long killed,
                                         ControlChange control) {
        return new ReportContent(type, date, null, period, "rastan-west", "A report",
                List.of(new SourceRef("A source", "AFP", START, null)),
                type == ReportType.CASUALTIES ? List.of(new Casualties(Party.CIVILIANS, Figure.exactly(killed), null))
                        : List.of(), null, null, control, null);
    }

    private void append(String aggregateId, long sequence, Object event, Instant at) {
        events.publish(new GenericDomainEventMessage<>("Test", aggregateId, sequence, event, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at));
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
