package org.chronicle.query.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chronicle.api.PlainText;
import org.chronicle.api.Refusal;
import org.chronicle.api.Violation;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.report.ReportStatus;
import org.chronicle.api.report.ReportType;
import org.chronicle.query.AsOf;
import org.chronicle.query.ProjectionProgress;
import org.chronicle.query.chronicle.ChronicleDirectory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET .../reports?type=&area=&from=&to=&status=&q=&page=&size=}: the reports that match,
 * newest first, a page at a time. An area takes in the areas below it.
 */
@RestController
@RequestMapping("/api/v1/chronicles/{chronicleId}/reports")
class ReportSearchController {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 200;
    static final int MAX_QUERY = 1_000;

    private final ReportVersions versions;
    private final ChronicleDirectory chronicles;
    private final ProjectionProgress progress;

    ReportSearchController(ReportVersions versions, ChronicleDirectory chronicles, ProjectionProgress progress) {
        this.versions = versions;
        this.chronicles = chronicles;
        this.progress = progress;
    }

    @GetMapping
    ReportPage search(@PathVariable String chronicleId,
                      @RequestParam(required = false) ReportType type,
                      @RequestParam(required = false) String area,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(required = false) ReportStatus status,
                      @RequestParam(required = false) String q,
                      @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size,
                      AsOf asOf,
                      @RequestParam(required = false) Long consistentWith) {
        progress.await(consistentWith);
        ChronicleDefinition chronicle = chronicles.find(chronicleId, asOf)
                .orElseThrow(() -> new Refusal.NotFound("No chronicle '" + chronicleId + "'."));
        List<Violation> violations = new ArrayList<>();
        if (area != null && !chronicle.areaIds().contains(area)) {
            violations.add(new Violation("area", "'" + area + "' is not an area of chronicle '" + chronicleId + "'"));
        }
        if (q != null) {
            if (q.length() > MAX_QUERY) {
                violations.add(new Violation("q", "must be at most " + MAX_QUERY + " characters"));
            }
            PlainText.refusal(q).ifPresent(why -> violations.add(new Violation("q", why)));
        }
        outsideTheCalendar("from", from, violations);
        outsideTheCalendar("to", to, violations);
        if (from != null && to != null && to.isBefore(from)) {
            violations.add(new Violation("to", "must not be before from"));
        }
        if (page < 0) {
            violations.add(new Violation("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            violations.add(new Violation("size", "must be from 1 to " + MAX_SIZE));
        }
        if (!violations.isEmpty()) {
            throw new Refusal.Invalid(violations);
        }
        List<String> areas = area == null ? null
                : chronicle.areaIds().stream().filter(a -> chronicle.isWithin(a, area)).toList();
        return versions.search(chronicleId, new ReportSearch(type, areas, from, to, status, q, page, size), asOf);
    }

    /** Java's days reach a billion years either way; the database's do not. */
    private static void outsideTheCalendar(String field, LocalDate day, List<Violation> violations) {
        if (day != null && (day.getYear() < 1 || day.getYear() > 9999)) {
            violations.add(new Violation(field, "must lie in the years 0001 to 9999"));
        }
    }
}
