package org.chronicle.query.report;

import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.chronicle.api.Ids;
import org.chronicle.api.Refusal;
import org.chronicle.api.report.ReportKey;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET .../reports/{reportId}}: read from the report's own stream in the event store rather
 * than from a projection, so that a client reads its write at once, in any deployment.
 */
@RestController
@RequestMapping("/api/v1/chronicles/{chronicleId}/reports")
class ReportHistoryController {

    private final EventStore events;

    ReportHistoryController(EventStore events) {
        this.events = events;
    }

    @GetMapping("/{reportId}")
    ReportHistory report(@PathVariable String chronicleId, @PathVariable String reportId,
                         @RequestParam(required = false) Instant asKnownAt) {
        if (!Ids.isValid(chronicleId) || !Ids.isValid(reportId)) {
            throw notFound(chronicleId, reportId);
        }
        List<? extends DomainEventMessage<?>> stream = events.readEvents(new ReportKey(chronicleId, reportId).toString())
                .asStream()
                .filter(e -> asKnownAt == null || !e.getTimestamp().isAfter(asKnownAt))
                .toList();
        if (stream.isEmpty()) {
            throw notFound(chronicleId, reportId);
        }
        return ReportHistory.of(chronicleId, reportId, stream, asKnownAt);
    }

    private static Refusal.NotFound notFound(String chronicleId, String reportId) {
        return new Refusal.NotFound("No report '" + reportId + "' in chronicle '" + chronicleId + "'.");
    }
}
