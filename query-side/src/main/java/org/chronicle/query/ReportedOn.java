package org.chronicle.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.chronicle.api.report.ReportCorrected;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.api.report.SourceRef;

/**
 * The day from which an event counts on the "as reported by" axis: a report's first version from
 * the earliest publication day among its sources, a correction from the earliest among the
 * sources that justify it, either from the day it was recorded when no source is dated.
 * Retractions, reinstatements and duplicate marks count from the day they were recorded.
 */
public final class ReportedOn {

    private ReportedOn() {
    }

    public static LocalDate of(ReportRecorded event, Instant recordedAt) {
        return earliest(event.report().sources(), recordedAt);
    }

    public static LocalDate of(ReportCorrected event, Instant recordedAt) {
        return earliest(event.sources(), recordedAt);
    }

    /** The day of the instant, in UTC, the zone of every instant the API gives. */
    public static LocalDate recorded(Instant recordedAt) {
        return LocalDate.ofInstant(recordedAt, ZoneOffset.UTC);
    }

    private static LocalDate earliest(List<SourceRef> sources, Instant recordedAt) {
        return sources.stream().map(SourceRef::publishedOn).filter(Objects::nonNull).min(LocalDate::compareTo)
                .orElseGet(() -> recorded(recordedAt));
    }
}
