package org.chronicle.query.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.chronicle.api.Period;
import org.chronicle.api.chronicle.Area;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.chronicle.InitialControl;
import org.chronicle.api.chronicle.Side;
import org.chronicle.api.report.Extent;
import org.junit.jupiter.api.Test;

/** Counting rule 4 by hand, on the Rastan story's areas. */
class ControlRuleTest {

    private static final LocalDate JAN_29 = LocalDate.of(2012, 1, 29);
    private static final LocalDate FEB_1 = LocalDate.of(2012, 2, 1);
    private static final LocalDate FEB_5 = LocalDate.of(2012, 2, 5);
    private final ControlRule rastan = new ControlRule(new ChronicleDefinition("Rastan", null,
            new Period(JAN_29, LocalDate.of(2012, 5, 31)),
            List.of(new Side("fsa", "FSA"), new Side("government", "Government")),
            List.of(new Area("rastan", "Rastan", null, null), new Area("rastan-west", "West", "rastan", null),
                    new Area("rastan-suburbs", "Suburbs", null, null)),
            List.of(new InitialControl("rastan", "government"), new InitialControl("rastan-suburbs", "government"))));

    @Test
    void withoutChangesTheInitialControlHoldsAndIsInheritedBelow() {
        List<AreaControl> control = rastan.on(List.of(), Set.of());
        assertThat(control).containsExactly(
                new AreaControl("rastan", "government", Extent.FULL, JAN_29, false, List.of()),
                new AreaControl("rastan-west", "government", Extent.FULL, JAN_29, false, List.of()),
                new AreaControl("rastan-suburbs", "government", Extent.FULL, JAN_29, false, List.of()));
    }

    /** "Most of the city" on 1 February: the city is the FSA's, contested; its west is not handed over. */
    @Test
    void aPartialChangeOfTheCityDoesNotHandOverItsNeighbourhoods() {
        List<AreaControl> control = rastan.on(List.of(change("r-0201-most", "rastan", FEB_1, Extent.PARTIAL, 5)), Set.of());
        assertThat(control.get(0)).isEqualTo(new AreaControl("rastan", "fsa", Extent.PARTIAL, FEB_1, true,
                List.of("r-0201-most")));
        assertThat(control.get(1)).as("the west keeps its initial controller, contested by the newer partial above")
                .isEqualTo(new AreaControl("rastan-west", "government", Extent.FULL, JAN_29, true, List.of()));
    }

    @Test
    void aFullChangeAboveHandsTheAreasBelowOver() {
        List<AreaControl> control = rastan.on(List.of(
                change("r-0201-most", "rastan", FEB_1, Extent.PARTIAL, 5),
                change("r-0205-all", "rastan", FEB_5, Extent.FULL, 9)), Set.of());
        assertThat(control.get(0)).isEqualTo(new AreaControl("rastan", "fsa", Extent.FULL, FEB_5, false,
                List.of("r-0205-all")));
        assertThat(control.get(1)).isEqualTo(new AreaControl("rastan-west", "fsa", Extent.FULL, FEB_5, false,
                List.of("r-0205-all")));
    }

    @Test
    void onTheSameDateTheReportFirstRecordedLastWins() {
        List<AreaControl> control = rastan.on(List.of(
                change("r-late", "rastan-suburbs", FEB_1, Extent.FULL, 20),
                change("r-early", "rastan-suburbs", FEB_1, Extent.FULL, 3)), Set.of());
        assertThat(control.get(2).decidedBy()).containsExactly("r-late");
    }

    @Test
    void aClashInTheCityContestsItAndTheAreasBelowButNotTheSuburbs() {
        List<AreaControl> control = rastan.on(List.of(), Set.of("rastan"));
        assertThat(control).extracting(AreaControl::contested).containsExactly(true, true, false);
    }

    private static ControlRule.Change change(String reportId, String area, LocalDate day, Extent extent,
                                             long firstPosition) {
        return new ControlRule.Change(reportId, area, day, "fsa", extent, firstPosition);
    }
}
