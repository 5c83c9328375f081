package org.chronicle.query.casualties;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.chronicle.api.Figure;
import org.chronicle.api.Period;
import org.chronicle.api.chronicle.Area;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.chronicle.Side;
import org.junit.jupiter.api.Test;

/** Counting rule 3 by hand, with the cases API.md and the Rastan story give. */
class ReconciliationTest {

    private static final LocalDate JAN_29 = LocalDate.of(2012, 1, 29);
    private static final LocalDate JAN_30 = LocalDate.of(2012, 1, 30);
    private static final LocalDate JAN_31 = LocalDate.of(2012, 1, 31);
    private static final LocalDate FEB_5 = LocalDate.of(2012, 2, 5);
    private final Reconciliation rastan = new Reconciliation(new ChronicleDefinition("Rastan", null,
            new Period(JAN_29, LocalDate.of(2012, 5, 31)), List.of(new Side("fsa", "FSA")),
            List.of(new Area("rastan", "Rastan", null, null), new Area("rastan-west", "West", "rastan", null),
                    new Area("rastan-suburbs", "Suburbs", null, null)), List.of()));

    /** API.md: daily 5 and 10, a claim of 20 over 29-31 January, one of 24 to 5 February: 15, raised to 20, to 24. */
    @Test
    void nestedClaimsRaiseTheCountOnceNotTwice() {
        var cumulative = rastan.cumulative(
                List.of(day(JAN_30, "rastan", 5), day(JAN_31, "rastan", 10)),
                List.of(claim(JAN_29, JAN_31, "rastan", Figure.exactly(20)),
                        claim(JAN_29, FEB_5, "rastan", Figure.exactly(24))));
        assertThat(cumulative.get("civilians").killed()).isEqualTo(Figure.exactly(24));
    }

    @Test
    void aClaimAlreadyMetAddsNothing() {
        var cumulative = rastan.cumulative(List.of(day(JAN_30, "rastan", 25)),
                List.of(claim(JAN_29, JAN_31, "rastan", Figure.exactly(20))));
        assertThat(cumulative.get("civilians").killed()).isEqualTo(Figure.exactly(25));
    }

    @Test
    void aClaimCountsTheDaysOfItsAreaAndTheAreasBelowOnly() {
        var cumulative = rastan.cumulative(
                List.of(day(JAN_30, "rastan-west", 8), day(JAN_30, "rastan-suburbs", 6)),
                List.of(claim(JAN_29, JAN_31, "rastan", Figure.exactly(10))));
        assertThat(cumulative.get("civilians").killed()).as("8 in the city raised to 10, plus 6 outside it")
                .isEqualTo(Figure.exactly(16));
    }

    @Test
    void anUnknownHighInAClaimRaisesNothingAndAnUnknownHighInADayStaysUnknown() {
        var claimedAtLeast = rastan.cumulative(List.of(day(JAN_30, "rastan", 5)),
                List.of(claim(JAN_29, JAN_31, "rastan", Figure.atLeast(20))));
        assertThat(claimedAtLeast.get("civilians").killed()).isEqualTo(new Figure(20, 20, 5L));

        var reportedAtLeast = rastan.cumulative(
                List.of(new Reconciliation.DayFigure(JAN_30, "rastan", "civilians",
                        new PartyCasualties(Figure.atLeast(5), null))),
                List.of(claim(JAN_29, JAN_31, "rastan", Figure.exactly(20))));
        assertThat(reportedAtLeast.get("civilians").killed()).isEqualTo(new Figure(20, 20, null));
    }

    private static Reconciliation.DayFigure day(LocalDate day, String area, long killed) {
        return new Reconciliation.DayFigure(day, area, "civilians", new PartyCasualties(Figure.exactly(killed), null));
    }

    private static Reconciliation.Claim claim(LocalDate start, LocalDate end, String area, Figure killed) {
        return new Reconciliation.Claim(new Period(start, end), area, "civilians", new PartyCasualties(killed, null));
    }
}
