package org.chronicle.query.replay;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.chronicle.api.Refusal;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.query.ProjectionProgress;
import org.chronicle.query.casualties.CasualtyLedger;
import org.chronicle.query.control.AreaControl;
import org.chronicle.query.control.ControlBook;
import org.chronicle.query.casualties.PartyCasualties;
import org.chronicle.query.chronicle.ChronicleDirectory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/chronicles/{chronicleId}/days")
class DayController {

    private final ChronicleDirectory chronicles;
    private final CasualtyLedger casualties;
    private final ControlBook control;
    private final ProjectionProgress progress;

    DayController(ChronicleDirectory chronicles, CasualtyLedger casualties, ControlBook control,
                  ProjectionProgress progress) {
        this.chronicles = chronicles;
        this.casualties = casualties;
        this.control = control;
        this.progress = progress;
    }

    /** The state of one day of the chronicle. */
    @GetMapping("/{date}")
    DayState day(@PathVariable String chronicleId,
                 @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                 @RequestParam(required = false) Long consistentWith) {
        progress.await(consistentWith);
        ChronicleDefinition chronicle = chronicles.find(chronicleId)
                .orElseThrow(() -> new Refusal.NotFound("No chronicle '" + chronicleId + "'."));
        if (!chronicle.period().contains(date)) {
            throw new Refusal.NotFound(date + " lies outside the period of '" + chronicleId + "', "
                    + chronicle.period().start() + " to " + chronicle.period().end() + ".");
        }
        return new DayState(chronicleId, date, control.on(chronicleId, date, chronicle),
                new DayCasualties(casualties.day(chronicleId, date), casualties.cumulative(chronicleId, date, chronicle)));
    }

    record DayState(String chronicleId, LocalDate date, List<AreaControl> control, DayCasualties casualties) {
    }

    record DayCasualties(Map<String, PartyCasualties> day, Map<String, PartyCasualties> cumulative) {
    }
}
