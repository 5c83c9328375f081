package org.chronicle.query.chronicle;

import java.time.Instant;
import java.util.List;
import org.chronicle.api.Period;
import org.chronicle.api.Refusal;
import org.chronicle.api.chronicle.Area;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.chronicle.InitialControl;
import org.chronicle.api.chronicle.Place;
import org.chronicle.api.chronicle.Side;
import org.axonframework.common.DateTimeUtils;
import org.chronicle.query.AsOf;
import org.chronicle.query.ProjectionProgress;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/chronicles} and {@code GET /api/v1/chronicles/{id}}: definitions with their counts. */
@RestController
@RequestMapping("/api/v1/chronicles")
class ChronicleDirectoryController {

    private final ChronicleDirectory directory;
    private final JdbcTemplate jdbc;
    private final ProjectionProgress progress;

    ChronicleDirectoryController(ChronicleDirectory directory, JdbcTemplate jdbc, ProjectionProgress progress) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.progress = progress;
    }

    @GetMapping
    List<ChronicleView> all(AsOf asOf, @RequestParam(required = false) Long consistentWith) {
        progress.await(consistentWith);
        return directory.ids().stream()
                .flatMap(id -> directory.find(id, asOf).map(definition -> view(id, definition, asOf)).stream())
                .toList();
    }

    @GetMapping("/{chronicleId}")
    ChronicleView one(@PathVariable String chronicleId, AsOf asOf,
                      @RequestParam(required = false) Long consistentWith) {
        progress.await(consistentWith);
        return view(chronicleId, directory.find(chronicleId, asOf)
                .orElseThrow(() -> new Refusal.NotFound("No chronicle '" + chronicleId + "'.")), asOf);
    }

    /**
     * The counts come from the store itself: the chronicle's own stream and its reports' streams,
     * whose aggregate ids begin with the chronicle's id and a slash (an {@code _} in the id is a
     * character there, not LIKE's wildcard). Axon writes every instant with
     * three digits of milliseconds, so the stored text compares in time order.
     */
    private ChronicleView view(String chronicleId, ChronicleDefinition definition, AsOf asOf) {
        String knownAt = asOf.knownAt() == null ? "9999" : DateTimeUtils.formatInstant(asOf.knownAt());
        return jdbc.queryForObject("""
                        SELECT COUNT(*), COUNT(DISTINCT aggregate_identifier), MAX(time_stamp) FROM domain_event_entry
                        WHERE (aggregate_identifier = ? OR aggregate_identifier LIKE ? ESCAPE '!') AND time_stamp <= ?""",
                (rs, n) -> new ChronicleView(chronicleId, definition.name(), definition.place(), definition.period(),
                        definition.sides(), definition.areas(), definition.initialControl(),
                        rs.getLong(2) - 1, rs.getLong(1), rs.getString(3) == null ? null : Instant.parse(rs.getString(3))),
                chronicleId, chronicleId.replace("_", "!_") + "/%", knownAt);
    }

    record ChronicleView(String chronicleId, String name, Place place, Period period, List<Side> sides,
                         List<Area> areas, List<InitialControl> initialControl, long reports, long events,
                         Instant lastRecordedAt) {
    }
}
