package org.chronicle.query.replay;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.chronicle.api.Refusal;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.query.casualties.CasualtyLedger;
import org.chronicle.query.casualties.PartyCasualties;
import org.chronicle.query.chronicle.ChronicleDirectory;
import org.chronicle.query.control.AreaControl;
import org.chronicle.query.control.ControlBook;
import org.chronicle.query.report.DayReport;
import org.chronicle.query.report.ReportSummaries;
import org.springframework.stereotype.Component;

/** The state of a day, put together from the read models: control, casualties, claims and reports. */
@Component
class DayStates {

    private final ChronicleDirectory chronicles;
    private final CasualtyLedger casualties;
    private final ControlBook control;
    private final ReportSummaries reports;

    DayStates(ChronicleDirectory chronicles, CasualtyLedger casualties, ControlBook control, ReportSummaries reports) {
        this.chronicles = chronicles;
        this.casualties = casualties;
        this.control = control;
        this.reports = reports;
    }

    ChronicleDefinition chronicle(String chronicleId) {
        return chronicles.find(chronicleId)
                .orElseThrow(() -> new Refusal.NotFound("No chronicle '" + chronicleId + "'."));
    }

    DayState on(String chronicleId, ChronicleDefinition chronicle, LocalDate day) {
        return new DayState(chronicleId, day, control.on(chronicleId, day, chronicle),
                new DayCasualties(casualties.day(chronicleId, day), casualties.cumulative(chronicleId, day, chronicle)),
                reports.claimsOver(chronicleId, day), reports.datedOn(chronicleId, day));
    }

    record DayState(String chronicleId, LocalDate date, List<AreaControl> control, DayCasualties casualties,
                    List<DayReport> periodClaims, List<DayReport> reports) {
    }

    record DayCasualties(Map<String, PartyCasualties> day, Map<String, PartyCasualties> cumulative) {
    }
}
