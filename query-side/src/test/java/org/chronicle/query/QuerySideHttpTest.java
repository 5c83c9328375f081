package org.chronicle.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
import org.chronicle.api.report.ReportType;
import org.chronicle.api.report.SourceRef;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.ServiceTest;
import org.chronicle.query.projection.TableSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read side alone on a real PostgreSQL: events appended to the store (as the command side
 * would) are projected, and a day answers the sums of counting rule 2.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuerySideHttpTest {

    private static final LocalDate JAN_31 = LocalDate.of(2012, 1, 31);
    private static final String DAY = "/api/v1/chronicles/rastan-2012/days/2012-01-31";


    @LocalServerPort
    int port;
    @Autowired
    EventStore events;
    @Autowired
    JdbcTemplate jdbc;
    Http http;

    @BeforeAll
    void recordTheStory() {
        append("rastan-2012", new ChronicleDefined("rastan-2012", new ChronicleDefinition("Battle of Rastan", null,
                new Period(LocalDate.of(2012, 1, 29), LocalDate.of(2012, 5, 31)),
                List.of(new Side("fsa", "Free Syrian Army"), new Side("government", "Syrian Arab Republic")),
                List.of(new Area("rastan", "Rastan", null, null)), List.of())));
        report("r1", JAN_31, null, new Casualties(Party.CIVILIANS, Figure.exactly(5), Figure.exactly(2)),
                new Casualties(new Party("fsa"), new Figure(2, 3, null), null));
        report("r2", JAN_31, null, new Casualties(Party.CIVILIANS, Figure.exactly(10), null),
                new Casualties(new Party("fsa"), Figure.exactly(1), null));
        report("r3", LocalDate.of(2012, 2, 1), null, new Casualties(new Party("government"), Figure.exactly(2), null));
        report("claim", null, new Period(LocalDate.of(2012, 1, 29), JAN_31),
                new Casualties(Party.CIVILIANS, Figure.exactly(20), null));
    }

    @BeforeEach
    void setUp() {
        http = Http.local(port);
    }

    @Test
    void aDaySumsItsReportsPerPartyAndBound() {
        JsonNode day = visible(DAY).json().path("casualties").path("day");

        assertThat(day.path("civilians").path("killed")).isEqualTo(figure(15, 15, "15"));
        assertThat(day.path("fsa").path("killed")).isEqualTo(figure(3, 4, "null"));
        assertThat(day.path("fsa").has("wounded")).as("nobody reported FSA wounded").isFalse();
        assertThat(day.has("government")).as("government dead are dated 1 February").isFalse();
    }

    /**
     * The civilians' wounded: one report says 2, the other says nothing. The sum counts what was
     * reported: absent figures add nothing, so 2 wounded with a known high.
     */
    @Test
    void aFigureNobodyGaveAddsNothing() {
        JsonNode civilians = visible(DAY).json().path("casualties").path("day").path("civilians");
        assertThat(civilians.path("wounded")).isEqualTo(figure(2, 2, "2"));
    }

    @Test
    void aPeriodClaimIsInNoDay() {
        JsonNode day = visible(DAY).json().path("casualties").path("day");
        assertThat(day.path("civilians").path("killed").path("best").asLong())
                .as("the claim of 20 over 29-31 January does not add to the 31st").isEqualTo(15);
    }

    @Test
    void theProjectionsKeepTheirTokensInTheReadModelTables() {
        visible(DAY);
        List<String> bothSets = Projections.ALL.stream()
                .flatMap(p -> java.util.stream.Stream.of(TableSet.BLUE.processor(p), TableSet.GREEN.processor(p)))
                .toList();
        assertThat(jdbc.queryForList("SELECT DISTINCT processor_name FROM token_entry", String.class))
                .containsAll(Projections.ALL)
                .isSubsetOf(bothSets);
    }

    @Test
    void unknownChroniclesAndDaysAreProblems() {
        visible(DAY);
        problem("/api/v1/chronicles/homs-1982/days/2012-01-31", 404);
        problem("/api/v1/chronicles/rastan-2012/days/2013-01-31", 404);
        Answer malformed = problem("/api/v1/chronicles/rastan-2012/days/2012-02-30", 400);
        assertThat(malformed.json().path("errors").findValuesAsText("field")).containsExactly("date");
    }

    private Answer visible(String path) {
        Answer answer = http.getUntil(path, a -> a.status() == 200
                && a.json().path("casualties").path("day").path("civilians").path("killed").path("best").asLong() == 15,
                Duration.ofSeconds(20));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    private Answer problem(String path, int status) {
        Answer answer = http.get(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.isProblem()).isTrue();
        return answer;
    }

    private static JsonNode figure(long low, long best, String high) {
        return new Http.Answer(200, "{\"low\": %d, \"best\": %d, \"high\": %s}".formatted(low, best, high), "", null)
                .json();
    }

    private void report(String id, LocalDate date, Period period, Casualties... casualties) {
        append("rastan-2012/" + id, new ReportRecorded("rastan-2012", id, new ReportContent(ReportType.CASUALTIES,
                date, null, period, "rastan", "A toll", List.of(new SourceRef("A toll", "AFP", JAN_31, null)),
                List.of(casualties), null, null, null, null)));
    }

    private void append(String aggregateId, Object event) {
        events.publish(new GenericDomainEventMessage<>("Test", aggregateId, 0, event));
    }
}
