package org.chronicle.query.replay;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chronicle.api.Refusal;
import org.chronicle.api.Violation;
import org.chronicle.api.chronicle.ChronicleDefinition;
import java.time.Instant;
import org.chronicle.query.AsOf;
import org.chronicle.query.ProjectionProgress;
import org.springframework.core.task.TaskExecutor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET .../replay?from=&to=}: the battle day by day, as a JSON array or, with
 * {@code Accept: text/event-stream}, as one {@code day} event per day, so that a client can show
 * each day as it arrives.
 */
@RestController
@RequestMapping("/api/v1/chronicles/{chronicleId}/replay")
class ReplayController {

    private static final long STREAM_TIMEOUT_MILLIS = 300_000;

    private final DayStates days;
    private final ProjectionProgress progress;
    private final TaskExecutor executor;

    ReplayController(DayStates days, ProjectionProgress progress, TaskExecutor executor) {
        this.days = days;
        this.progress = progress;
        this.executor = executor;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<DayStates.DayState> replay(@PathVariable String chronicleId,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                    AsOf asOf, @RequestParam(required = false) Long consistentWith) {
        progress.await(consistentWith);
        ChronicleDefinition chronicle = days.chronicle(chronicleId, asOf);
        Instant answeredAt = Instant.now();
        return range(chronicle, from, to).stream()
                .map(day -> days.on(chronicleId, chronicle, day, asOf, answeredAt)).toList();
    }

    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String chronicleId,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      AsOf asOf, @RequestParam(required = false) Long consistentWith) {
        progress.await(consistentWith);
        ChronicleDefinition chronicle = days.chronicle(chronicleId, asOf);
        List<LocalDate> range = range(chronicle, from, to);
        Instant answeredAt = Instant.now();
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MILLIS);
        executor.execute(() -> {
            try {
                for (LocalDate day : range) {
                    emitter.send(SseEmitter.event().name("day").id(day.toString())
                            .data(days.on(chronicleId, chronicle, day, asOf, answeredAt), MediaType.APPLICATION_JSON));
                }
                emitter.complete();
            } catch (IOException | RuntimeException e) {
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    /** The days asked for: the whole period by default, and never beyond it. */
    private static List<LocalDate> range(ChronicleDefinition chronicle, LocalDate from, LocalDate to) {
        LocalDate start = from == null ? chronicle.period().start() : from;
        LocalDate end = to == null ? chronicle.period().end() : to;
        List<Violation> violations = new ArrayList<>();
        if (!chronicle.period().contains(start)) {
            violations.add(new Violation("from", start + " lies outside the chronicle's period"));
        }
        if (!chronicle.period().contains(end)) {
            violations.add(new Violation("to", end + " lies outside the chronicle's period"));
        }
        if (end.isBefore(start)) {
            violations.add(new Violation("to", "must not be before from"));
        }
        if (!violations.isEmpty()) {
            throw new Refusal.Invalid(violations);
        }
        return start.datesUntil(end.plusDays(1)).toList();
    }
}
