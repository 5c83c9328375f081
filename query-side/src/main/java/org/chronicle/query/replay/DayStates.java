package org.chronicle.query.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.chronicle.api.Refusal;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.query.AsOf;
import org.chronicle.query.casualties.CasualtyLedger;
import org.chronicle.query.casualties.PartyCasualties;
import org.chronicle.query.chronicle.ChronicleDirectory;
import org.chronicle.query.control.AreaControl;
import org.chronicle.query.control.ControlBook;
import org.chronicle.query.report.DayReport;
import org.chronicle.query.report.ReportVersions;
import org.springframework.stereotype.Component;

/** The state of a day, put together from the read models: control, casualties, claims and reports. */
@Component
class DayStates {

    private final ChronicleDirectory chronicles;
    private final CasualtyLedger casualties;
    private final ControlBook control;
    private final ReportVersions reports;

    DayStates(ChronicleDirectory chronicles, CasualtyLedger casualties, ControlBook control, ReportVersions reports) {
        this.chronicles = chronicles;
        this.casualties = casualties;
        this.control = control;
        this.reports = reports;
    }

    /** The chronicle's definition as it stood then; unknown before it was first defined. */
    ChronicleDefinition chronicle(String chronicleId, AsOf asOf) {
        return chronicles.find(chronicleId, asOf).orElseThrow(() -> new Refusal.NotFound(asOf.knownAt() == null
                ? "No chronicle '" + chronicleId + "'."
                : "No chronicle '" + chronicleId + "' as known at " + asOf.knownAt() + "."));
    }

    DayState on(String chronicleId, ChronicleDefinition chronicle, LocalDate day, AsOf asOf, Instant answeredAt) {
        return new DayState(chronicleId, day, asOf.knownAt() == null ? answeredAt : asOf.knownAt(), asOf.reportedBy(),
                control.on(chronicleId, day, chronicle, asOf),
                new DayCasualties(casualties.day(chronicleId, day, asOf),
                        casualties.cumulative(chronicleId, day, chronicle, asOf)),
                reports.claimsOver(chronicleId, day, asOf), reports.datedOn(chronicleId, day, asOf));
    }

    /**
     * One day as the chronicle held it at {@code asKnownAt} (the instant asked for, or the moment
     * of the answer) and, when asked, as reported by {@code asReportedBy}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DayState(String chronicleId, LocalDate date, Instant asKnownAt, LocalDate asReportedBy,
                    List<AreaControl> control, DayCasualties casualties, List<DayReport> periodClaims,
                    List<DayReport> reports) {
    }

    record DayCasualties(Map<String, PartyCasualties> day, Map<String, PartyCasualties> cumulative) {
    }
}
