package org.chronicle.command.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.chronicle.api.Figure;
import org.chronicle.api.Party;
import org.chronicle.api.Period;
import org.chronicle.api.Recorded;
import org.chronicle.api.Refusal;
import org.chronicle.api.report.Casualties;
import org.chronicle.api.report.ControlChange;
import org.chronicle.api.report.CorrectReport;
import org.chronicle.api.report.MarkDuplicate;
import org.chronicle.api.report.RecordReport;
import org.chronicle.api.report.ReinstateReport;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportCorrected;
import org.chronicle.api.report.ReportKey;
import org.chronicle.api.report.ReportMarkedDuplicate;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.api.report.ReportReinstated;
import org.chronicle.api.report.ReportRetracted;
import org.chronicle.api.report.ReportType;
import org.chronicle.api.report.RetractReport;
import org.chronicle.api.report.Shelling;
import org.chronicle.api.report.SourceRef;
import org.chronicle.command.chronicle.Definitions;
import org.chronicle.command.chronicle.KnownChronicles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final ReportKey KEY = new ReportKey("rastan-2012", "r-0131-building");
    private static final LocalDate JAN_31 = LocalDate.of(2012, 1, 31);
    private final KnownChronicles known = new KnownChronicles().with("rastan-2012", Definitions.rastan());
    private FixtureConfiguration<Report> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Report.class);
        fixture.registerInjectableResource(known);
    }

    @Test
    void aValidReportIsRecorded() {
        ReportContent content = casualties(Figure.exactly(10));
        fixture.givenNoPriorActivity()
                .when(new RecordReport(KEY, content))
                .expectEvents(new ReportRecorded("rastan-2012", "r-0131-building", content))
                .expectResultMessagePayload(RecordingOutcome.RECORDED);
    }

    @Test
    void theSameReportAgainRecordsNothing() {
        ReportContent content = casualties(Figure.exactly(10));
        fixture.given(new ReportRecorded("rastan-2012", "r-0131-building", content))
                .when(new RecordReport(KEY, content))
                .expectNoEvents()
                .expectResultMessagePayload(RecordingOutcome.ALREADY_RECORDED);
    }

    @Test
    void anotherReportUnderATakenIdIsAConflict() {
        fixture.given(new ReportRecorded("rastan-2012", "r-0131-building", casualties(Figure.exactly(10))))
                .when(new RecordReport(KEY, casualties(Figure.exactly(20))))
                .expectNoEvents()
                .expectException(Refusal.Conflict.class);
    }

    @Test
    void aReportInAnUnknownChronicleIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new RecordReport(new ReportKey("homs-2012", "r1"), casualties(Figure.exactly(1))))
                .expectNoEvents()
                .expectException(Refusal.NotFound.class);
    }

    @Test
    void aBrokenFigureIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordReport(KEY, casualties(new Figure(5, 3, 10L))))
                .expectNoEvents()
                .expectException(Refusal.Invalid.class);
    }

    @Test
    void theRulesNameEveryBrokenField() {
        ReportContent content = new ReportContent(ReportType.CASUALTIES, LocalDate.of(2011, 12, 1), null,
                new Period(JAN_31, JAN_31), "homs", "", List.of(new SourceRef("", null, null, null)),
                List.of(new Casualties(new Party("rebels"), new Figure(-1, 0, 0L), null),
                        new Casualties(Party.CIVILIANS, new Figure(1, 2, 1L), null)),
                new Shelling("government", "TANK", null, null), null, null, null);
        assertThat(ReportRules.check(Definitions.rastan(), content, "")).extracting(v -> v.field())
                .containsExactlyInAnyOrder("period", "area", "summary", "sources[0].name",
                        "casualties[0].party", "casualties[0].killed.low", "casualties[1].killed.high", "shelling");
    }

    @Test
    void aDateMustLieInTheChroniclesPeriod() {
        ReportContent early = new ReportContent(ReportType.CASUALTIES, LocalDate.of(2012, 1, 28), null, null,
                "rastan", "Too early", sources(), List.of(), null, null, null, null);
        assertThat(ReportRules.check(Definitions.rastan(), early, "")).extracting(v -> v.field())
                .containsExactly("date");
    }

    @Test
    void aControlChangeNeedsItsBlockAndADate() {
        ReportContent noBlock = new ReportContent(ReportType.CONTROL_CHANGE, null, null,
                new Period(JAN_31, JAN_31), "rastan", "FSA takes the city", sources(), List.of(),
                null, null, null, null);
        assertThat(ReportRules.check(Definitions.rastan(), noBlock, "report.")).extracting(v -> v.field())
                .containsExactlyInAnyOrder("report.period", "report.control");
        ReportContent unknownSide = new ReportContent(ReportType.CONTROL_CHANGE, JAN_31, null, null, "rastan",
                "FSA takes the city", sources(), List.of(), null, null, new ControlChange("rebels", null), null);
        assertThat(ReportRules.check(Definitions.rastan(), unknownSide, "")).extracting(v -> v.field())
                .containsExactlyInAnyOrder("control.to", "control.extent");
    }

    @Test
    void aCorrectionIsANewVersionWithItsReasonAndSources() {
        ReportContent corrected = casualties(Figure.exactly(12));
        fixture.given(recorded())
                .when(new CorrectReport(KEY, corrected, "AFP revised the toll", sources(), 1L))
                .expectEvents(new ReportCorrected("rastan-2012", "r-0131-building", 2, corrected,
                        "AFP revised the toll", sources()))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aStaleExpectedVersionIsAConflict() {
        fixture.given(recorded(), new ReportRetracted("rastan-2012", "r-0131-building", 2, "doubtful"),
                        new ReportReinstated("rastan-2012", "r-0131-building", 3, "confirmed"))
                .when(new CorrectReport(KEY, casualties(Figure.exactly(12)), "revised", List.of(), 2L))
                .expectNoEvents()
                .expectException(Refusal.Conflict.class);
    }

    @Test
    void aCorrectionNamesTheFieldsOfTheCorrectedReport() {
        ReportContent broken = casualties(new Figure(3, 2, 2L));
        fixture.given(recorded())
                .when(new CorrectReport(KEY, broken, "", List.of(), null))
                .expectNoEvents()
                .expectException(Refusal.Invalid.class);
        assertThat(ReportRules.check(Definitions.rastan(), broken, "report.")).extracting(v -> v.field())
                .containsExactly("report.casualties[0].killed.best");
    }

    @Test
    void aRetractedReportIsReinstatedBeforeItIsCorrected() {
        fixture.given(recorded(), new ReportRetracted("rastan-2012", "r-0131-building", 2, "doubtful"))
                .when(new CorrectReport(KEY, casualties(Figure.exactly(12)), "revised", List.of(), null))
                .expectNoEvents()
                .expectException(Refusal.Conflict.class);
        fixture.given(recorded(), new ReportRetracted("rastan-2012", "r-0131-building", 2, "doubtful"))
                .when(new ReinstateReport(KEY, "confirmed by a second source", null))
                .expectEvents(new ReportReinstated("rastan-2012", "r-0131-building", 3, "confirmed by a second source"));
    }

    @Test
    void retractingTwiceOrReinstatingAnActiveReportIsAConflict() {
        fixture.given(recorded(), new ReportRetracted("rastan-2012", "r-0131-building", 2, "doubtful"))
                .when(new RetractReport(KEY, "still doubtful", null))
                .expectNoEvents()
                .expectException(Refusal.Conflict.class);
        fixture.given(recorded())
                .when(new ReinstateReport(KEY, "nothing to undo", null))
                .expectNoEvents()
                .expectException(Refusal.Conflict.class);
    }

    @Test
    void aRetractionNeedsAReason() {
        fixture.given(recorded())
                .when(new RetractReport(KEY, " ", null))
                .expectNoEvents()
                .expectException(Refusal.Invalid.class);
    }

    @Test
    void aDuplicatePointsAtAnotherRecordedOriginal() {
        known.withReport("rastan-2012", "r-afp", null).withReport("rastan-2012", "r-copy", "r-afp");
        fixture.given(recorded())
                .when(new MarkDuplicate(KEY, "r-afp", "the same building as AFP's", null))
                .expectEvents(new ReportMarkedDuplicate("rastan-2012", "r-0131-building", 2, "r-afp",
                        "the same building as AFP's"));
        fixture.given(recorded())
                .when(new MarkDuplicate(KEY, "r-copy", "same", null))
                .expectNoEvents()
                .expectException(Refusal.Conflict.class);
        fixture.given(recorded())
                .when(new MarkDuplicate(KEY, "r-unknown", "same", null))
                .expectNoEvents()
                .expectException(Refusal.Invalid.class);
        fixture.given(recorded())
                .when(new MarkDuplicate(KEY, "r-0131-building", "itself", null))
                .expectNoEvents()
                .expectException(Refusal.Invalid.class);
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheVersionItMade() {
        ReportContent corrected = casualties(Figure.exactly(12));
        Map<String, String> first = Map.of(Recorded.IDEMPOTENCY_KEY, "k-1", Recorded.REQUEST_DIGEST, "d-1");
        fixture.given(recorded(), GenericEventMessage.asEventMessage(new ReportCorrected("rastan-2012",
                        "r-0131-building", 2, corrected, "revised", List.of())).andMetaData(first))
                .when(new CorrectReport(KEY, corrected, "revised", List.of(), 1L), first)
                .expectNoEvents()
                .expectResultMessagePayload(2L);
        fixture.given(recorded(), GenericEventMessage.asEventMessage(new ReportCorrected("rastan-2012",
                        "r-0131-building", 2, corrected, "revised", List.of())).andMetaData(first))
                .when(new RetractReport(KEY, "other", null),
                        Map.of(Recorded.IDEMPOTENCY_KEY, "k-1", Recorded.REQUEST_DIGEST, "d-2"))
                .expectNoEvents()
                .expectException(Refusal.Conflict.class);
    }

    private static ReportRecorded recorded() {
        return new ReportRecorded("rastan-2012", "r-0131-building", casualties(Figure.exactly(10)));
    }

    private static ReportContent casualties(Figure killed) {
        return new ReportContent(ReportType.CASUALTIES, JAN_31, null, null, "rastan",
                "Tank fire brought down a building", sources(),
                List.of(new Casualties(Party.CIVILIANS, killed, Figure.exactly(15))), null, null, null, null);
    }

    private static List<SourceRef> sources() {
        return List.of(new SourceRef("Syrian forces kill 10 in rebel town", "AFP", JAN_31, null));
    }
}
