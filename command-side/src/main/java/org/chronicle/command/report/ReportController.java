package org.chronicle.command.report;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.chronicle.api.Ids;
import org.chronicle.api.Recorded;
import org.chronicle.api.Refusal;
import org.chronicle.api.report.CorrectReport;
import org.chronicle.api.report.MarkDuplicate;
import org.chronicle.api.report.RecordReport;
import org.chronicle.api.report.ReinstateReport;
import org.chronicle.api.report.ReportKey;
import org.chronicle.api.report.RetractReport;
import org.chronicle.platform.eventstore.EventPositions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/chronicles/{chronicleId}/reports")
class ReportController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY_SHAPE = Pattern.compile("[\\x21-\\x7e]{1,200}");
    /** Concurrent writers of one report without an expected version: how often to try again. */
    private static final int ATTEMPTS = 3;

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
            throw new Refusal.Invalid("reportId", Ids.RULE);
        }
        ReportKey key = new ReportKey(chronicleId, reportId);
        RecordingOutcome outcome;
        Written written;
        try (EventPositions.Watch appends = EventPositions.watch()) {
            outcome = sendRetrying(GenericCommandMessage.asCommandMessage(new RecordReport(key, request.content())));
            written = written(key, 1);
        }
        return outcome == RecordingOutcome.RECORDED
                ? ResponseEntity.created(location(key)).body(written)
                : ResponseEntity.ok(written);
    }

    @PostMapping("/{reportId}/corrections")
    ResponseEntity<Written> correct(@PathVariable String chronicleId, @PathVariable String reportId,
                                    @RequestBody LaterEventRequests.Correction request,
                                    @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        ReportKey key = new ReportKey(chronicleId, reportId);
        return later(key, new CorrectReport(key, request.report(), request.reason(), request.sources(),
                request.expectedVersion()), idempotencyKey, "correction", request);
    }

    @PostMapping("/{reportId}/retraction")
    ResponseEntity<Written> retract(@PathVariable String chronicleId, @PathVariable String reportId,
                                    @RequestBody LaterEventRequests.Reasoned request,
                                    @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        ReportKey key = new ReportKey(chronicleId, reportId);
        return later(key, new RetractReport(key, request.reason(), request.expectedVersion()), idempotencyKey,
                "retraction", request);
    }

    @PostMapping("/{reportId}/reinstatement")
    ResponseEntity<Written> reinstate(@PathVariable String chronicleId, @PathVariable String reportId,
                                      @RequestBody LaterEventRequests.Reasoned request,
                                      @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        ReportKey key = new ReportKey(chronicleId, reportId);
        return later(key, new ReinstateReport(key, request.reason(), request.expectedVersion()), idempotencyKey,
                "reinstatement", request);
    }

    @PostMapping("/{reportId}/duplicate-of")
    ResponseEntity<Written> markDuplicate(@PathVariable String chronicleId, @PathVariable String reportId,
                                          @RequestBody LaterEventRequests.Duplicate request,
                                          @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        ReportKey key = new ReportKey(chronicleId, reportId);
        return later(key, new MarkDuplicate(key, request.duplicateOf(), request.reason(), request.expectedVersion()),
                idempotencyKey, "duplicate-of", request);
    }

    /** A later event on an existing report: 201 with its version, or the first answer to a repeated key. */
    private ResponseEntity<Written> later(ReportKey key, Object command, String idempotencyKey, String kind,
                                         Object request) {
        Map<String, Object> metaData = new HashMap<>();
        if (idempotencyKey != null) {
            if (!KEY_SHAPE.matcher(idempotencyKey).matches()) {
                throw new Refusal.Invalid(IDEMPOTENCY_KEY, "must be 1-200 visible ASCII characters");
            }
            metaData.put(Recorded.IDEMPOTENCY_KEY, idempotencyKey);
            metaData.put(Recorded.REQUEST_DIGEST, RequestDigest.of(kind, request));
        }
        try (EventPositions.Watch appends = EventPositions.watch()) {
            long version = sendRetrying(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            return ResponseEntity.status(HttpStatus.CREATED).location(location(key)).body(written(key, version));
        } catch (AggregateNotFoundException e) {
            throw new Refusal.NotFound("No report '" + key.reportId() + "' in chronicle '" + key.chronicleId() + "'.");
        }
    }

    /**
     * Two writers of one report at once, which happens between command-side processes (within one,
     * Axon locks the aggregate): the store's unique key lets one append win, and the loser tries
     * again on the new state. That state decides: a repeat of the same report or of the same
     * Idempotency-Key gets the first answer, even when it raced the very request it repeats; an
     * expected version that no longer holds is a 409 from the report itself.
     */
    private <R> R sendRetrying(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(command);
            } catch (ConcurrencyException | AggregateStreamCreationException raced) {
                if (attempt == ATTEMPTS) {
                    throw new Refusal.Conflict("The report changed while this request was handled; read it again and retry.");
                }
            }
        }
    }

    private Written written(ReportKey key, long version) {
        return positions.find(key.toString(), version - 1)
                .map(e -> new Written(key.reportId(), e.version(), e.recordedAt().toString(), e.position()))
                .orElseThrow();
    }

    private static URI location(ReportKey key) {
        return URI.create("/api/v1/chronicles/" + key.chronicleId() + "/reports/" + key.reportId());
    }

    record Written(String reportId, long version, String recordedAt, long position) {
    }
}
