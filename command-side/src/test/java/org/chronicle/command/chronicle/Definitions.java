package org.chronicle.command.chronicle;

import java.time.LocalDate;
import java.util.List;
import org.chronicle.api.Period;
import org.chronicle.api.chronicle.Area;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.chronicle.InitialControl;
import org.chronicle.api.chronicle.Place;
import org.chronicle.api.chronicle.Side;

/** Chronicle definitions for tests, from the Rastan story. */
public final class Definitions {

    private Definitions() {
    }

    public static ChronicleDefinition rastan() {
        return new ChronicleDefinition("Battle of Rastan",
                new Place("Rastan, Homs Governorate, Syria", 34.91525, 36.735485),
                new Period(LocalDate.of(2012, 1, 29), LocalDate.of(2012, 5, 31)),
                List.of(new Side("fsa", "Free Syrian Army"), new Side("government", "Syrian Arab Republic")),
                List.of(new Area("rastan", "Rastan", null, null),
                        new Area("rastan-west", "Western neighbourhoods", "rastan", null),
                        new Area("rastan-suburbs", "Suburbs", null, null)),
                List.of(new InitialControl("rastan", "government")));
    }
}
