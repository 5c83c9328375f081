package org.chronicle.query.replay;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chronicle.api.Figure;
import org.chronicle.api.Refusal;
import org.chronicle.api.chronicle.ChronicleDefinition;
import java.time.Instant;
import org.chronicle.query.AsOf;
import org.chronicle.query.ProjectionProgress;
import org.chronicle.query.casualties.CasualtyLedger;
import org.chronicle.query.casualties.PartyCasualties;
import org.chronicle.query.control.AreaControl;
import org.chronicle.query.control.ControlBook;
import org.chronicle.query.report.ReportVersions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/chronicles/{chronicleId}/days")
class DayController {

    private final DayStates states;
    private final CasualtyLedger casualties;
    private final ControlBook control;
    private final ReportVersions reports;
    private final ProjectionProgress progress;

    DayController(DayStates states, CasualtyLedger casualties, ControlBook control, ReportVersions reports,
                  ProjectionProgress progress) {
        this.states = states;
        this.casualties = casualties;
        this.control = control;
        this.reports = reports;
        this.progress = progress;
    }

    /**
     * One row per day of the period, days without reports included: each read model is read once
     * for the whole period, and the rules swept over the days in order.
     */
    @GetMapping
    List<DaySummary> days(@PathVariable String chronicleId, AsOf asOf,
                          @RequestParam(required = false) Long consistentWith) {
        progress.await(consistentWith);
        ChronicleDefinition chronicle = states.chronicle(chronicleId, asOf);
        Map<LocalDate, Integer> counts = reports.countsByDay(chronicleId, asOf);
        Map<LocalDate, List<AreaControl>> controllers = control.eachDay(chronicleId, chronicle, asOf);
        Map<LocalDate, Map<String, PartyCasualties>> days = casualties.dayEachDay(chronicleId, asOf);
        Map<LocalDate, Map<String, PartyCasualties>> cumulative = casualties.cumulativeEachDay(chronicleId, chronicle,
                asOf);
        return chronicle.period().days().map(day -> new DaySummary(day, counts.getOrDefault(day, 0),
                        sides(controllers.get(day)), killed(days.getOrDefault(day, Map.of())),
                        killed(cumulative.get(day))))
                .toList();
    }

    /** The state of one day of the chronicle. */
    @GetMapping("/{date}")
    DayStates.DayState day(@PathVariable String chronicleId,
                           @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                           AsOf asOf, @RequestParam(required = false) Long consistentWith) {
        progress.await(consistentWith);
        ChronicleDefinition chronicle = states.chronicle(chronicleId, asOf);
        if (!chronicle.period().contains(date)) {
            throw new Refusal.NotFound(date + " lies outside the period of '" + chronicleId + "', "
                    + chronicle.period().start() + " to " + chronicle.period().end() + ".");
        }
        return states.on(chronicleId, chronicle, date, asOf, Instant.now());
    }

    private static Map<String, String> sides(List<AreaControl> control) {
        Map<String, String> sides = new LinkedHashMap<>();
        control.forEach(c -> sides.put(c.area(), c.side()));
        return sides;
    }

    private static Map<String, Figure> killed(Map<String, PartyCasualties> casualties) {
        Map<String, Figure> killed = new TreeMap<>();
        casualties.forEach((party, c) -> {
            if (c.killed() != null) {
                killed.put(party, c.killed());
            }
        });
        return killed;
    }

    record DaySummary(LocalDate date, int reportCount, Map<String, String> control, Map<String, Figure> killed,
                      Map<String, Figure> cumulativeKilled) {
    }
}
