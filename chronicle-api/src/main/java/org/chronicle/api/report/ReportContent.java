package org.chronicle.api.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.List;
import org.chronicle.api.Period;

/**
 * All that one version of a report says. A report is dated by {@code date} (with an optional
 * {@code latestDate} when the day is uncertain) or is a claim over a {@code period}, never both.
 * The block of its type is present and the other types' blocks are not.
 */
public record ReportContent(
        ReportType type,
        LocalDate date,
        LocalDate latestDate,
        Period period,
        String area,
        String summary,
        List<SourceRef> sources,
        List<Casualties> casualties,
        Shelling shelling,
        Defection defection,
        ControlChange control,
        Origin origin) {

    public ReportContent {
        sources = sources == null ? List.of() : List.copyOf(sources);
        casualties = casualties == null ? List.of() : List.copyOf(casualties);
    }

    @JsonIgnore
    public boolean isPeriodClaim() {
        return period != null;
    }

    /** The earliest day a source published it: when the news first told of it. */
    @JsonIgnore
    public LocalDate firstPublished() {
        return sources.stream()
                .map(SourceRef::publishedOn)
                .filter(d -> d != null)
                .min(LocalDate::compareTo)
                .orElse(null);
    }
}
