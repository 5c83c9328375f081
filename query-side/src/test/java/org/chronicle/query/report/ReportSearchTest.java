package org.chronicle.query.report;

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
import org.chronicle.api.report.ReportCorrected;
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

/** {@code GET .../reports}: filters, paging, newest first, and the time axes. */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportSearchTest {

    private static final String REPORTS = "/api/v1/chronicles/rastan-2012/reports";
    private static final LocalDate JAN_29 = LocalDate.of(2012, 1, 29);
    private static final Instant FIRST = Instant.parse("2012-02-10T00:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    EventStore events;
    @Autowired
    JdbcTemplate jdbc;
    Http http;

    @BeforeAll
    void record() {
        http = Http.local(port);
        append("rastan-2012", 0, new ChronicleDefined("rastan-2012", new ChronicleDefinition("Battle of Rastan", null,
                new Period(JAN_29, LocalDate.of(2012, 5, 31)), List.of(new Side("fsa", "Free Syrian Army")),
                List.of(new Area("rastan", "Rastan", null, null), new Area("rastan-west", "West", "rastan", null),
                        new Area("rastan-suburbs", "Suburbs", null, null)), List.of())), FIRST);
        report("building", JAN_29.plusDays(2), "rastan-west", "Tank fire brought down a building", 1);
        report("suburbs", JAN_29.plusDays(3), "rastan-suburbs", "Shelling of the suburbs 100% confirmed", 2);
        report("toll", JAN_29.plusDays(6), "rastan", "Activists count the dead", 3);
        append("rastan-2012/toll", 1, new ReportCorrected("rastan-2012", "toll", 2,
                content(JAN_29.plusDays(6), "rastan", "Activists count the dead again"), "recount",
                List.of(new SourceRef("Recount", "SOHR", LocalDate.of(2012, 2, 9), null))), FIRST.plusSeconds(4));
        append("rastan-2012/suburbs", 1, new ReportRetracted("rastan-2012", "suburbs", 2, "unsourced"),
                FIRST.plusSeconds(5));
        long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        http.getUntil(REPORTS + "?consistentWith=" + head, a -> a.status() == 200, Duration.ofSeconds(20));
    }

    @Test
    void newestFirstAndPaged() {
        JsonNode first = http.get(REPORTS + "?size=2").json();
        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(first.path("reports").findValuesAsText("reportId")).containsExactly("toll", "suburbs");
        JsonNode second = http.get(REPORTS + "?size=2&page=1").json();
        assertThat(second.path("reports").findValuesAsText("reportId")).containsExactly("building");
    }

    @Test
    void filtersCombine() {
        assertThat(ids("?area=rastan")).as("an area takes in the areas below it").containsExactly("toll", "building");
        assertThat(ids("?status=RETRACTED")).containsExactly("suburbs");
        assertThat(ids("?status=CORRECTED&type=CASUALTIES")).containsExactly("toll");
        assertThat(ids("?from=2012-02-01&to=2012-02-03")).containsExactly("suburbs");
        assertThat(ids("?q=BUILDING")).as("text, whatever its case").containsExactly("building");
        assertThat(ids("?q=100%25")).as("a % is a character, not a wildcard").containsExactly("suburbs");
        assertThat(ids("?q=afp")).as("sources are searched too").containsExactly("toll", "suburbs", "building");
    }

    @Test
    void asKnownAtAndAsReportedBy() {
        assertThat(ids("?status=RETRACTED&asKnownAt=" + FIRST.plusSeconds(4))).isEmpty();
        assertThat(ids("?asKnownAt=" + FIRST.plusSeconds(2))).containsExactly("suburbs", "building");
        assertThat(ids("?asReportedBy=2012-02-02")).as("the toll was first published on 4 February")
                .containsExactly("suburbs", "building");
        assertThat(ids("?asReportedBy=2012-02-08&status=ACTIVE"))
                .as("the recount was published on the 9th, the retraction recorded on the 10th")
                .containsExactly("toll", "suburbs", "building");
        assertThat(ids("?asReportedBy=2012-02-09&status=CORRECTED")).containsExactly("toll");
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        for (String[] bad : new String[][] {{"?type=RUMOUR", "type"}, {"?status=MAYBE", "status"},
                {"?area=homs", "area"}, {"?size=0", "size"}, {"?size=201", "size"}, {"?page=-1", "page"},
                {"?from=2012-02-30", "from"}, {"?asKnownAt=yesterday", "asKnownAt"},
                {"?asReportedBy=2012-13-01", "asReportedBy"}, {"?from=2012-02-03&to=2012-02-01", "to"}}) {
            Http.Answer answer = http.get(REPORTS + bad[0]);
            assertThat(answer.status()).as(bad[0]).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.json().path("errors").findValuesAsText("field")).as(bad[0]).contains(bad[1]);
        }
        assertThat(http.get("/api/v1/chronicles/homs-1982/reports").status()).isEqualTo(404);
    }

    private List<String> ids(String query) {
        Http.Answer answer = http.get(REPORTS + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("reports").findValuesAsText("reportId");
    }

    private void report(String id, LocalDate date, String area, String summary, int second) {
        append("rastan-2012/" + id, 0, new ReportRecorded("rastan-2012", id, content(date, area, summary)),
                FIRST.plusSeconds(second));
    }

    private static ReportContent content(LocalDate date, String area, String summary) {
        return new ReportContent(ReportType.CASUALTIES, date, null, null, area, summary,
                List.of(new SourceRef("A toll", "AFP", date, null)),
                List.of(new Casualties(Party.CIVILIANS, Figure.exactly(5), null)), null, null, null, null);
    }

    private void append(String aggregateId, long sequence, Object event, Instant at) {
        events.publish(new GenericDomainEventMessage<>("Test", aggregateId, sequence, event, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at));
    }
}
