package org.chronicle.command.report;

import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.chronicle.api.Ids;
import org.chronicle.api.Refusal;
import org.chronicle.api.report.RecordReport;
import org.chronicle.api.report.ReportKey;
import org.chronicle.platform.eventstore.EventPositions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/chronicles/{chronicleId}/reports")
class ReportController {

    private final CommandGateway commands;
    private final EventPositions positions;

    ReportController(CommandGateway commands, EventPositions positions) {
        this.commands = commands;
        this.positions = positions;
    }

    /** Records a report: 201 when new, 200 with the first answer when the same report is sent again. */
    @PostMapping
    ResponseEntity<Written> record(@PathVariable String chronicleId, @RequestBody ReportRequest request) {
        String reportId = request.reportId() == null ? UUID.randomUUID().toString() : request.reportId();
        if (!Ids.isValid(reportId)) {
            throw new Refusal.Invalid("reportId", "must be 1-100 letters, digits, '-', '_' or '.'");
        }
        ReportKey key = new ReportKey(chronicleId, reportId);
        RecordingOutcome outcome = send(new RecordReport(key, request.content()));
        Written written = positions.find(key.toString(), 0)
                .map(e -> new Written(reportId, e.version(), e.recordedAt().toString(), e.position()))
                .orElseThrow();
        return outcome == RecordingOutcome.RECORDED
                ? ResponseEntity.created(URI.create("/api/v1/chronicles/" + chronicleId + "/reports/" + reportId))
                        .body(written)
                : ResponseEntity.ok(written);
    }

    /**
     * Two clients recording the same new id at once: the store's unique key lets one append win,
     * and the loser's retry then meets the recorded report and answers as a repeat would.
     */
    private RecordingOutcome send(RecordReport command) {
        try {
            return commands.sendAndWait(command);
        } catch (ConcurrencyException raced) {
            return commands.sendAndWait(command);
        }
    }

    record Written(String reportId, long version, String recordedAt, long position) {
    }
}
